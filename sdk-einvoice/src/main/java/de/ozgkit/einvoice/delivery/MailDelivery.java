package de.ozgkit.einvoice.delivery;

import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.ValidationReport;
import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Delivers invoices by e-mail, the way the federal and Land invoice portals accept them: one invoice
 * per mail, the XML as attachment ({@code application/xml}, named after the invoice number), sent
 * over SMTP with STARTTLS required and authentication.
 *
 * <ul>
 *   <li>Every invoice is validated first ({@link Builder#validator(EInvoiceValidator)}); one that does
 *       not validate is refused with an {@link InvalidInvoiceException} carrying the report, and
 *       nothing is sent.</li>
 *   <li>STARTTLS is mandatory: when the server does not offer it, or the handshake fails, nothing is
 *       sent and the credentials never leave in plain text ({@link DeliveryException.Kind#TLS}).</li>
 *   <li>The server certificate is checked against the trust anchors of {@link Builder#tls(TlsConfig)}
 *       (the JDK's by default; give the portal's CA when it is not among them) and, unless switched
 *       off there, against the host name.</li>
 *   <li>Every call opens its own connection; nothing is retried (see {@link InvoiceDelivery}).</li>
 * </ul>
 *
 * <pre>{@code
 * MailDelivery delivery = MailDelivery.builder()
 *         .host("smtp.example.de").port(587)
 *         .credentials("rechnungen@example.de", password)
 *         .from("rechnungen@example.de")
 *         .to("rechnungseingang@portal.example")
 *         .build();
 * DeliveryReceipt receipt = delivery.deliver(xml);
 * }</pre>
 *
 * <p>Thread-safe; create once and share.
 */
public final class MailDelivery implements InvoiceDelivery {

    private final String host;
    private final int port;
    private final InternetAddress from;
    private final InternetAddress to;
    private final String username;
    private final String password;
    private final Session session;
    private final Clock clock;
    private final EInvoiceValidator validator;

    private MailDelivery(Builder b) {
        this.validator = b.validator != null ? b.validator : EInvoiceValidator.create();
        this.host = b.host;
        this.port = b.port;
        this.from = b.from;
        this.to = b.to;
        this.username = b.username;
        this.password = b.password;
        this.clock = b.clock;

        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", b.tls.createSslContext().getSocketFactory());
        p.setProperty("mail.smtp.ssl.checkserveridentity", Boolean.toString(b.tls.hostnameVerification()));
        p.setProperty("mail.smtp.ssl.protocols", String.join(" ", b.tls.protocols()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(b.connectTimeout.toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(b.readTimeout.toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(b.readTimeout.toMillis()));
        p.setProperty("mail.smtp.localhost", b.heloName != null ? b.heloName : domainOf(from));
        // the Message-ID is built from this address, so no host name lookup is needed
        p.setProperty("mail.from", from.getAddress());
        this.session = Session.getInstance(p);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public DeliveryReceipt deliver(byte[] invoiceXml) {
        Objects.requireNonNull(invoiceXml, "invoiceXml");
        ValidationReport report = validator.validate(invoiceXml);
        if (!report.valid()) {
            throw new InvalidInvoiceException(report);
        }
        String number = InvoiceHeader.invoiceNumber(invoiceXml);
        String fileName = InvoiceHeader.fileName(number);
        Instant now = clock.instant();
        MimeMessage message;
        try {
            message = compose(invoiceXml, number, fileName, now);
        } catch (MessagingException e) {
            throw new DeliveryException(DeliveryException.Kind.PROTOCOL, 0,
                    "the mail could not be composed: " + e.getMessage(), e);
        }
        send(message);
        String messageId;
        try {
            messageId = message.getMessageID();
        } catch (MessagingException e) {
            messageId = "";
        }
        return new DeliveryReceipt("smtp", messageId == null ? "" : messageId, number, fileName,
                to.getAddress(), now, report);
    }

    private MimeMessage compose(byte[] xml, String number, String fileName, Instant now) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, to);
        String label = number.isEmpty() ? "ohne Nummer" : number;
        m.setSubject("Rechnung " + label, "UTF-8");
        m.setSentDate(Date.from(now));

        MimeBodyPart text = new MimeBodyPart();
        text.setText("Elektronische Rechnung " + label + " im Anhang (" + fileName + ").\r\n", "UTF-8");

        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(xml, "application/xml")));
        attachment.setFileName(fileName);
        attachment.setDisposition(Part.ATTACHMENT);
        // base64 carries the bytes unchanged, whatever line endings or encoding the XML has
        attachment.setHeader("Content-Transfer-Encoding", "base64");

        MimeMultipart body = new MimeMultipart("mixed");
        body.addBodyPart(text);
        body.addBodyPart(attachment);
        m.setContent(body);
        m.saveChanges();
        return m;
    }

    private void send(MimeMessage message) {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(host, port, username, password);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw translate(e);
        }
    }

    private DeliveryException translate(MessagingException e) {
        String where = host + ":" + port;
        if (e instanceof AuthenticationFailedException) {
            return new DeliveryException(DeliveryException.Kind.AUTHENTICATION, 0,
                    "the SMTP server " + where + " did not accept the user name and password; check the credentials",
                    e);
        }
        if (e instanceof SMTPSenderFailedException sf) {
            return refused(sf.getReturnCode(), "the sender " + from.getAddress(), where, e);
        }
        if (e instanceof SMTPAddressFailedException af) {
            return refused(af.getReturnCode(), "the recipient " + to.getAddress(), where, e);
        }
        if (e instanceof SendFailedException sfe) {
            // the envelope recipients: the nested exception says which one and why
            for (Exception next = sfe.getNextException(); next != null;
                    next = next instanceof MessagingException me ? me.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException af) {
                    return refused(af.getReturnCode(), "the recipient " + to.getAddress(), where, e);
                }
            }
            if (e instanceof SMTPSendFailedException sf) {
                return refused(sf.getReturnCode(), "the message", where, e);
            }
            return refused(0, "the message", where, e);
        }
        if (e instanceof SMTPSendFailedException sf) {
            return refused(sf.getReturnCode(), "the message", where, e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new DeliveryException(DeliveryException.Kind.TLS, 0,
                        "the TLS handshake with " + where + " failed (" + t.getMessage() + "); check that the"
                                + " server certificate is trusted (configure the portal's CA with tls(...)),"
                                + " valid and issued for the host name", e);
            }
            if (t instanceof SocketTimeoutException) {
                return new DeliveryException(DeliveryException.Kind.TIMEOUT, 0,
                        "the SMTP server " + where + " did not answer in time; the invoice may or may not have"
                                + " arrived, check with the portal before sending it again", e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return new DeliveryException(DeliveryException.Kind.CONNECTION, 0,
                        "the SMTP server " + where + " cannot be reached (" + t.getClass().getSimpleName()
                                + "); check host, port and network", e);
            }
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("STARTTLS")) {
            return new DeliveryException(DeliveryException.Kind.TLS, 0,
                    "the SMTP server " + where + " does not offer STARTTLS; refusing to send the invoice and the"
                            + " credentials in plain text. Use the portal's submission port with STARTTLS", e);
        }
        if (msg.contains("identity of server")) {
            return new DeliveryException(DeliveryException.Kind.TLS, 0,
                    "the certificate of " + where + " is not issued for host name " + host
                            + "; connect with the host name the certificate names", e);
        }
        return new DeliveryException(DeliveryException.Kind.PROTOCOL, 0,
                "the conversation with the SMTP server " + where + " failed: " + msg, e);
    }

    private static DeliveryException refused(int code, String what, String where, MessagingException e) {
        return new DeliveryException(DeliveryException.Kind.REFUSED, code,
                "the SMTP server " + where + " refused " + what + (code > 0 ? " with reply " + code : "")
                        + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        int at = a.lastIndexOf('@');
        return at < 0 || at == a.length() - 1 ? "localhost" : a.substring(at + 1);
    }

    /** Nothing to release: every delivery opens and closes its own connection. */
    @Override
    public void close() {
        // connections are per delivery
    }

    @Override
    public String toString() {
        return "MailDelivery[smtp://" + host + ":" + port + ", from=" + from.getAddress() + ", to="
                + to.getAddress() + ", user=" + username + "]";
    }

    /** Configures a {@link MailDelivery}. Not thread-safe. */
    public static final class Builder {
        private String host;
        private int port = 587;
        private InternetAddress from;
        private InternetAddress to;
        private String username;
        private String password;
        private TlsConfig tls = TlsConfig.builder().build();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private String heloName;
        private Clock clock = Clock.systemUTC();
        private EInvoiceValidator validator;

        private Builder() {
        }

        /**
         * Sets the validator every invoice must pass before it is sent; default
         * {@link EInvoiceValidator#create()}.
         *
         * @param validator the validator
         * @return this builder
         */
        public Builder validator(EInvoiceValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * @param host the SMTP server's host name (the one its certificate is issued for)
         * @return this builder
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw OzgClientException.configuration("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * @param port the submission port, default 587
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw OzgClientException.configuration("port must be 1..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param address the sender's address, as registered with the portal
         * @return this builder
         */
        public Builder from(String address) {
            this.from = address("from", address);
            return this;
        }

        /**
         * @param address the portal's address for incoming invoices
         * @return this builder
         */
        public Builder to(String address) {
            this.to = address("to", address);
            return this;
        }

        /**
         * @param username the SMTP user name
         * @param password the SMTP password; never logged nor put into messages
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            if (username.isBlank()) {
                throw OzgClientException.configuration("username must not be blank");
            }
            return this;
        }

        /**
         * Sets the TLS settings: trust anchors (the JDK's by default; give the portal's CA or
         * certificate when it is not among them), host name verification and protocol versions.
         *
         * @param tls the settings
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /**
         * @param timeout how long to wait for the connection, default 10 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * @param timeout how long to wait for each answer of the server and for each write, default 60 s
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * @param name the name to greet the server with (EHLO), default the domain of the sender address
         * @return this builder
         */
        public Builder heloName(String name) {
            this.heloName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param clock the clock for the mail's date, default UTC system time
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the delivery
         * @throws OzgClientException of kind {@code CONFIGURATION} if host, from, to or credentials are missing
         */
        public MailDelivery build() {
            require(host, "host");
            require(from, "from");
            require(to, "to");
            require(username, "credentials");
            return new MailDelivery(this);
        }

        private static void require(Object value, String name) {
            if (value == null) {
                throw OzgClientException.configuration(name + " must be set");
            }
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
                throw OzgClientException.configuration(name + " must be positive and below 24 days, was " + d);
            }
            return d;
        }

        private static InternetAddress address(String field, String address) {
            Objects.requireNonNull(address, field);
            try {
                InternetAddress a = new InternetAddress(address, true);
                if (a.getAddress().indexOf('@') < 1) {
                    throw OzgClientException.configuration(field + " must be a mail address like name@example.de");
                }
                return a;
            } catch (AddressException e) {
                throw OzgClientException.configuration(field + " is not a valid mail address: " + e.getMessage());
            }
        }
    }
}
