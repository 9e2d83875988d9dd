package de.ozgkit.benchmarks;

import de.ozgkit.einvoice.model.Buyer;
import de.ozgkit.einvoice.model.Identifier;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.PostalAddress;
import de.ozgkit.einvoice.model.Seller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.mustangproject.BankDetails;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;

/** The invoices the e-invoice benchmarks share. */
public final class EInvoiceBenchmarkData {

    /** Class-path name of the 10-line XRechnung 3.0 CII invoice (valid, made up for the benchmarks). */
    public static final String TEN_LINE_CII = "xrechnung-10-lines.cii.xml";

    private EInvoiceBenchmarkData() {
    }

    /**
     * @return the 10-line XRechnung 3.0 CII invoice
     */
    public static byte[] tenLineCii() {
        try (InputStream in = EInvoiceBenchmarkData.class.getResourceAsStream(TEN_LINE_CII)) {
            if (in == null) {
                throw new IllegalStateException(TEN_LINE_CII + " is missing from the benchmarks jar; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an XRechnung CII document into Mustang's model, the way Mustang's users do.
     *
     * @param cii the document
     * @return Mustang's invoice
     * @throws Exception as Mustang's importer throws it
     */
    public static org.mustangproject.Invoice mustangRead(byte[] cii) throws Exception {
        ZUGFeRDInvoiceImporter importer = new ZUGFeRDInvoiceImporter();
        importer.setRawXML(cii);
        return importer.extractInvoice();
    }

    /**
     * Builds Mustang's model of an invoice with Mustang's own API, the way Mustang's users make an invoice
     * to write. Covers what the benchmark invoice holds: number, dates, buyer reference, note, payment
     * terms, seller and buyer with address, electronic address, VAT identifier, legal registration,
     * contact, the IBAN, and lines with seller item identifier, unit, price, quantity and VAT rate.
     * (Mustang's importer is not used for this: writing what it imports loses the legal registration
     * identifier and repeats the payment terms.)
     *
     * @param invoice ozgkit's model of the same invoice
     * @return Mustang's invoice
     */
    public static org.mustangproject.Invoice mustangInvoice(Invoice invoice) {
        Seller s = invoice.seller();
        TradeParty sender = party(s.name(), s.address(), s.electronicAddress())
                .setVATID(s.vatId())
                .setContact(new org.mustangproject.Contact(s.contact().name(), s.contact().telephone(), s.contact().email()));
        if (s.legalRegistrationId() != null) {
            sender.setLegalOrganisation(new LegalOrganisation(s.legalRegistrationId().value()));
        }
        invoice.paymentInstructions().creditTransfers()
                .forEach(t -> sender.addBankDetails(new BankDetails(t.accountId())));
        Buyer b = invoice.buyer();
        org.mustangproject.Invoice m = new org.mustangproject.Invoice()
                .setNumber(invoice.number())
                .setIssueDate(date(invoice.issueDate()))
                .setDueDate(date(invoice.paymentDueDate()))
                .setDeliveryDate(date(invoice.delivery().actualDeliveryDate()))
                .setCurrency(invoice.currencyCode())
                .setReferenceNumber(invoice.buyerReference())
                .setPaymentTermDescription(invoice.paymentTerms())
                .setSender(sender)
                .setRecipient(party(b.name(), b.address(), b.electronicAddress()));
        invoice.notes().forEach(n -> m.addNote(n.text()));
        for (InvoiceLine line : invoice.lines()) {
            Product product = new Product(line.item().name(), line.item().description(), line.unitCode(), line.vatRate())
                    .setSellerAssignedID(line.item().sellerId());
            m.addItem(new org.mustangproject.Item(product, line.price().netPrice(), line.quantity()));
        }
        return m;
    }

    private static TradeParty party(String name, PostalAddress a, Identifier electronicAddress) {
        TradeParty p = new TradeParty(name, a.line1(), a.postCode(), a.city(), a.countryCode());
        if (electronicAddress != null) {
            p.setEmail(electronicAddress.value());
        }
        return p;
    }

    /** Mustang takes {@code java.util.Date} and formats it in the default time zone: midnight there. */
    private static Date date(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
