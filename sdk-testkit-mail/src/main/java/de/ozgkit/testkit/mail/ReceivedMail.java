package de.ozgkit.testkit.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.Objects;

/**
 * A mail that the {@link SmtpTestServer} accepted, once per envelope recipient.
 *
 * @param envelopeFrom the sender given in {@code MAIL FROM}, empty for the null sender
 * @param envelopeTo   the recipient given in {@code RCPT TO}
 * @param message      the parsed message
 */
public record ReceivedMail(String envelopeFrom, String envelopeTo, MimeMessage message) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     */
    public ReceivedMail {
        Objects.requireNonNull(envelopeFrom, "envelopeFrom");
        Objects.requireNonNull(envelopeTo, "envelopeTo");
        Objects.requireNonNull(message, "message");
    }
}
