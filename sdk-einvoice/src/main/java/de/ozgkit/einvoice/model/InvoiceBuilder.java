package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.XRechnungVariant;
import de.ozgkit.einvoice.internal.Calculations;
import de.ozgkit.einvoice.internal.InvoiceRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link Invoice}; not thread-safe. Obtain it from {@link Invoice#builder()} (deriving:
 * computes line net amounts, VAT breakdown and totals, refuses rule violations with an
 * {@link InvoiceRuleException}) or {@link Invoice#rawBuilder()} (takes every value as it is).
 *
 * <pre>{@code
 * Invoice invoice = Invoice.builder()
 *         .number("RE-2024-0001")
 *         .issueDate(LocalDate.of(2024, 5, 2))
 *         .buyerReference("04011000-1234512345-06")
 *         .paymentDueDate(LocalDate.of(2024, 6, 1))
 *         .seller(seller)
 *         .buyer(buyer)
 *         .paymentInstructions(PaymentInstructions.sepaCreditTransfer("DE75512108001245126199", null, null))
 *         .addLine(InvoiceLine.builder().id("1").item(Item.named("Gebühr"))
 *                 .quantity(BigDecimal.ONE, "C62").netPrice(new BigDecimal("100.00"))
 *                 .vat(VatCategory.STANDARD_RATE, new BigDecimal("19")).build())
 *         .build();
 * invoice.totals().amountDue();   // 119.00
 * }</pre>
 */
public final class InvoiceBuilder {

    /** Why a VAT category is exempt: BT-120 and BT-121 for the breakdown of that category. */
    private record Exemption(String reason, String code) {
    }

    private final boolean derive;
    private String number;
    private LocalDate issueDate;
    private String typeCode;
    private String currencyCode;
    private String vatAccountingCurrencyCode;
    private LocalDate vatPointDate;
    private String vatPointDateCode;
    private LocalDate paymentDueDate;
    private String buyerReference;
    private String projectReference;
    private String contractReference;
    private String purchaseOrderReference;
    private String salesOrderReference;
    private String receivingAdviceReference;
    private String despatchAdviceReference;
    private String tenderOrLotReference;
    private Identifier invoicedObjectIdentifier;
    private String buyerAccountingReference;
    private String paymentTerms;
    private final List<Note> notes = new ArrayList<>();
    private String businessProcessType;
    private String specificationIdentifier;
    private final List<PrecedingInvoiceReference> precedingInvoices = new ArrayList<>();
    private Seller seller;
    private Buyer buyer;
    private Payee payee;
    private TaxRepresentative taxRepresentative;
    private Delivery delivery;
    private Period invoicingPeriod;
    private PaymentInstructions paymentInstructions;
    private final List<AllowanceCharge> allowances = new ArrayList<>();
    private final List<AllowanceCharge> charges = new ArrayList<>();
    private DocumentTotals totals;
    private final List<VatBreakdown> vatBreakdown = new ArrayList<>();
    private final List<SupportingDocument> supportingDocuments = new ArrayList<>();
    private final List<InvoiceLine> lines = new ArrayList<>();
    private final List<ThirdPartyPayment> thirdPartyPayments = new ArrayList<>();
    // inputs of the deriving builder
    private BigDecimal paidAmount;
    private BigDecimal roundingAmount;
    private BigDecimal vatTotalInAccountingCurrency;
    private final Map<String, Exemption> exemptions = new LinkedHashMap<>();

    InvoiceBuilder(boolean derive) {
        this.derive = derive;
        if (derive) {
            typeCode = InvoiceType.COMMERCIAL_INVOICE.code();
            currencyCode = "EUR";
            specificationIdentifier = XRechnungVariant.STANDARD.specificationIdentifier();
            businessProcessType = Invoice.DEFAULT_BUSINESS_PROCESS;
        }
    }

    static InvoiceBuilder from(Invoice inv, boolean derive) {
        InvoiceBuilder b = new InvoiceBuilder(derive);
        b.number = inv.number();
        b.issueDate = inv.issueDate();
        b.typeCode = inv.typeCode();
        b.currencyCode = inv.currencyCode();
        b.vatAccountingCurrencyCode = inv.vatAccountingCurrencyCode();
        b.vatPointDate = inv.vatPointDate();
        b.vatPointDateCode = inv.vatPointDateCode();
        b.paymentDueDate = inv.paymentDueDate();
        b.buyerReference = inv.buyerReference();
        b.projectReference = inv.projectReference();
        b.contractReference = inv.contractReference();
        b.purchaseOrderReference = inv.purchaseOrderReference();
        b.salesOrderReference = inv.salesOrderReference();
        b.receivingAdviceReference = inv.receivingAdviceReference();
        b.despatchAdviceReference = inv.despatchAdviceReference();
        b.tenderOrLotReference = inv.tenderOrLotReference();
        b.invoicedObjectIdentifier = inv.invoicedObjectIdentifier();
        b.buyerAccountingReference = inv.buyerAccountingReference();
        b.paymentTerms = inv.paymentTerms();
        b.notes.addAll(inv.notes());
        b.businessProcessType = inv.businessProcessType();
        b.specificationIdentifier = inv.specificationIdentifier();
        b.precedingInvoices.addAll(inv.precedingInvoices());
        b.seller = inv.seller();
        b.buyer = inv.buyer();
        b.payee = inv.payee();
        b.taxRepresentative = inv.taxRepresentative();
        b.delivery = inv.delivery();
        b.invoicingPeriod = inv.invoicingPeriod();
        b.paymentInstructions = inv.paymentInstructions();
        b.allowances.addAll(inv.allowances());
        b.charges.addAll(inv.charges());
        b.supportingDocuments.addAll(inv.supportingDocuments());
        b.lines.addAll(inv.lines());
        b.thirdPartyPayments.addAll(inv.thirdPartyPayments());
        if (derive) {
            DocumentTotals t = inv.totals();
            if (t != null) {
                b.paidAmount = t.paidAmount();
                b.roundingAmount = t.roundingAmount();
                b.vatTotalInAccountingCurrency = t.vatTotalInAccountingCurrency();
            }
            for (VatBreakdown v : inv.vatBreakdown()) {
                if (v.exemptionReason() != null || v.exemptionReasonCode() != null) {
                    b.exemptions.putIfAbsent(v.categoryCode(), new Exemption(v.exemptionReason(), v.exemptionReasonCode()));
                }
            }
        } else {
            b.totals = inv.totals();
            b.vatBreakdown.addAll(inv.vatBreakdown());
        }
        return b;
    }

    /**
     * @param v Invoice number (BT-1)
     * @return this
     */
    public InvoiceBuilder number(String v) {
        number = v;
        return this;
    }

    /**
     * @param v Invoice issue date (BT-2)
     * @return this
     */
    public InvoiceBuilder issueDate(LocalDate v) {
        issueDate = v;
        return this;
    }

    /**
     * @param v Invoice type code (BT-3)
     * @return this
     */
    public InvoiceBuilder type(InvoiceType v) {
        typeCode = v.code();
        return this;
    }

    /**
     * @param v Invoice type code (BT-3) as UNTDID 1001 text
     * @return this
     */
    public InvoiceBuilder typeCode(String v) {
        typeCode = v;
        return this;
    }

    /**
     * @param v Invoice currency code (BT-5), ISO 4217
     * @return this
     */
    public InvoiceBuilder currencyCode(String v) {
        currencyCode = v;
        return this;
    }

    /**
     * @param code  VAT accounting currency code (BT-6)
     * @param total Invoice total VAT amount in accounting currency (BT-111), required with BT-6 (BR-53)
     * @return this
     */
    public InvoiceBuilder vatAccountingCurrency(String code, BigDecimal total) {
        if (!derive) {
            throw rawOnlyTotals();
        }
        vatAccountingCurrencyCode = code;
        vatTotalInAccountingCurrency = total;
        return this;
    }

    /**
     * @param v VAT accounting currency code (BT-6)
     * @return this
     */
    public InvoiceBuilder vatAccountingCurrencyCode(String v) {
        vatAccountingCurrencyCode = v;
        return this;
    }

    /**
     * @param v Value added tax point date (BT-7)
     * @return this
     */
    public InvoiceBuilder vatPointDate(LocalDate v) {
        vatPointDate = v;
        return this;
    }

    /**
     * @param v Value added tax point date code (BT-8), UNTDID 2005: 3, 35 or 432
     * @return this
     */
    public InvoiceBuilder vatPointDateCode(String v) {
        vatPointDateCode = v;
        return this;
    }

    /**
     * @param v Payment due date (BT-9)
     * @return this
     */
    public InvoiceBuilder paymentDueDate(LocalDate v) {
        paymentDueDate = v;
        return this;
    }

    /**
     * @param v Buyer reference (BT-10), the buyer's Leitweg-ID for German public buyers
     * @return this
     */
    public InvoiceBuilder buyerReference(String v) {
        buyerReference = v;
        return this;
    }

    /**
     * @param v Project reference (BT-11)
     * @return this
     */
    public InvoiceBuilder projectReference(String v) {
        projectReference = v;
        return this;
    }

    /**
     * @param v Contract reference (BT-12)
     * @return this
     */
    public InvoiceBuilder contractReference(String v) {
        contractReference = v;
        return this;
    }

    /**
     * @param v Purchase order reference (BT-13)
     * @return this
     */
    public InvoiceBuilder purchaseOrderReference(String v) {
        purchaseOrderReference = v;
        return this;
    }

    /**
     * @param v Sales order reference (BT-14)
     * @return this
     */
    public InvoiceBuilder salesOrderReference(String v) {
        salesOrderReference = v;
        return this;
    }

    /**
     * @param v Receiving advice reference (BT-15)
     * @return this
     */
    public InvoiceBuilder receivingAdviceReference(String v) {
        receivingAdviceReference = v;
        return this;
    }

    /**
     * @param v Despatch advice reference (BT-16)
     * @return this
     */
    public InvoiceBuilder despatchAdviceReference(String v) {
        despatchAdviceReference = v;
        return this;
    }

    /**
     * @param v Tender or lot reference (BT-17)
     * @return this
     */
    public InvoiceBuilder tenderOrLotReference(String v) {
        tenderOrLotReference = v;
        return this;
    }

    /**
     * @param v Invoiced object identifier (BT-18) with scheme
     * @return this
     */
    public InvoiceBuilder invoicedObjectIdentifier(Identifier v) {
        invoicedObjectIdentifier = v;
        return this;
    }

    /**
     * @param v Buyer accounting reference (BT-19)
     * @return this
     */
    public InvoiceBuilder buyerAccountingReference(String v) {
        buyerAccountingReference = v;
        return this;
    }

    /**
     * @param v Payment terms (BT-20). XRechnung cash discounts go on lines of their own in the form
     *          {@code #SKONTO#TAGE=14#PROZENT=2.00#} followed by a line break (BR-DE-18); see
     *          {@link #skontoLine(int, BigDecimal, BigDecimal)}
     * @return this
     */
    public InvoiceBuilder paymentTerms(String v) {
        paymentTerms = v;
        return this;
    }

    /**
     * Formats an XRechnung cash discount line for the payment terms (BT-20), ending with the line
     * break that BR-DE-18 demands.
     *
     * @param days       days within which the discount applies
     * @param percent    discount percentage, written with two decimals
     * @param baseAmount amount the discount applies to when it is not the amount due, or {@code null}
     * @return e.g. {@code "#SKONTO#TAGE=14#PROZENT=2.00#\n"}
     * @throws InvoiceValueException if days or percentage are negative
     */
    public static String skontoLine(int days, BigDecimal percent, BigDecimal baseAmount) {
        if (days < 0 || percent.signum() < 0) {
            throw new InvoiceValueException("BT-20", "cash discount days and percentage must not be negative, were "
                    + days + " and " + percent);
        }
        return "#SKONTO#TAGE=" + days + "#PROZENT=" + percent.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                + "#" + (baseAmount == null ? "" : "BASISBETRAG="
                + de.ozgkit.core.money.Money.round(baseAmount).toPlainString() + "#") + "\n";
    }

    /**
     * @param v an INVOICE NOTE (BG-1)
     * @return this
     */
    public InvoiceBuilder addNote(Note v) {
        notes.add(Objects.requireNonNull(v, "note"));
        return this;
    }

    /**
     * @param v Business process type (BT-23)
     * @return this
     */
    public InvoiceBuilder businessProcessType(String v) {
        businessProcessType = v;
        return this;
    }

    /**
     * @param v Specification identifier (BT-24)
     * @return this
     */
    public InvoiceBuilder specificationIdentifier(String v) {
        specificationIdentifier = v;
        return this;
    }

    /**
     * @param v the XRechnung variant, which sets the Specification identifier (BT-24)
     * @return this
     */
    public InvoiceBuilder variant(XRechnungVariant v) {
        specificationIdentifier = v.specificationIdentifier();
        return this;
    }

    /**
     * @param v a PRECEDING INVOICE REFERENCE (BG-3)
     * @return this
     */
    public InvoiceBuilder addPrecedingInvoice(PrecedingInvoiceReference v) {
        precedingInvoices.add(Objects.requireNonNull(v, "preceding invoice reference"));
        return this;
    }

    /**
     * @param v SELLER (BG-4)
     * @return this
     */
    public InvoiceBuilder seller(Seller v) {
        seller = v;
        return this;
    }

    /**
     * @param v BUYER (BG-7)
     * @return this
     */
    public InvoiceBuilder buyer(Buyer v) {
        buyer = v;
        return this;
    }

    /**
     * @param v PAYEE (BG-10)
     * @return this
     */
    public InvoiceBuilder payee(Payee v) {
        payee = v;
        return this;
    }

    /**
     * @param v SELLER TAX REPRESENTATIVE PARTY (BG-11)
     * @return this
     */
    public InvoiceBuilder taxRepresentative(TaxRepresentative v) {
        taxRepresentative = v;
        return this;
    }

    /**
     * @param v DELIVERY INFORMATION (BG-13)
     * @return this
     */
    public InvoiceBuilder delivery(Delivery v) {
        delivery = v;
        return this;
    }

    /**
     * @param v INVOICING PERIOD (BG-14)
     * @return this
     */
    public InvoiceBuilder invoicingPeriod(Period v) {
        invoicingPeriod = v;
        return this;
    }

    /**
     * @param v PAYMENT INSTRUCTIONS (BG-16)
     * @return this
     */
    public InvoiceBuilder paymentInstructions(PaymentInstructions v) {
        paymentInstructions = v;
        return this;
    }

    /**
     * @param v a DOCUMENT LEVEL ALLOWANCE (BG-20) or CHARGE (BG-21), sorted by its flag
     * @return this
     */
    public InvoiceBuilder addAllowanceCharge(AllowanceCharge v) {
        (Objects.requireNonNull(v, "allowance or charge").charge() ? charges : allowances).add(v);
        return this;
    }

    /**
     * @param v an ADDITIONAL SUPPORTING DOCUMENT (BG-24)
     * @return this
     */
    public InvoiceBuilder addSupportingDocument(SupportingDocument v) {
        supportingDocuments.add(Objects.requireNonNull(v, "supporting document"));
        return this;
    }

    /**
     * @param v an INVOICE LINE (BG-25)
     * @return this
     */
    public InvoiceBuilder addLine(InvoiceLine v) {
        lines.add(Objects.requireNonNull(v, "invoice line"));
        return this;
    }

    /**
     * @param v INVOICE LINEs (BG-25)
     * @return this
     */
    public InvoiceBuilder addLines(List<InvoiceLine> v) {
        v.forEach(this::addLine);
        return this;
    }

    /**
     * @param v a THIRD PARTY PAYMENT (BG-DEX-09; XRechnung Extension, UBL only)
     * @return this
     */
    public InvoiceBuilder addThirdPartyPayment(ThirdPartyPayment v) {
        thirdPartyPayments.add(Objects.requireNonNull(v, "third party payment"));
        return this;
    }

    /**
     * @param v Paid amount (BT-113), already paid in advance; subtracted from the amount due
     * @return this
     * @throws InvoiceValueException on a raw builder (set {@link #totals(DocumentTotals)} instead)
     */
    public InvoiceBuilder paidAmount(BigDecimal v) {
        if (!derive) {
            throw rawOnlyTotals();
        }
        paidAmount = v;
        return this;
    }

    /**
     * @param v Rounding amount (BT-114), added to the amount due
     * @return this
     * @throws InvoiceValueException on a raw builder (set {@link #totals(DocumentTotals)} instead)
     */
    public InvoiceBuilder roundingAmount(BigDecimal v) {
        if (!derive) {
            throw rawOnlyTotals();
        }
        roundingAmount = v;
        return this;
    }

    /**
     * Sets why a VAT category is exempt; the deriving builder puts it into that category's VAT
     * breakdown. Categories E, AE, K, G and O require a reason (BR-E-10, BR-AE-10, BR-IC-10, BR-G-10,
     * BR-O-10).
     *
     * @param category the VAT category
     * @param reason   VAT exemption reason text (BT-120), may be {@code null} when a code is given
     * @param code     VAT exemption reason code (BT-121, VATEX, e.g. {@code "VATEX-EU-AE"}), may be {@code null}
     * @return this
     * @throws InvoiceValueException on a raw builder (add {@link VatBreakdown}s instead)
     */
    public InvoiceBuilder vatExemption(VatCategory category, String reason, String code) {
        if (!derive) {
            throw new InvoiceValueException("BT-120", "a raw builder takes the VAT breakdown as it is; add VatBreakdown entries"
                    + " with their exemption reasons via addVatBreakdown");
        }
        exemptions.put(category.code(), new Exemption(reason, code));
        return this;
    }

    /**
     * @param v DOCUMENT TOTALS (BG-22) as they are
     * @return this
     * @throws InvoiceValueException on a deriving builder, which computes the totals
     */
    public InvoiceBuilder totals(DocumentTotals v) {
        if (derive) {
            throw derivedOnly("BG-22", "totals (BG-22)");
        }
        totals = v;
        return this;
    }

    /**
     * @param v a VAT BREAKDOWN (BG-23) entry as it is
     * @return this
     * @throws InvoiceValueException on a deriving builder, which computes the breakdown
     */
    public InvoiceBuilder addVatBreakdown(VatBreakdown v) {
        if (derive) {
            throw derivedOnly("BG-23", "VAT breakdown (BG-23)");
        }
        vatBreakdown.add(Objects.requireNonNull(v, "VAT breakdown"));
        return this;
    }

    private static InvoiceValueException derivedOnly(String field, String what) {
        return new InvoiceValueException(field, "Invoice.builder() computes the " + what + " from the lines, allowances and"
                + " charges; use Invoice.rawBuilder() to set it as it is");
    }

    private static InvoiceValueException rawOnlyTotals() {
        return new InvoiceValueException("BG-22", "a raw builder takes the totals as they are; set paid amount, rounding amount"
                + " and VAT total in accounting currency through totals(DocumentTotals)");
    }

    /**
     * Builds the invoice. A deriving builder first completes document level allowances and charges
     * given by percentage, computes the VAT breakdown per category and rate and the document totals,
     * then checks the EN 16931 and XRechnung 3.0 rules.
     *
     * @return the invoice
     * @throws InvoiceRuleException if a deriving builder finds a rule broken; the exception names the rule
     */
    public Invoice build() {
        return build(true);
    }

    /**
     * Derives like {@link #build()} but checks no business rule: the invoice a rule check would refuse,
     * for the tests in this package that hold the builder's rules against the official validator.
     */
    Invoice buildUnchecked() {
        return build(false);
    }

    private Invoice build(boolean checkRules) {
        if (!derive) {
            return assemble(allowances, charges, totals, vatBreakdown);
        }
        if (checkRules) {
            InvoiceRules.checkInputs(lines, allowances, charges, paidAmount, roundingAmount, vatTotalInAccountingCurrency);
        }
        List<AllowanceCharge> a = Calculations.completeAll(allowances);
        List<AllowanceCharge> c = Calculations.completeAll(charges);
        Map<String, String[]> reasons = new LinkedHashMap<>();
        exemptions.forEach((k, v) -> reasons.put(k, new String[] {v.reason(), v.code()}));
        List<VatBreakdown> breakdown = Calculations.vatBreakdown(lines, a, c, reasons);
        DocumentTotals t = Calculations.totals(lines, a, c, breakdown, paidAmount, roundingAmount,
                vatTotalInAccountingCurrency, thirdPartyPayments);
        Invoice invoice = assemble(a, c, t, breakdown);
        if (checkRules) {
            InvoiceRules.check(invoice);
        }
        return invoice;
    }

    private Invoice assemble(List<AllowanceCharge> a, List<AllowanceCharge> c, DocumentTotals t, List<VatBreakdown> v) {
        return new Invoice(number, issueDate, typeCode, currencyCode, vatAccountingCurrencyCode, vatPointDate,
                vatPointDateCode, paymentDueDate, buyerReference, projectReference, contractReference,
                purchaseOrderReference, salesOrderReference, receivingAdviceReference, despatchAdviceReference,
                tenderOrLotReference, invoicedObjectIdentifier, buyerAccountingReference, paymentTerms, notes,
                businessProcessType, specificationIdentifier, precedingInvoices, seller, buyer, payee,
                taxRepresentative, delivery, invoicingPeriod, paymentInstructions, a, c, t, v, supportingDocuments,
                lines, thirdPartyPayments);
    }
}
