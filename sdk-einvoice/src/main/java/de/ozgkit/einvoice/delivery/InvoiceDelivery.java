package de.ozgkit.einvoice.delivery;

import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.Invoice;
import java.util.Objects;

/**
 * Delivers XRechnung invoices to a public buyer through one channel of the invoice portals (ZRE,
 * OZG-RE and the Land portals), after checking that the invoice validates.
 *
 * <p>Channels: {@link MailDelivery} sends by e-mail. Peppol (AS4 through an access point, with the
 * Leitweg-ID as participant identifier under scheme 0204) is the other machine channel the portals
 * accept; it is not implemented yet and would be a further implementation of this interface with
 * the same contract: validate first, refuse an invalid invoice with {@link InvalidInvoiceException},
 * deliver exactly one invoice per call, report failures as {@link DeliveryException}s.
 *
 * <p>Delivery is not retried automatically: the portals treat every message as a new invoice, so a
 * resend after an unclear failure (a timeout after the message was handed over) could duplicate it.
 *
 * <p>Implementations are thread-safe and meant to be created once and shared.
 */
public interface InvoiceDelivery extends AutoCloseable {

    /**
     * Validates the invoice and, when it is valid, delivers it.
     *
     * @param invoiceXml an XRechnung invoice in UBL 2.1 or CII D16B syntax
     * @return what was sent
     * @throws InvalidInvoiceException if the invoice does not validate; nothing was sent
     * @throws DeliveryException       if the delivery failed; {@link DeliveryException#kind()} says why
     */
    DeliveryReceipt deliver(byte[] invoiceXml);

    /**
     * Writes the invoice in the given syntax, validates and delivers it.
     *
     * @param invoice the invoice
     * @param syntax  the syntax to send it in
     * @return what was sent
     * @throws InvalidInvoiceException if the invoice does not validate; nothing was sent
     * @throws DeliveryException       if the delivery failed
     * @throws de.ozgkit.einvoice.EInvoiceFormatException if the syntax cannot carry part of the invoice
     */
    default DeliveryReceipt deliver(Invoice invoice, InvoiceSyntax syntax) {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(syntax, "syntax");
        return deliver(EInvoices.write(invoice, syntax));
    }

    /**
     * Writes the invoice as XRechnung UBL 2.1, validates and delivers it.
     *
     * @param invoice the invoice
     * @return what was sent
     * @throws InvalidInvoiceException if the invoice does not validate; nothing was sent
     * @throws DeliveryException       if the delivery failed
     */
    default DeliveryReceipt deliver(Invoice invoice) {
        return deliver(invoice, InvoiceSyntax.UBL);
    }

    /** Releases resources held by the channel. Idempotent. */
    @Override
    void close();
}
