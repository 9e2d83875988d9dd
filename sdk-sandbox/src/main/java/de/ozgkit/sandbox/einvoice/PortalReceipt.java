package de.ozgkit.sandbox.einvoice;

import de.ozgkit.einvoice.ValidationReport;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sandbox invoice portal made of one received mail.
 *
 * @param id           the receipt's number in this portal, {@code 1, 2, ...} in order of arrival
 * @param receivedAt   when the mail arrived
 * @param from         the envelope sender ({@code MAIL FROM})
 * @param subject      the mail's subject, empty when it has none
 * @param fileName     the name of the invoice attachment, empty when there is none
 * @param status       accepted or rejected
 * @param reason       why it was rejected (one of the {@code REASON_*} codes of {@link EInvoicePortal}),
 *                     empty when accepted
 * @param report       the validation report, when an invoice was validated
 */
public record PortalReceipt(long id, Instant receivedAt, String from, String subject, String fileName,
        Status status, String reason, Optional<ValidationReport> report) {

    /** Whether the portal took the invoice. */
    public enum Status {
        /** Exactly one invoice was attached and it validates. */
        ACCEPTED,
        /** No invoice, more than one, an unreadable mail, or an invoice that does not validate. */
        REJECTED
    }

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     */
    public PortalReceipt {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(report, "report");
    }

    /** @return whether the invoice was accepted */
    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
