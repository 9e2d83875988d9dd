package de.ozgkit.sandbox.einvoice;

import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.testkit.mail.ReceivedMail;
import de.ozgkit.testkit.mail.SmtpTestServer;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A local stand-in for the invoice portals' e-mail channel: an SMTP server on {@code 127.0.0.1}
 * (STARTTLS required, authentication required) that validates the invoice attached to each
 * received mail and records it as accepted or rejected, with the validation report.
 *
 * <p>Rules, as the portals apply them: one invoice per mail, as an XML attachment
 * ({@code application/xml}, {@code text/xml} or a file name ending in {@code .xml}); the invoice must
 * validate (XML Schema, EN 16931, XRechnung) and, with the default validator, be an XRechnung (other
 * profiles get {@code OZGKIT-PROFILE-NOT-ACCEPTED}). The SMTP server answers {@code 250} to every
 * well-formed mail; the verdict is in {@link #receipts()} (as a portal reports it afterwards).
 *
 * <pre>{@code
 * try (EInvoicePortal portal = EInvoicePortal.builder().tls(serverSslContext).start()) {
 *     // send with MailDelivery to 127.0.0.1:portal.port(), user portal.username(), password portal.password()
 *     portal.awaitReceipts(1, Duration.ofSeconds(10));
 *     PortalReceipt r = portal.receipts().get(0);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class EInvoicePortal implements AutoCloseable {

    /** Rejection: the mail carries no XML attachment. */
    public static final String REASON_NO_INVOICE = "PORTAL-NO-INVOICE";
    /** Rejection: the mail carries more than one XML attachment (one invoice per mail). */
    public static final String REASON_MULTIPLE_INVOICES = "PORTAL-MULTIPLE-INVOICES";
    /** Rejection: the mail cannot be read as MIME, nests too deeply or an attachment is too large. */
    public static final String REASON_UNREADABLE_MAIL = "PORTAL-UNREADABLE-MAIL";
    /** Rejection: the invoice does not validate; the receipt carries the report. */
    public static final String REASON_INVALID_INVOICE = "PORTAL-INVALID-INVOICE";

    /** Rejection: the validator could not run (its rule sets failed to load); see the sandbox log. */
    public static final String REASON_VALIDATION_ERROR = "PORTAL-VALIDATION-ERROR";

    /** The largest invoice attachment the portal reads (64 MiB). */
    public static final long MAX_ATTACHMENT_BYTES = 64L * 1024 * 1024;

    private final EInvoiceValidator validator;
    private final Clock clock;
    private final String username;
    private final String password;
    private final List<PortalReceipt> receipts = new ArrayList<>();
    private final SmtpTestServer smtp;

    private EInvoicePortal(Builder b) {
        this.validator = b.validator != null ? b.validator : EInvoicePortalService.xrechnungOnly();
        this.clock = b.clock;
        this.username = b.username;
        this.password = b.password;
        SmtpTestServer.Builder sb = SmtpTestServer.builder().port(b.port).user(username, password).onMail(this::receive);
        if (b.tls != null) {
            sb.startTls(b.tls);
        }
        this.smtp = sb.start();
    }

    /** @return a builder: a free port, user {@code sandbox} with password {@code sandbox} */
    public static Builder builder() {
        return new Builder();
    }

    private void receive(ReceivedMail mail) {
        String subject;
        try {
            subject = Objects.requireNonNullElse(mail.message().getSubject(), "");
        } catch (MessagingException e) {
            subject = "";
        }
        List<PortalMails.XmlAttachment> invoices;
        try {
            invoices = PortalMails.xmlAttachments(mail.message(), MAX_ATTACHMENT_BYTES);
        } catch (MessagingException | IOException | PortalMails.TooLarge | RuntimeException e) {
            record(mail, subject, "", PortalReceipt.Status.REJECTED, REASON_UNREADABLE_MAIL, null);
            return;
        }
        if (invoices.isEmpty()) {
            record(mail, subject, "", PortalReceipt.Status.REJECTED, REASON_NO_INVOICE, null);
        } else if (invoices.size() > 1) {
            record(mail, subject, invoices.get(0).fileName(), PortalReceipt.Status.REJECTED,
                    REASON_MULTIPLE_INVOICES, null);
        } else {
            PortalMails.XmlAttachment invoice = invoices.get(0);
            ValidationReport report;
            try {
                report = validator.validate(invoice.content());
            } catch (RuntimeException e) {
                record(mail, subject, invoice.fileName(), PortalReceipt.Status.REJECTED, REASON_VALIDATION_ERROR, null);
                return;
            }
            record(mail, subject, invoice.fileName(),
                    report.valid() ? PortalReceipt.Status.ACCEPTED : PortalReceipt.Status.REJECTED,
                    report.valid() ? "" : REASON_INVALID_INVOICE, report);
        }
    }

    private void record(ReceivedMail mail, String subject, String fileName, PortalReceipt.Status status,
            String reason, ValidationReport report) {
        synchronized (receipts) {
            receipts.add(new PortalReceipt(receipts.size() + 1L, clock.instant(), mail.envelopeFrom(), subject,
                    fileName, status, reason, Optional.ofNullable(report)));
            receipts.notifyAll();
        }
    }

    /** @return {@code smtp://127.0.0.1:<port>} */
    public URI smtpUri() {
        return smtp.uri();
    }

    /** @return the SMTP port */
    public int port() {
        return smtp.port();
    }

    /** @return the SMTP user name senders authenticate with */
    public String username() {
        return username;
    }

    /** @return the SMTP password senders authenticate with (a sandbox credential, not a secret) */
    public String password() {
        return password;
    }

    /** @return whether the SMTP server requires STARTTLS */
    public boolean startTls() {
        return smtp.startTls();
    }

    /** @return every receipt so far, in order of arrival */
    public List<PortalReceipt> receipts() {
        synchronized (receipts) {
            return List.copyOf(receipts);
        }
    }

    /**
     * Waits until at least {@code count} mails have been processed.
     *
     * @param count   how many
     * @param timeout how long to wait at most
     * @return whether they were processed in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitReceipts(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (receipts) {
            while (receipts.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                receipts.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** @return the receipts as JSON-ready maps (the body of {@code GET /einvoice-portal/receipts}) */
    public List<Map<String, Object>> receiptsAsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PortalReceipt r : receipts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("receivedAt", r.receivedAt().toString());
            m.put("from", r.from());
            m.put("subject", r.subject());
            m.put("fileName", r.fileName());
            m.put("status", r.status().name());
            m.put("reason", r.reason());
            r.report().ifPresent(report -> {
                m.put("valid", report.valid());
                m.put("errorCount", report.errorCount());
                m.put("ruleIds", List.copyOf(report.errors().stream().map(Finding::ruleId).distinct().toList()));
                List<Map<String, Object>> findings = new ArrayList<>();
                for (Finding f : report.findings()) {
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("ruleId", f.ruleId());
                    fm.put("severity", f.severity().name());
                    fm.put("location", f.location());
                    fm.put("message", f.message());
                    fm.put("layer", f.layer().name());
                    findings.add(fm);
                }
                m.put("findings", findings);
            });
            out.add(m);
        }
        return out;
    }

    /** Stops the SMTP server. */
    @Override
    public void close() {
        smtp.close();
    }

    @Override
    public String toString() {
        return "EInvoicePortal[" + smtpUri() + "]";
    }

    /** Configures an {@link EInvoicePortal}. Not thread-safe. */
    public static final class Builder {
        private EInvoiceValidator validator;
        private SSLContext tls;
        private int port;
        private String username = "sandbox";
        private String password = "sandbox";
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param validator the validator; default one that accepts only XRechnung
         *                  ({@link EInvoicePortalService#xrechnungOnly()})
         * @return this builder
         */
        public Builder validator(EInvoiceValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Requires STARTTLS with this server-side TLS context. Without it the server speaks plain SMTP,
         * which {@code MailDelivery} refuses.
         *
         * @param serverContext the TLS context with the server's key and certificate
         * @return this builder
         */
        public Builder tls(SSLContext serverContext) {
            this.tls = Objects.requireNonNull(serverContext, "serverContext");
            return this;
        }

        /**
         * @param port the SMTP port, 0 (the default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * @param username the SMTP user name, default {@code sandbox}
         * @param password the SMTP password, default {@code sandbox}
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param clock the clock for the receipts' timestamps
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the running portal */
        public EInvoicePortal start() {
            return new EInvoicePortal(this);
        }
    }
}
