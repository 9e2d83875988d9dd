package de.ozgkit.einvoice.delivery;

import de.ozgkit.core.OzgException;
import java.util.Objects;

/**
 * An invoice could not be delivered. {@link #kind()} says why; for a refusal by the server,
 * {@link #replyCode()} carries the SMTP reply code.
 *
 * <p>Whether the invoice reached the portal is certain only for {@link Kind#INVALID_INVOICE},
 * {@link Kind#AUTHENTICATION}, {@link Kind#TLS} and {@link Kind#CONNECTION} (it did not). After a
 * {@link Kind#TIMEOUT} or {@link Kind#PROTOCOL} failure it may have arrived: check with the portal
 * before sending again.
 */
public class DeliveryException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** Why the delivery failed. */
    public enum Kind {
        /** The invoice does not validate; nothing was sent (see {@link InvalidInvoiceException}). */
        INVALID_INVOICE,
        /** The server did not accept the user name and password. */
        AUTHENTICATION,
        /**
         * No secure connection: the server offers no STARTTLS, or the TLS handshake failed (certificate
         * not trusted, expired, wrong host name, no common protocol). Nothing was sent in plain text.
         */
        TLS,
        /** The server refused the sender, a recipient or the message; see {@link #replyCode()}. */
        REFUSED,
        /** The server could not be reached (connection refused, unknown host, network down). */
        CONNECTION,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The conversation with the server failed otherwise (connection dropped, unexpected answer). */
        PROTOCOL
    }

    private final Kind kind;
    private final int replyCode;

    /**
     * Creates the exception.
     *
     * @param kind      why the delivery failed
     * @param replyCode the SMTP reply code of a refusal, 0 when there is none
     * @param message   what went wrong and how to fix it
     * @param cause     the underlying failure, may be {@code null}
     */
    public DeliveryException(Kind kind, int replyCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.replyCode = replyCode;
    }

    /** @return why the delivery failed */
    public Kind kind() {
        return kind;
    }

    /** @return the SMTP reply code of a refusal (e.g. 550, 554), 0 when the server refused nothing */
    public int replyCode() {
        return replyCode;
    }
}
