package de.ozgkit.cli;

import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Contact;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceBuilder;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.Item;
import de.ozgkit.einvoice.model.PaymentInstructions;
import de.ozgkit.einvoice.model.PostalAddress;
import de.ozgkit.einvoice.model.Seller;
import de.ozgkit.einvoice.model.VatCategory;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The made-up XRechnung 3.0 invoice of {@code ozgkit demo}: a municipal utility invoices a city
 * administration for maintenance (19 % VAT) and a printed manual (7 % VAT), built with the deriving
 * builder so that line amounts, VAT breakdown and totals are computed.
 */
final class SampleInvoice {

    /** The buyer's Leitweg-ID (BT-10 and the buyer's electronic address). */
    static final String LEITWEG_ID = "04011000-1234512345-06";

    private SampleInvoice() {
    }

    /**
     * @return the invoice: RE-2024-0001 of 2024-05-02, two lines, total 1,161.92 EUR
     */
    static Invoice create() {
        return withoutLines()
                .addLine(InvoiceLine.builder().id("1").item(Item.named("Wartung Heizungsanlage"))
                        .quantity(new BigDecimal("10"), "HUR").netPrice(new BigDecimal("95.50"))
                        .vat(VatCategory.STANDARD_RATE, new BigDecimal("19")).build())
                .addLine(InvoiceLine.builder().id("2").item(Item.named("Betriebshandbuch, gedruckt"))
                        .quantity(new BigDecimal("2"), "C62").netPrice(new BigDecimal("11.90"))
                        .vat(VatCategory.STANDARD_RATE, new BigDecimal("7")).build())
                .build();
    }

    /**
     * @return a deriving builder holding everything of {@link #create()} except the lines
     */
    static InvoiceBuilder withoutLines() {
        return Invoice.builder()
                .number("RE-2024-0001")
                .issueDate(LocalDate.of(2024, 5, 2))
                .buyerReference(LEITWEG_ID)
                .paymentDueDate(LocalDate.of(2024, 6, 1))
                .seller(Seller.builder()
                        .name("Stadtwerke Musterstadt GmbH")
                        .vatId("DE123456789")
                        .electronicAddress(Identifier.of("rechnung@stadtwerke.example", "EM"))
                        .address(PostalAddress.of("Hauptstraße 1", "12345", "Musterstadt", "DE"))
                        .contact(new Contact("Buchhaltung", "+49 30 1234567", "buchhaltung@stadtwerke.example"))
                        .build())
                .buyer(Buyer.builder()
                        .name("Stadtverwaltung Beispielstadt")
                        .electronicAddress(Identifier.of(LEITWEG_ID, "0204"))
                        .address(PostalAddress.of("Rathausplatz 2", "54321", "Beispielstadt", "DE"))
                        .build())
                .paymentInstructions(PaymentInstructions.sepaCreditTransfer("DE75512108001245126199", null, null));
    }
}
