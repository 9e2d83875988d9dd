package de.ozgkit.einvoice.delivery;

import de.ozgkit.einvoice.ValidationReport;
import java.time.Instant;
import java.util.Objects;

/**
 * What was delivered.
 *
 * @param channel       the channel, e.g. {@code "smtp"}
 * @param messageId     the channel's identifier of the message (the mail's {@code Message-ID})
 * @param invoiceNumber the invoice number (BT-1) as found in the invoice
 * @param fileName      the name under which the invoice was sent, e.g. {@code RE-2024-0001.xml}
 * @param recipient     where it went, e.g. the portal's mail address
 * @param sentAt        when the channel accepted it
 * @param validation    the report of the validation before sending (valid; may hold warnings)
 */
public record DeliveryReceipt(String channel, String messageId, String invoiceNumber, String fileName,
        String recipient, Instant sentAt, ValidationReport validation) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     */
    public DeliveryReceipt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(validation, "validation");
    }
}
