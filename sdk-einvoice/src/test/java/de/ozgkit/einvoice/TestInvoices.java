package de.ozgkit.einvoice;

import de.ozgkit.einvoice.model.AllowanceCharge;
import de.ozgkit.einvoice.model.BinaryObject;
import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Classification;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.CreditTransfer;
import de.ozgkit.einvoice.model.Delivery;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceBuilder;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.ItemAttribute;
import de.ozgkit.einvoice.model.LineAllowanceCharge;
import de.ozgkit.einvoice.model.Note;
import de.ozgkit.einvoice.model.Payee;
import de.ozgkit.einvoice.model.PaymentInstructions;
import de.ozgkit.einvoice.model.Period;
import de.ozgkit.einvoice.model.PostalAddress;
import de.ozgkit.einvoice.model.PrecedingInvoiceReference;
import de.ozgkit.einvoice.model.Seller;
import de.ozgkit.einvoice.model.SupportingDocument;
import de.ozgkit.einvoice.model.TaxRepresentative;
import de.ozgkit.einvoice.model.VatCategory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Invoices for tests, built with the deriving builder. */
public final class TestInvoices {

    private TestInvoices() {
    }

    public static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    public static Seller seller() {
        return Seller.builder()
                .name("Stadtwerke Musterstadt GmbH")
                .vatId("DE123456789")
                .electronicAddress(Identifier.of("rechnung@stadtwerke.example", "EM"))
                .address(PostalAddress.of("Hauptstraße 1", "12345", "Musterstadt", "DE"))
                .contact(new Contact("Buchhaltung", "+49 30 1234567", "buchhaltung@stadtwerke.example"))
                .build();
    }

    public static Buyer buyer() {
        return Buyer.builder()
                .name("Stadtverwaltung Beispielstadt")
                .electronicAddress(Identifier.of("04011000-1234512345-06", "0204"))
                .address(PostalAddress.of("Rathausplatz 2", "54321", "Beispielstadt", "DE"))
                .build();
    }

    public static InvoiceLine.Builder line(String id, String qty, String unit, String price, VatCategory cat,
                                           String rate) {
        return InvoiceLine.builder().id(id).item(Item.named("Leistung " + id)).quantity(d(qty), unit)
                .netPrice(d(price)).vat(cat, rate == null ? null : d(rate));
    }

    /** A small valid invoice: one line of 10 hours at 95.50 EUR, 19 % VAT. */
    public static InvoiceBuilder minimal() {
        return Invoice.builder()
                .number("RE-2024-0001")
                .issueDate(LocalDate.of(2024, 5, 2))
                .buyerReference("04011000-1234512345-06")
                .paymentDueDate(LocalDate.of(2024, 6, 1))
                .seller(seller())
                .buyer(buyer())
                .paymentInstructions(PaymentInstructions.sepaCreditTransfer("DE75512108001245126199", null, null))
                .addLine(line("1", "10", "HUR", "95.50", VatCategory.STANDARD_RATE, "19").build());
    }

    /** An invoice that uses nearly every business group the model has. */
    public static Invoice rich() {
        byte[] pdf = "%PDF-1.4 test attachment".getBytes(StandardCharsets.US_ASCII);
        Seller seller = seller().toBuilder()
                .tradingName("Stadtwerke")
                .addIdentifier(Identifier.of("4000001000005", "0088"))
                .legalRegistrationId(Identifier.of("HRB 12345", null))
                .taxRegistrationId("12/345/67890")
                .additionalLegalInformation("Sitz Musterstadt, Amtsgericht Musterstadt HRB 12345")
                .address(new PostalAddress("Hauptstraße 1", "Gebäude B", "3. OG", "Musterstadt", "12345", "Berlin", "DE"))
                .build();
        Buyer buyer = buyer().toBuilder()
                .tradingName("Beispielstadt")
                .identifier(Identifier.of("K-4711", null))
                .legalRegistrationId(Identifier.of("BS-001", null))
                .vatId("DE987654321")
                .contact(new Contact("Frau Muster", "+49 40 7654321", "einkauf@beispielstadt.example"))
                .build();
        return Invoice.builder()
                .number("RE-2024-0815")
                .issueDate(LocalDate.of(2024, 5, 2))
                .type(de.ozgkit.einvoice.model.InvoiceType.COMMERCIAL_INVOICE)
                .currencyCode("EUR")
                .vatAccountingCurrency("USD", d("40.12"))
                .vatPointDateCode("35")
                .paymentDueDate(LocalDate.of(2024, 6, 1))
                .buyerReference("04011000-1234512345-06")
                .projectReference("PRJ-7")
                .contractReference("V-2023-12")
                .purchaseOrderReference("PO-991")
                .salesOrderReference("SO-17")
                .receivingAdviceReference("WE-5")
                .despatchAdviceReference("LS-6")
                .tenderOrLotReference("LOS-2")
                .invoicedObjectIdentifier(Identifier.of("ZAEHLER-4711", "AFL"))
                .buyerAccountingReference("KST-100")
                .paymentTerms("Zahlbar innerhalb 30 Tagen ohne Abzug.\n"
                        + de.ozgkit.einvoice.model.InvoiceBuilder.skontoLine(10, d("2"), null))
                .addNote(new Note("ADU", "Es gelten unsere AGB."))
                .addNote(Note.of("Vielen Dank für Ihren Auftrag & <Ihr> Vertrauen."))
                .addPrecedingInvoice(new PrecedingInvoiceReference("RE-2024-0700", LocalDate.of(2024, 4, 1)))
                .seller(seller)
                .buyer(buyer)
                .payee(new Payee("Factoring AG", Identifier.of("PAYEE-1", null), Identifier.of("HRB 999", null)))
                .taxRepresentative(new TaxRepresentative("Steuerberatung Muster", "DE111222333",
                        PostalAddress.of("Nebenstraße 3", "10115", "Berlin", "DE")))
                .delivery(new Delivery("Lager Nord", Identifier.of("4000001000012", "0088"), LocalDate.of(2024, 4, 30),
                        PostalAddress.of("Lagerweg 5", "54322", "Beispielstadt", "DE")))
                .invoicingPeriod(Period.of(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 30)))
                .paymentInstructions(new PaymentInstructions("58", "SEPA-Überweisung", "RE-2024-0815",
                        List.of(new CreditTransfer("DE75512108001245126199", "Stadtwerke", "SOGEDEFFXXX"),
                                new CreditTransfer("DE02120300000000202051", null, null)), null, null))
                .addAllowanceCharge(AllowanceCharge.percentage(false, d("200.00"), d("5"),
                        VatCategory.STANDARD_RATE, d("19"), "Treuerabatt", "95"))
                .addAllowanceCharge(AllowanceCharge.charge(d("12.50"), VatCategory.STANDARD_RATE, d("7"),
                        "Versand", "FC"))
                .addSupportingDocument(new SupportingDocument("Anlage-1", "Leistungsnachweis", null,
                        new BinaryObject(pdf, "application/pdf", "nachweis.pdf")))
                .addSupportingDocument(new SupportingDocument("Anlage-2", null, "https://example.org/anlage2.pdf", null))
                .addLine(InvoiceLine.builder().id("1").note("Wartung April")
                        .objectIdentifier(Identifier.of("OBJ-1", "AFL"))
                        .quantity(d("10"), "HUR").netPrice(d("95.50"))
                        .orderLineReference("10").buyerAccountingReference("KST-101")
                        .period(Period.of(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 29)))
                        .addAllowanceCharge(LineAllowanceCharge.percentage(false, d("10"), "Rabatt", "95"))
                        .addAllowanceCharge(LineAllowanceCharge.charge(d("15.00"), "Anfahrt", "ABK"))
                        .vat(VatCategory.STANDARD_RATE, d("19"))
                        .item(new Item("Wartung", "Wartung der Anlage", "ART-1", "B-ART-1",
                                Identifier.of("4012345678901", "0160"),
                                List.of(new Classification("73152000", "STI", "2.1")), "DE",
                                List.of(new ItemAttribute("Farbe", "blau"), new ItemAttribute("Gewicht", "2 kg"))))
                        .build())
                .addLine(InvoiceLine.builder().id("2").quantity(d("250"), "KGM")
                        .grossPrice(d("13.00"), null).netPrice(d("12.50")).baseQuantity(d("100"), null)
                        .vat(VatCategory.STANDARD_RATE, d("7")).item(Item.named("Streusalz")).build())
                .build();
    }
}
