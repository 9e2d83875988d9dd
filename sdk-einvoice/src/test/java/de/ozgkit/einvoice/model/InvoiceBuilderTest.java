package de.ozgkit.einvoice.model;

import static de.ozgkit.einvoice.TestInvoices.d;
import static de.ozgkit.einvoice.TestInvoices.minimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.einvoice.TestInvoices;
import de.ozgkit.einvoice.XRechnungVariant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvoiceBuilderTest {

    @Test
    void build_singleLine_derivesNetAmountVatAndTotals() {
        Invoice inv = minimal().build();
        assertThat(inv.lines().get(0).netAmount()).isEqualTo(d("955.00"));
        assertThat(inv.vatBreakdown()).containsExactly(
                new VatBreakdown(d("955.00"), d("181.45"), "S", d("19"), null, null));
        DocumentTotals t = inv.totals();
        assertThat(t.lineNetTotal()).isEqualTo(d("955.00"));
        assertThat(t.totalWithoutVat()).isEqualTo(d("955.00"));
        assertThat(t.vatTotal()).isEqualTo(d("181.45"));
        assertThat(t.totalWithVat()).isEqualTo(d("1136.45"));
        assertThat(t.amountDue()).isEqualTo(d("1136.45"));
        assertThat(t.allowanceTotal()).isNull();
        assertThat(t.chargeTotal()).isNull();
        assertThat(inv.typeCode()).isEqualTo("380");
        assertThat(inv.currencyCode()).isEqualTo("EUR");
        assertThat(inv.variant()).contains(XRechnungVariant.STANDARD);
        assertThat(inv.businessProcessType()).isEqualTo(Invoice.DEFAULT_BUSINESS_PROCESS);
    }

    @Test
    void lineNetAmount_roundsHalfUpToTwoDecimals() {
        // 3 x 33.335 = 100.005 -> 100.01; 19 % of 100.01 = 19.0019 -> 19.00
        Invoice inv = minimal().build().toBuilder()
                .addLine(line("2", "3", "C62", "33.335", VatCategory.STANDARD_RATE, "7").build()).build();
        assertThat(inv.lines().get(1).netAmount()).isEqualTo(d("100.01"));
        assertThat(inv.vatBreakdown().get(1)).isEqualTo(new VatBreakdown(d("100.01"), d("7.00"), "S", d("7"), null, null));
        // 7 % of 100.01 = 7.0007 -> 7.00; half-up case: 7 % of 100.50 = 7.035 -> 7.04
        Invoice inv2 = minimal().addLine(line("2", "1", "C62", "100.50", VatCategory.STANDARD_RATE, "7").build()).build();
        assertThat(inv2.vatBreakdown().get(1).taxAmount()).isEqualTo(d("7.04"));
    }

    @Test
    void lineNetAmount_honoursBaseQuantityAndLineAllowancesAndCharges() {
        InvoiceLine l = line("1", "250", "KGM", "12.50", VatCategory.STANDARD_RATE, "7")
                .baseQuantity(d("100"), null)
                .addAllowanceCharge(LineAllowanceCharge.percentage(false, d("10"), "Rabatt", "95"))
                .addAllowanceCharge(LineAllowanceCharge.charge(d("1.00"), "Verpackung", "ABL"))
                .build();
        // 250 x 12.50 / 100 = 31.25; allowance 10 % = 3.13 (3.125 half up); + 1.00 charge
        assertThat(l.allowances().get(0).amount()).isEqualTo(d("3.13"));
        assertThat(l.allowances().get(0).baseAmount()).isEqualTo(d("31.25"));
        assertThat(l.netAmount()).isEqualTo(d("29.12"));
        assertThat(l.price().baseQuantityUnit()).isEqualTo("KGM");
    }

    @Test
    void linePrice_derivesDiscountFromGrossAndNet() {
        InvoiceLine l = line("1", "2", "C62", "8.00", VatCategory.STANDARD_RATE, "19").grossPrice(d("10.00"), null).build();
        assertThat(l.price().discount()).isEqualTo(d("2.00"));
        InvoiceLine l2 = InvoiceLine.builder().id("1").item(Item.named("x")).quantity(d("1"), "C62")
                .grossPrice(d("10.00"), d("1.50")).vat(VatCategory.STANDARD_RATE, d("19")).build();
        assertThat(l2.price().netPrice()).isEqualTo(d("8.50"));
        assertThat(l2.netAmount()).isEqualTo(d("8.50"));
    }

    @Test
    void vatBreakdown_perCategoryAndRate_withDocumentAllowancesAndCharges() {
        Invoice inv = minimal()
                .addLine(line("2", "1", "C62", "200.00", VatCategory.STANDARD_RATE, "7").build())
                .addLine(line("3", "1", "C62", "45.00", VatCategory.STANDARD_RATE, "19").build())
                .addAllowanceCharge(AllowanceCharge.percentage(false, d("1000.00"), d("2.5"),
                        VatCategory.STANDARD_RATE, d("19"), "Rabatt", "95"))
                .addAllowanceCharge(AllowanceCharge.charge(d("5.00"), VatCategory.STANDARD_RATE, d("7"), "Porto", "FC"))
                .build();
        assertThat(inv.allowances().get(0).amount()).isEqualTo(d("25.00"));
        // S 19: 955 + 45 - 25 = 975.00, tax 185.25; S 7: 200 + 5 = 205.00, tax 14.35
        assertThat(inv.vatBreakdown()).containsExactly(
                new VatBreakdown(d("975.00"), d("185.25"), "S", d("19"), null, null),
                new VatBreakdown(d("205.00"), d("14.35"), "S", d("7"), null, null));
        DocumentTotals t = inv.totals();
        assertThat(t.lineNetTotal()).isEqualTo(d("1200.00"));
        assertThat(t.allowanceTotal()).isEqualTo(d("25.00"));
        assertThat(t.chargeTotal()).isEqualTo(d("5.00"));
        assertThat(t.totalWithoutVat()).isEqualTo(d("1180.00"));
        assertThat(t.vatTotal()).isEqualTo(d("199.60"));
        assertThat(t.totalWithVat()).isEqualTo(d("1379.60"));
    }

    @Test
    void amountDue_subtractsPaidAndAddsRounding() {
        Invoice inv = minimal().paidAmount(d("100.00")).roundingAmount(d("0.05")).build();
        assertThat(inv.totals().amountDue()).isEqualTo(d("1036.50"));
        assertThat(inv.totals().paidAmount()).isEqualTo(d("100.00"));
    }

    @Test
    void exemptCategories_haveZeroTaxAndCarryTheExemptionReason() {
        Invoice inv = minimal()
                .addLine(line("2", "1", "C62", "50.00", VatCategory.EXEMPT, "0").build())
                .vatExemption(VatCategory.EXEMPT, "Steuerfrei nach § 4 Nr. 14 UStG", null)
                .build();
        assertThat(inv.vatBreakdown().get(1)).isEqualTo(
                new VatBreakdown(d("50.00"), d("0.00"), "E", d("0"), "Steuerfrei nach § 4 Nr. 14 UStG", null));
    }

    @Test
    void notSubjectToVat_getsRateZeroInTheBreakdown() {
        Invoice inv = Invoice.builder()
                .number("1").issueDate(LocalDate.of(2024, 1, 1)).buyerReference("991-33333TEST-33")
                .paymentDueDate(LocalDate.of(2024, 2, 1))
                .seller(TestInvoices.seller().toBuilder().vatId(null).legalRegistrationId(Identifier.of("HRB 1", null)).build())
                .buyer(TestInvoices.buyer())
                .paymentInstructions(PaymentInstructions.sepaCreditTransfer("DE75512108001245126199", null, null))
                .addLine(line("1", "1", "C62", "30.00", VatCategory.NOT_SUBJECT_TO_VAT, null).build())
                .vatExemption(VatCategory.NOT_SUBJECT_TO_VAT, "Nicht steuerbar", "VATEX-EU-O")
                .build();
        assertThat(inv.vatBreakdown()).containsExactly(
                new VatBreakdown(d("30.00"), d("0.00"), "O", d("0"), "Nicht steuerbar", "VATEX-EU-O"));
        assertThat(inv.lines().get(0).vatRate()).isNull();
    }

    @Test
    void toBuilder_rebuildsAnEqualInvoice() {
        Invoice rich = TestInvoices.rich();
        assertThat(rich.toBuilder().build()).isEqualTo(rich);
        assertThat(rich.toRawBuilder().build()).isEqualTo(rich);
    }

    @Test
    void richInvoice_derivesAllowancesOnLinesAndDocument() {
        Invoice rich = TestInvoices.rich();
        InvoiceLine l1 = rich.lines().get(0);
        // 10 x 95.50 = 955.00; - 10 % (95.50) + 15.00
        assertThat(l1.netAmount()).isEqualTo(d("874.50"));
        assertThat(rich.lines().get(1).netAmount()).isEqualTo(d("31.25"));
        assertThat(rich.lines().get(1).price().discount()).isEqualTo(d("0.50"));
        assertThat(rich.allowances().get(0).amount()).isEqualTo(d("10.00"));
        assertThat(rich.totals().vatTotalInAccountingCurrency()).isEqualTo(d("40.12"));
    }

    @Test
    void rawBuilder_takesValuesAsTheyAre() {
        Invoice raw = Invoice.rawBuilder().number("X").totals(new DocumentTotals(d("1"), null, null, d("1"), d("5"),
                null, d("2"), null, null, d("3"))).build();
        assertThat(raw.totals().vatTotal()).isEqualTo(d("5.00"));
        assertThat(raw.lines()).isEmpty();
        assertThat(raw.currencyCode()).isNull();
        assertThatThrownBy(() -> Invoice.builder().totals(raw.totals())).isInstanceOfSatisfying(
                InvoiceValueException.class, e -> assertThat(e.field()).isEqualTo("BG-22"));
        assertThatThrownBy(() -> Invoice.rawBuilder().paidAmount(d("1"))).isInstanceOfSatisfying(
                InvoiceValueException.class, e -> assertThat(e.field()).isEqualTo("BG-22"));
        assertThatThrownBy(() -> InvoiceBuilder.skontoLine(-1, d("2"), null)).isInstanceOf(InvoiceValueException.class);
    }

    @Test
    void numbersNoInvoiceCanHold_areRefusedAsValues() {
        // 1E+999999999 would take a billion digits written out; its canonical form overflows BigInteger
        for (String v : List.of("1E+999999999", "1E-999999999", "1E+1001", "1E-1001")) {
            assertThatThrownBy(() -> new VatBreakdown(new BigDecimal(v), d("0"), "E", d("0"), null, null))
                    .isInstanceOfSatisfying(InvoiceValueException.class, e -> assertThat(e.field()).isEqualTo("decimal"))
                    .hasMessageContaining("more than 1000 digits");
            assertThatThrownBy(() -> minimal().addLine(TestInvoices.line("2", "1", "H87", "1", VatCategory.STANDARD_RATE,
                    "19").quantity(new BigDecimal(v), "H87").build()).build())
                    .isInstanceOf(InvoiceValueException.class);
        }
        assertThat(new VatBreakdown(new BigDecimal("1E+999"), d("0"), "E", d("0"), null, null).taxableAmount().precision())
                .isEqualTo(1002);
    }

    @Test
    void model_treatsTrailingZerosAsInsignificant() {
        assertThat(new VatBreakdown(d("336.9"), d("7"), "S", d("7.00"), null, null))
                .isEqualTo(new VatBreakdown(d("336.90"), d("7.000"), "S", d("7"), "", ""));
        assertThat(new BinaryObject(new byte[] {1, 2}, "a/b", "f")).isEqualTo(new BinaryObject(new byte[] {1, 2}, "a/b", "f"));
    }

    @Test
    void skontoLine_formatsTheXRechnungCashDiscount() {
        assertThat(InvoiceBuilder.skontoLine(14, d("2"), null)).isEqualTo("#SKONTO#TAGE=14#PROZENT=2.00#\n");
        assertThat(InvoiceBuilder.skontoLine(7, d("3.5"), d("100"))).isEqualTo("#SKONTO#TAGE=7#PROZENT=3.50#BASISBETRAG=100.00#\n");
        Invoice inv = minimal().paymentTerms("Zahlbar in 30 Tagen\n" + InvoiceBuilder.skontoLine(14, d("2"), null)).build();
        assertThat(inv.paymentTerms()).endsWith("#\n");
    }

    /** Whether {@link #line} hands out raw line builders (set by {@link BuilderRulesMatchValidatorTest}). */
    static final ThreadLocal<Boolean> RAW_LINES = ThreadLocal.withInitial(() -> false);

    /** {@link TestInvoices#line}, or the same values on a raw line builder when {@link #RAW_LINES} is set. */
    static InvoiceLine.Builder line(String id, String qty, String unit, String price, VatCategory cat, String rate) {
        if (!RAW_LINES.get()) {
            return TestInvoices.line(id, qty, unit, price, cat, rate);
        }
        InvoiceLine.Builder b = InvoiceLine.rawBuilder().id(id).item(Item.named("Leistung " + id))
                .quantity(d(qty), unit).netPrice(d(price)).vat(cat, rate == null ? null : d(rate));
        BigDecimal net = de.ozgkit.einvoice.internal.Calculations.lineAmount(d(qty), d(price), null);
        return net == null ? b : b.netAmount(net);
    }

    static Stream<Arguments> refusals() {
        Seller noVat = TestInvoices.seller().toBuilder().vatId(null).legalRegistrationId(Identifier.of("HRB 1", null)).build();
        Seller taxNumberOnly = TestInvoices.seller().toBuilder().vatId(null).taxRegistrationId("12/345/67890").build();
        return Stream.of(
                refuse("BR-DE-15", b -> b.buyerReference(null)),
                refuse("BR-02", b -> b.number(null)),
                refuse("BR-03", b -> b.issueDate(null)),
                refuse("BR-05", b -> b.currencyCode(null)),
                refuse("BR-01", b -> b.specificationIdentifier(null)),
                refuse("BR-06", b -> b.seller(TestInvoices.seller().toBuilder().name(null).build())),
                refuse("BR-DE-2", b -> b.seller(TestInvoices.seller().toBuilder().contact(null).build())),
                refuse("BR-DE-5", b -> b.seller(TestInvoices.seller().toBuilder().contact(new Contact(null, "+49 1", "a@b.de")).build())),
                refuse("BR-DE-6", b -> b.seller(TestInvoices.seller().toBuilder().contact(new Contact("A", null, "a@b.de")).build())),
                refuse("BR-DE-7", b -> b.seller(TestInvoices.seller().toBuilder().contact(new Contact("A", "+49 1", null)).build())),
                refuse("BR-DE-3", b -> b.seller(TestInvoices.seller().toBuilder().address(PostalAddress.of("S", "1", null, "DE")).build())),
                refuse("BR-DE-4", b -> b.seller(TestInvoices.seller().toBuilder().address(PostalAddress.of("S", null, "C", "DE")).build())),
                refuse("BR-09", b -> b.seller(TestInvoices.seller().toBuilder().address(PostalAddress.of("S", "1", "C", null)).build())),
                refuse("PEPPOL-EN16931-R020", b -> b.seller(TestInvoices.seller().toBuilder().electronicAddress(null).build())),
                refuse("BR-62", b -> b.seller(TestInvoices.seller().toBuilder().electronicAddress(Identifier.of("x@y.de")).build())),
                refuse("BR-CO-26", b -> b.seller(TestInvoices.seller().toBuilder().vatId(null).taxRegistrationId("1/2/3").build())),
                refuse("BR-CO-09", b -> b.seller(TestInvoices.seller().toBuilder().vatId("123456789").build())),
                refuse("BR-07", b -> b.buyer(TestInvoices.buyer().toBuilder().name(null).build())),
                refuse("BR-DE-9", b -> b.buyer(TestInvoices.buyer().toBuilder().address(PostalAddress.of("S", null, "C", "DE")).build())),
                refuse("BR-DE-8", b -> b.buyer(TestInvoices.buyer().toBuilder().address(PostalAddress.of("S", "1", null, "DE")).build())),
                refuse("PEPPOL-EN16931-R010", b -> b.buyer(TestInvoices.buyer().toBuilder().electronicAddress(null).build())),
                refuse("BR-16", b -> b.toString(), true),
                refuse("BR-S-05", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "0").build())),
                refuse("BR-Z-05", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.ZERO_RATED, "19").build())),
                refuse("BR-S-02", b -> b.seller(noVat)),
                refuse("BR-E-10", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.EXEMPT, "0").build())),
                refuse("BR-S-10", b -> b.vatExemption(VatCategory.STANDARD_RATE, "no", null)),
                refuse("BR-O-02", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.NOT_SUBJECT_TO_VAT, null).build())
                        .vatExemption(VatCategory.NOT_SUBJECT_TO_VAT, "n", null)),
                refuse("BR-O-05", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.NOT_SUBJECT_TO_VAT, "0").build())),
                refuse("BR-O-11", b -> b.seller(taxNumberOnly.toBuilder().legalRegistrationId(Identifier.of("HRB 1", null)).build())
                        .addLine(line("2", "1", "C62", "1.00", VatCategory.NOT_SUBJECT_TO_VAT, null).build())
                        .vatExemption(VatCategory.NOT_SUBJECT_TO_VAT, "n", null)),
                refuse("BR-AE-02", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.REVERSE_CHARGE, "0").build())
                        .vatExemption(VatCategory.REVERSE_CHARGE, "Reverse charge", "VATEX-EU-AE")),
                refuse("BR-IC-02", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.INTRA_COMMUNITY_SUPPLY, "0").build())
                        .vatExemption(VatCategory.INTRA_COMMUNITY_SUPPLY, null, "VATEX-EU-IC")),
                refuse("BR-IC-11", b -> b.buyer(TestInvoices.buyer().toBuilder().vatId("FR12345678901").build())
                        .addLine(line("2", "1", "C62", "1.00", VatCategory.INTRA_COMMUNITY_SUPPLY, "0").build())
                        .vatExemption(VatCategory.INTRA_COMMUNITY_SUPPLY, null, "VATEX-EU-IC")),
                refuse("BR-CL-18", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19").vat("X", d("19")).build())),
                refuse("BR-DE-1", b -> b.paymentInstructions(null)),
                refuse("BR-DE-23-a", b -> b.paymentInstructions(new PaymentInstructions("58", null, null, List.of(), null, null))),
                refuse("BR-DE-24-a", b -> b.paymentInstructions(new PaymentInstructions("54", null, null, List.of(), null, null))),
                refuse("BR-DE-25-b", b -> b.paymentInstructions(new PaymentInstructions("59", null, null,
                        List.of(new CreditTransfer("DE75512108001245126199", null, null)), null, new DirectDebit("M1", "C1", "DE02120300000000202051")))),
                refuse("BR-DE-30", b -> b.paymentInstructions(PaymentInstructions.sepaDirectDebit("M1", null, "DE02120300000000202051"))),
                refuse("BR-DE-31", b -> b.paymentInstructions(PaymentInstructions.sepaDirectDebit("M1", "DE98ZZZ09999999999", null))),
                refuse("PEPPOL-EN16931-R061", b -> b.paymentInstructions(PaymentInstructions.sepaDirectDebit(null, "DE98ZZZ09999999999", "DE02120300000000202051"))),
                refuse("BR-CO-25", b -> b.paymentDueDate(null)),
                refuse("BR-DE-18", b -> b.paymentTerms("#SKONTO#TAGE=14#PROZENT=2#\n")),
                refuse("BR-DE-18", b -> b.paymentTerms("#SKONTO#TAGE=14#PROZENT=2.00#")),
                refuse("BR-CO-03", b -> b.vatPointDate(LocalDate.of(2024, 5, 1)).vatPointDateCode("35")),
                refuse("BR-29", b -> b.invoicingPeriod(Period.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 1)))),
                refuse("BR-CO-19", b -> b.invoicingPeriod(Period.of(null, null))),
                refuse("PEPPOL-EN16931-R110", b -> b.invoicingPeriod(Period.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30)))
                        .addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19")
                                .period(Period.of(LocalDate.of(2024, 3, 31), null)).build())),
                refuse("PEPPOL-EN16931-R120", b -> b.addLine(line("2", "2", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                        .netAmount(d("25.00")).build())),
                refuse("BR-27", b -> b.addLine(line("2", "1", "C62", "-1.00", VatCategory.STANDARD_RATE, "19").build())),
                refuse("BR-26", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19").netPrice(null).build())),
                refuse("BR-21", b -> b.addLine(line(null, "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19").build())),
                refuse("BR-23", b -> b.addLine(line("2", "1", null, "1.00", VatCategory.STANDARD_RATE, "19").build())),
                refuse("BR-25", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19").item(null).build())),
                refuse("BR-CO-04", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19").vat((String) null, null).build())),
                refuse("PEPPOL-EN16931-R130", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19")
                        .baseQuantity(d("10"), "KGM").build())),
                refuse("PEPPOL-EN16931-R121", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19")
                        .baseQuantity(d("0"), null).build())),
                refuse("PEPPOL-EN16931-R046", b -> b.addLine(line("2", "1", "C62", "8.00", VatCategory.STANDARD_RATE, "19")
                        .grossPrice(d("10.00"), d("1.00")).build())),
                refuse("BR-42", b -> b.addLine(line("2", "1", "C62", "8.00", VatCategory.STANDARD_RATE, "19")
                        .addAllowanceCharge(LineAllowanceCharge.allowance(d("1.00"), null, null)).build())),
                refuse("BR-DEC-24", b -> b.addLine(line("2", "1", "C62", "8.00", VatCategory.STANDARD_RATE, "19")
                        .addAllowanceCharge(LineAllowanceCharge.allowance(d("1.005"), "r", null)).build())),
                refuse("BR-33", b -> b.addAllowanceCharge(AllowanceCharge.allowance(d("1.00"), VatCategory.STANDARD_RATE, d("19"), null, null))),
                refuse("BR-37", b -> b.addAllowanceCharge(new AllowanceCharge(true, d("1.00"), null, null, null, null, "Fracht", null))),
                refuse("PEPPOL-EN16931-R041", b -> b.addAllowanceCharge(AllowanceCharge.percentage(false, null, d("3"),
                        VatCategory.STANDARD_RATE, d("19"), "Rabatt", null))),
                refuse("PEPPOL-EN16931-R040", b -> b.addAllowanceCharge(new AllowanceCharge(false, d("5.00"), d("100.00"), d("3"),
                        "S", d("19"), "Rabatt", null))),
                refuse("BR-DEC-16", b -> b.paidAmount(d("1.001"))),
                refuse("BR-DE-22", b -> b.addSupportingDocument(new SupportingDocument("A", null, null, new BinaryObject(new byte[1], "application/pdf", "a.pdf")))
                        .addSupportingDocument(new SupportingDocument("B", null, null, new BinaryObject(new byte[1], "application/pdf", "a.pdf")))),
                refuse("BR-53", b -> b.vatAccountingCurrencyCode("USD")),
                refuse("PEPPOL-EN16931-R005", b -> b.vatAccountingCurrency("EUR", d("1.00"))),
                refuse("UBL-SR-19", b -> b.payee(new Payee("Stadtwerke Musterstadt GmbH", null, null))),
                refuse("BR-17", b -> b.payee(new Payee(null, Identifier.of("P"), null))),
                refuse("BR-56", b -> b.taxRepresentative(new TaxRepresentative("Rep", null, PostalAddress.of("a", "1", "b", "DE")))),
                refuse("BR-DE-10", b -> b.delivery(new Delivery(null, null, null, PostalAddress.of("a", "1", null, "DE")))),
                refuse("BR-57", b -> b.delivery(new Delivery(null, null, null, PostalAddress.of("a", "1", "b", null)))),
                refuse("BR-64", b -> b.addLine(line("2", "1", "C62", "1.00", VatCategory.STANDARD_RATE, "19")
                        .item(new Item("x", null, null, null, Identifier.of("4012345678901"), List.of(), null, List.of())).build())),
                refuse("BR-DEX-02", b -> b.variant(XRechnungVariant.EXTENSION).addLine(line("2", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                        .addSubLine(line("2.1", "1", "C62", "4.00", VatCategory.STANDARD_RATE, "19").build()).build())),
                refuse("BR-DE-CVD-01", b -> b.variant(XRechnungVariant.CVD)),
                refuse("BR-DE-CVD-03", b -> b.variant(XRechnungVariant.CVD).contractReference("V1").tenderOrLotReference("L1"))
        );
    }

    private static Arguments refuse(String rule, Consumer<InvoiceBuilder> mutation) {
        return refuse(rule, mutation, false);
    }

    /** @param fromScratch start without lines (for BR-16) */
    private static Arguments refuse(String rule, Consumer<InvoiceBuilder> mutation, boolean fromScratch) {
        return Arguments.of(rule, mutation, fromScratch);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void build_refusesRuleViolation_namingTheRule(String rule, Consumer<InvoiceBuilder> mutation, boolean fromScratch) {
        assertThatThrownBy(() -> {
            InvoiceBuilder b = fromScratch ? noLines() : minimal();
            mutation.accept(b);
            b.build();
        }).isInstanceOfSatisfying(InvoiceRuleException.class, e -> {
            assertThat(e.ruleId()).isEqualTo(rule);
            assertThat(e.getMessage()).startsWith(rule + ": ");
        });
    }

    private static InvoiceBuilder noLines() {
        Invoice base = minimal().build();
        InvoiceBuilder b = Invoice.builder().number(base.number()).issueDate(base.issueDate())
                .buyerReference(base.buyerReference()).paymentDueDate(base.paymentDueDate()).seller(base.seller())
                .buyer(base.buyer()).paymentInstructions(base.paymentInstructions());
        return b;
    }

    @Test
    void subLines_sumToTheParentLine() {
        InvoiceLine parent = line("1", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                .addSubLine(line("1.1", "1", "C62", "4.00", VatCategory.STANDARD_RATE, "19").build())
                .addSubLine(line("1.2", "2", "C62", "3.00", VatCategory.STANDARD_RATE, "19").build())
                .build();
        Invoice inv = minimal().variant(XRechnungVariant.EXTENSION).addLine(parent).build();
        assertThat(inv.lines().get(1).subLines()).hasSize(2);
        assertThat(inv.totals().lineNetTotal()).isEqualTo(new BigDecimal("965.00"));
    }
}
