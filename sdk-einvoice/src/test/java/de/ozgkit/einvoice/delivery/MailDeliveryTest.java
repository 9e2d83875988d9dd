package de.ozgkit.einvoice.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.pdf.SuiteFiles;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import de.ozgkit.testkit.mail.ReceivedMail;
import de.ozgkit.testkit.mail.SmtpTestServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailDeliveryTest {

    private static final String USER = "rechnungen@lieferant.example";
    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String PORTAL = "rechnungseingang@portal.example";
    private static final Instant NOW = Instant.parse("2024-05-02T10:15:30Z");

    /** One validator for all tests: the rule sets are compiled once. */
    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    private final List<AutoCloseable> open = new ArrayList<>();
    /** The portal's PKI; the sender trusts its root. */
    private static final TestPki PKI = TestPki.create(KeyType.EC_P256);

    private IssuedCertificate server;

    @BeforeEach
    void setUp() {
        server = PKI.server("127.0.0.1");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SmtpTestServer portal(SmtpTestServer.Builder b) {
        SmtpTestServer s = b.start();
        open.add(s);
        return s;
    }

    private SmtpTestServer startTlsPortal() {
        return portal(SmtpTestServer.builder().startTls(server.sslContext()).user(USER, PASSWORD));
    }

    private MailDelivery.Builder delivery(int port, String password) {
        return MailDelivery.builder()
                .host("127.0.0.1").port(port)
                .credentials(USER, password)
                .from(USER).to(PORTAL)
                .tls(TlsConfig.builder().trustCertificates(PKI.rootCertificate()).build())
                .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(10))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .validator(VALIDATOR);
    }

    private static byte[] withoutBuyerReference(String file) {
        String xml = new String(SuiteFiles.read(file), StandardCharsets.UTF_8);
        String stripped = xml.replaceFirst("<(ram|cbc):BuyerReference>[^<]*</(ram|cbc):BuyerReference>", "");
        assertThat(stripped).isNotEqualTo(xml);
        return stripped.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deliver_overStartTlsWithAuth_sendsOneMailWithTheXmlAttachedUnchanged() throws Exception {
        SmtpTestServer smtp = startTlsPortal();
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");

        DeliveryReceipt receipt = delivery(smtp.port(), PASSWORD).build().deliver(xml);

        assertThat(smtp.awaitMails(1, Duration.ofSeconds(10))).isTrue();
        List<ReceivedMail> mails = smtp.received();
        assertThat(mails).hasSize(1);
        ReceivedMail mail = mails.get(0);
        assertThat(mail.envelopeFrom()).isEqualTo(USER);
        assertThat(mail.envelopeTo()).isEqualTo(PORTAL);
        MimeMessage m = mail.message();
        assertThat(m.getSubject()).isEqualTo("Rechnung 123456XX");
        assertThat(m.getSentDate().toInstant()).isEqualTo(NOW);
        List<BodyPart> attachments = attachments(m);
        assertThat(attachments).hasSize(1);
        BodyPart att = attachments.get(0);
        assertThat(att.getFileName()).isEqualTo("123456XX.xml");
        assertThat(att.getContentType()).startsWith("application/xml");
        assertThat(att.getInputStream().readAllBytes()).isEqualTo(xml);

        assertThat(receipt.channel()).isEqualTo("smtp");
        assertThat(receipt.invoiceNumber()).isEqualTo("123456XX");
        assertThat(receipt.fileName()).isEqualTo("123456XX.xml");
        assertThat(receipt.recipient()).isEqualTo(PORTAL);
        assertThat(receipt.sentAt()).isEqualTo(NOW);
        assertThat(receipt.messageId()).isNotBlank().isEqualTo(m.getMessageID());
        assertThat(receipt.validation().valid()).isTrue();
    }

    @Test
    void deliver_invalidInvoice_isRefusedWithTheReport_andNoConnectionIsMade() throws Exception {
        // a server that records every byte: the refusal must come before any connection
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 mail.example ESMTP", cmd -> "250 OK")) {
            MailDelivery d = delivery(server.port(), PASSWORD).build();
            for (String file : List.of("01.01a-INVOICE_uncefact.xml", "01.01a-INVOICE_ubl.xml")) {
                byte[] invalid = withoutBuyerReference(file);
                assertThatThrownBy(() -> d.deliver(invalid))
                        .isInstanceOfSatisfying(InvalidInvoiceException.class, e -> {
                            assertThat(e.kind()).isEqualTo(DeliveryException.Kind.INVALID_INVOICE);
                            assertThat(e.report().valid()).isFalse();
                            assertThat(e.report().ruleIds()).contains("BR-DE-15");
                            assertThat(e.getMessage()).contains("does not validate").contains("nothing was sent");
                        });
            }
            assertThatThrownBy(() -> d.deliver("<Invoice/>".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidInvoiceException.class);
            assertThatThrownBy(() -> d.deliver("not xml".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidInvoiceException.class);
            assertThat(server.seen()).isEmpty();
        }
    }

    @Test
    void deliver_invalidInvoice_toARealServer_nothingArrives() {
        SmtpTestServer smtp = startTlsPortal();
        MailDelivery d = delivery(smtp.port(), PASSWORD).build();
        byte[] invalid = withoutBuyerReference("01.01a-INVOICE_uncefact.xml");
        assertThatThrownBy(() -> d.deliver(invalid))
                .isInstanceOf(InvalidInvoiceException.class);
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void deliver_invoiceModel_isWrittenInTheChosenSyntaxAndSent() throws Exception {
        SmtpTestServer smtp = startTlsPortal();
        Invoice invoice = EInvoices.read(SuiteFiles.read("01.01a-INVOICE_uncefact.xml"));
        MailDelivery d = delivery(smtp.port(), PASSWORD).build();

        d.deliver(invoice);
        d.deliver(invoice, InvoiceSyntax.CII);

        assertThat(smtp.awaitMails(2, Duration.ofSeconds(10))).isTrue();
        byte[] ubl = attachments(smtp.received().get(0).message()).get(0).getInputStream().readAllBytes();
        byte[] cii = attachments(smtp.received().get(1).message()).get(0).getInputStream().readAllBytes();
        assertThat(ubl).isEqualTo(EInvoices.write(invoice, InvoiceSyntax.UBL));
        assertThat(cii).isEqualTo(EInvoices.write(invoice, InvoiceSyntax.CII));
        assertThat(EInvoices.read(ubl)).isEqualTo(invoice);
    }

    @Test
    void deliver_ublInvoice_isNamedAfterItsNumberToo() throws Exception {
        SmtpTestServer smtp = startTlsPortal();
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_ubl.xml");
        DeliveryReceipt receipt = delivery(smtp.port(), PASSWORD).build().deliver(xml);
        assertThat(receipt.fileName()).isEqualTo("123456XX.xml");
        assertThat(smtp.awaitMails(1, Duration.ofSeconds(10))).isTrue();
        assertThat(attachments(smtp.received().get(0).message()).get(0).getInputStream().readAllBytes()).isEqualTo(xml);
    }

    @Test
    void deliver_wrongPassword_isAnAuthenticationErrorAndNothingArrives() {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        SmtpTestServer smtp = startTlsPortal();
        MailDelivery d = delivery(smtp.port(), "wrong-password").build();
        assertThatThrownBy(() -> d.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeliveryException.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).doesNotContain("wrong-password").contains("credentials");
                });
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void deliver_serverWithoutStartTls_isRefusedAndNothingArrives() {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        SmtpTestServer plain = portal(SmtpTestServer.builder().user(USER, PASSWORD));
        MailDelivery d = delivery(plain.port(), PASSWORD).build();
        assertThatThrownBy(() -> d.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TLS);
                    assertThat(e.getMessage()).contains("STARTTLS").contains("plain text");
                });
        assertThat(plain.received()).isEmpty();
    }

    @Test
    void deliver_serverWithoutStartTls_neverSeesTheCredentialsOrTheInvoice() throws Exception {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        // a server that offers AUTH but no STARTTLS, recording everything the client writes
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 mail.example ESMTP", cmd -> {
            String c = cmd.toUpperCase();
            if (c.startsWith("EHLO")) {
                return "250-mail.example\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME";
            }
            if (c.startsWith("QUIT")) {
                return "221 bye";
            }
            return "250 OK";
        })) {
            MailDelivery d = delivery(server.port(), PASSWORD).build();
            assertThatThrownBy(() -> d.deliver(xml))
                    .isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TLS));
            String wire = server.seen();
            String plainAuth = Base64.getEncoder().encodeToString(
                    ("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertThat(wire).startsWith("EHLO ").doesNotContain("AUTH").doesNotContain("MAIL FROM")
                    .doesNotContain(PASSWORD).doesNotContain(plainAuth)
                    .doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void deliver_untrustedServerCertificate_isATlsErrorAndNothingArrives() {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        SmtpTestServer smtp = startTlsPortal();
        TestPki other = TestPki.create(KeyType.EC_P256);
        MailDelivery d = delivery(smtp.port(), PASSWORD)
                .tls(TlsConfig.builder().trustCertificates(other.rootCertificate()).build()).build();
        assertThatThrownBy(() -> d.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TLS);
                    assertThat(e.getMessage()).contains("trusted").doesNotContain(PASSWORD);
                });
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void deliver_expiredServerCertificate_isATlsErrorAndNothingArrives() {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        server = PKI.expiredServer();
        SmtpTestServer smtp = startTlsPortal();
        MailDelivery d = delivery(smtp.port(), PASSWORD).build();
        assertThatThrownBy(() -> d.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TLS));
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void deliver_certificateForAnotherHost_isATlsErrorUnlessVerificationIsOff() throws Exception {
        server = PKI.server("mail.portal.example");
        SmtpTestServer smtp = startTlsPortal();
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        MailDelivery strict = delivery(smtp.port(), PASSWORD).build();
        assertThatThrownBy(() -> strict.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TLS));
        assertThat(smtp.received()).isEmpty();

        MailDelivery lenient = delivery(smtp.port(), PASSWORD).tls(TlsConfig.builder()
                .trustCertificates(PKI.rootCertificate()).hostnameVerification(false).build()).build();
        lenient.deliver(xml);
        assertThat(smtp.awaitMails(1, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void deliver_recipientRefusedByServer_isARefusalWithTheReplyCode() {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        SmtpTestServer smtp = portal(SmtpTestServer.builder().startTls(server.sslContext()).user(USER, PASSWORD)
                .refuseRecipients(PORTAL::equals));
        MailDelivery d = delivery(smtp.port(), PASSWORD).build();
        assertThatThrownBy(() -> d.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DeliveryException.Kind.REFUSED);
                    assertThat(e.replyCode()).isEqualTo(550);
                    assertThat(e.getMessage()).contains(PORTAL).contains("550");
                });
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void deliver_nobodyListening_isAConnectionError() throws IOException {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MailDelivery d = delivery(port, PASSWORD).build();
        assertThatThrownBy(() -> d.deliver(xml))
                .isInstanceOfSatisfying(DeliveryException.class,
                        e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.CONNECTION));
    }

    @Test
    void deliver_serverThatNeverAnswers_isATimeout() throws IOException {
        byte[] xml = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        try (ScriptedSmtpServer silent = new ScriptedSmtpServer(null, cmd -> null)) {
            MailDelivery d = delivery(silent.port(), PASSWORD).readTimeout(Duration.ofMillis(300)).build();
            assertThatThrownBy(() -> d.deliver(xml))
                    .isInstanceOfSatisfying(DeliveryException.class,
                            e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.TIMEOUT));
        }
    }

    @Test
    void builder_refusesIncompleteOrInvalidSettings_andNeverShowsThePassword() {
        assertThatThrownBy(() -> MailDelivery.builder().from(USER).to(PORTAL).credentials(USER, PASSWORD).build())
                .isInstanceOf(OzgClientException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> MailDelivery.builder().host("h").to(PORTAL).credentials(USER, PASSWORD).build())
                .isInstanceOf(OzgClientException.class).hasMessageContaining("from");
        assertThatThrownBy(() -> MailDelivery.builder().host("h").from(USER).to(PORTAL).build())
                .isInstanceOf(OzgClientException.class).hasMessageContaining("credentials");
        assertThatThrownBy(() -> MailDelivery.builder().to("not an address"))
                .isInstanceOf(OzgClientException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> MailDelivery.builder().from("a@b.example\r\nBcc: x@evil.example"))
                .isInstanceOf(OzgClientException.class);
        assertThatThrownBy(() -> MailDelivery.builder().port(0)).isInstanceOf(OzgClientException.class);
        assertThatThrownBy(() -> MailDelivery.builder().readTimeout(Duration.ZERO)).isInstanceOf(OzgClientException.class);
        assertThat(delivery(587, PASSWORD).build().toString()).contains(USER).doesNotContain(PASSWORD);
    }

    @Test
    void fileName_keepsOnlySafeCharacters() {
        assertThat(InvoiceHeader.fileName("RE-2024/0001")).isEqualTo("RE-2024_0001.xml");
        assertThat(InvoiceHeader.fileName("../../etc/passwd")).isEqualTo("_._.._etc_passwd.xml");
        assertThat(InvoiceHeader.fileName("Rechnung Nr. 5 ü")).isEqualTo("Rechnung_Nr._5__.xml");
        assertThat(InvoiceHeader.fileName("")).isEqualTo("invoice.xml");
        assertThat(InvoiceHeader.fileName("///")).isEqualTo("invoice.xml");
        assertThat(InvoiceHeader.fileName("x".repeat(500))).hasSize(104);
    }

    @Test
    void invoiceNumber_isReadFromUblAndCii_andEmptyForOtherInput() {
        assertThat(InvoiceHeader.invoiceNumber(SuiteFiles.read("01.01a-INVOICE_ubl.xml"))).isEqualTo("123456XX");
        assertThat(InvoiceHeader.invoiceNumber(SuiteFiles.read("01.01a-INVOICE_uncefact.xml"))).isEqualTo("123456XX");
        assertThat(InvoiceHeader.invoiceNumber("not xml".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(InvoiceHeader.invoiceNumber(("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>&e;</ID></Invoice>")
                .getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static List<BodyPart> attachments(MimeMessage m) throws Exception {
        List<BodyPart> out = new ArrayList<>();
        MimeMultipart mp = (MimeMultipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                out.add(p);
            }
        }
        return out;
    }
}
