package de.ozgkit.sandbox.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.InvoiceProfile;
import de.ozgkit.einvoice.delivery.DeliveryReceipt;
import de.ozgkit.einvoice.delivery.MailDelivery;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.testkit.SharedData;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EInvoicePortalTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();
    private static final String SENDER = "rechnungen@lieferant.example";
    private static final String PORTAL_ADDRESS = "rechnungseingang@portal.example";

    private static EInvoicePortalService service;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        service = new EInvoicePortalService();
        sandbox = Sandbox.builder().service(service).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static byte[] suiteFile(String name) throws IOException {
        return Files.readAllBytes(SharedData.require("conformance/xrechnung-testsuite/standard/" + name));
    }

    private static EInvoicePortal portal() {
        return service.portal();
    }

    private static MailDelivery delivery() {
        return MailDelivery.builder()
                .host("127.0.0.1").port(portal().port())
                .credentials(portal().username(), portal().password())
                .from(SENDER).to(PORTAL_ADDRESS)
                .tls(TlsConfig.builder().trustCertificates(service.caCertificate()).build())
                .validator(VALIDATOR)
                .build();
    }

    /** Sends a mail with plain Jakarta Mail over STARTTLS, bypassing MailDelivery's validation. */
    private static void sendRaw(String subject, List<byte[]> xmlAttachments) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.socketFactory", trusting(service.caCertificate()).getSocketFactory());
        p.setProperty("mail.smtp.localhost", "lieferant.example");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(SENDER));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(PORTAL_ADDRESS));
        m.setSubject(subject);
        MimeMultipart body = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attachment");
        body.addBodyPart(text);
        int i = 0;
        for (byte[] xml : xmlAttachments) {
            MimeBodyPart att = new MimeBodyPart();
            att.setDataHandler(new DataHandler(new ByteArrayDataSource(xml, "application/xml")));
            att.setFileName("invoice-" + (++i) + ".xml");
            body.addBodyPart(att);
        }
        m.setContent(body);
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", portal().port(), portal().username(), portal().password());
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    private static SSLContext trusting(X509Certificate ca) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Waits for the next receipt after {@code before} and returns it. */
    private static PortalReceipt nextReceipt(int before) throws InterruptedException {
        assertThat(portal().awaitReceipts(before + 1, Duration.ofSeconds(30))).isTrue();
        return portal().receipts().get(before);
    }

    /** A plain GET against the sandbox; returns the body after checking status 200 and the content type. */
    private static byte[] get(String path, String contentType) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(sandbox.rootUri() + path).toURL().openConnection();
        try {
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(c.getContentType()).contains(contentType);
            try (var in = c.getInputStream()) {
                return in.readAllBytes();
            }
        } finally {
            c.disconnect();
        }
    }

    private static JsonNode receiptsOverHttp() throws Exception {
        return new ObjectMapper().readTree(get("/einvoice-portal/receipts", "json"));
    }

    private static JsonNode receiptJson(long id) throws Exception {
        for (JsonNode n : receiptsOverHttp()) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("no receipt " + id + " over HTTP");
    }

    @Test
    void sandbox_publishesTheSmtpEndpoint() {
        URI smtp = sandbox.services().get(EInvoicePortalService.NAME);
        assertThat(smtp).isEqualTo(URI.create("smtp://127.0.0.1:" + portal().port()));
        assertThat(portal().startTls()).isTrue();
    }

    @Test
    void validInvoiceFromMailDelivery_isAccepted() throws Exception {
        byte[] xml = suiteFile("01.01a-INVOICE_uncefact.xml");
        int before = portal().receipts().size();

        DeliveryReceipt sent = delivery().deliver(xml);

        PortalReceipt r = nextReceipt(before);
        assertThat(r.status()).isEqualTo(PortalReceipt.Status.ACCEPTED);
        assertThat(r.accepted()).isTrue();
        assertThat(r.reason()).isEmpty();
        assertThat(r.fileName()).isEqualTo(sent.fileName()).isEqualTo("123456XX.xml");
        assertThat(r.from()).isEqualTo(SENDER);
        assertThat(r.subject()).isEqualTo("Rechnung 123456XX");
        assertThat(r.report()).hasValueSatisfying(rep -> assertThat(rep.valid()).isTrue());

        JsonNode json = receiptJson(r.id());
        assertThat(json.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("fileName").asText()).isEqualTo("123456XX.xml");
    }

    @Test
    void invalidInvoiceSentRaw_isRejectedWithTheRuleIds() throws Exception {
        String xml = new String(suiteFile("01.01a-INVOICE_uncefact.xml"), StandardCharsets.UTF_8);
        byte[] invalid = xml.replaceFirst("<ram:BuyerReference>[^<]*</ram:BuyerReference>", "")
                .getBytes(StandardCharsets.UTF_8);
        int before = portal().receipts().size();

        sendRaw("Rechnung ohne Leitweg-ID", List.of(invalid));

        PortalReceipt r = nextReceipt(before);
        assertThat(r.status()).isEqualTo(PortalReceipt.Status.REJECTED);
        assertThat(r.reason()).isEqualTo(EInvoicePortal.REASON_INVALID_INVOICE);
        assertThat(r.report()).hasValueSatisfying(rep -> assertThat(rep.ruleIds()).contains("BR-DE-15"));

        JsonNode json = receiptJson(r.id());
        assertThat(json.get("status").asText()).isEqualTo("REJECTED");
        assertThat(json.get("reason").asText()).isEqualTo("PORTAL-INVALID-INVOICE");
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("ruleIds").toString()).contains("BR-DE-15");
        assertThat(json.get("findings").size()).isPositive();
        assertThat(json.get("findings").get(0).has("layer")).isTrue();
    }

    /** Suite case 01.01a as a plain EN 16931 invoice: valid, but no XRechnung. */
    private static byte[] en16931Invoice() throws IOException {
        String xml = new String(suiteFile("01.01a-INVOICE_uncefact.xml"), StandardCharsets.UTF_8);
        String en16931 = xml.replaceFirst("(<ram:GuidelineSpecifiedDocumentContextParameter>\\s*<ram:ID>)[^<]*(</ram:ID>)",
                "$1urn:cen.eu:en16931:2017$2");
        assertThat(en16931).isNotEqualTo(xml);
        assertThat(VALIDATOR.validate(en16931.getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
        return en16931.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validEn16931InvoiceThatIsNoXRechnung_isRejectedByDefault() throws Exception {
        int before = portal().receipts().size();

        sendRaw("Rechnung EN 16931", List.of(en16931Invoice()));

        PortalReceipt r = nextReceipt(before);
        assertThat(r.status()).isEqualTo(PortalReceipt.Status.REJECTED);
        assertThat(r.reason()).isEqualTo(EInvoicePortal.REASON_INVALID_INVOICE);
        assertThat(r.report()).hasValueSatisfying(rep -> {
            assertThat(rep.profile()).contains(InvoiceProfile.EN16931);
            assertThat(rep.errors()).extracting(f -> f.ruleId())
                    .containsExactly(EInvoiceValidator.RULE_PROFILE_NOT_ACCEPTED);
        });
        assertThat(receiptJson(r.id()).get("ruleIds").toString()).contains("OZGKIT-PROFILE-NOT-ACCEPTED");
    }

    @Test
    void portalConfiguredForEn16931_acceptsThatInvoice() throws Exception {
        EInvoicePortalService other = new EInvoicePortalService(
                EInvoiceValidator.builder().require(InvoiceProfile.XRECHNUNG, InvoiceProfile.EN16931).build());
        try (Sandbox s = Sandbox.builder().service(other).start()) {
            MailDelivery d = MailDelivery.builder()
                    .host("127.0.0.1").port(other.portal().port())
                    .credentials("sandbox", "sandbox").from(SENDER).to(PORTAL_ADDRESS)
                    .tls(TlsConfig.builder().trustCertificates(other.caCertificate()).build())
                    .validator(VALIDATOR).build();
            d.deliver(en16931Invoice());
            assertThat(other.portal().awaitReceipts(1, Duration.ofSeconds(30))).isTrue();
            PortalReceipt r = other.portal().receipts().get(0);
            assertThat(r.accepted()).as(String.valueOf(r.report())).isTrue();
            assertThat(r.report()).hasValueSatisfying(rep -> assertThat(rep.profile()).contains(InvoiceProfile.EN16931));
        }
    }

    @Test
    void portal_beforeTheSandboxMountedIt_isASandboxException() {
        EInvoicePortalService unmounted = new EInvoicePortalService();
        assertThatThrownBy(unmounted::portal).isInstanceOf(SandboxException.class)
                .hasMessageContaining("only while a sandbox has mounted it");
        assertThatThrownBy(unmounted::caCertificate).isInstanceOf(SandboxException.class);
    }

    @Test
    void mailWithoutAttachment_isRejected() throws Exception {
        int before = portal().receipts().size();
        sendRaw("nur Text", List.of());
        PortalReceipt r = nextReceipt(before);
        assertThat(r.status()).isEqualTo(PortalReceipt.Status.REJECTED);
        assertThat(r.reason()).isEqualTo(EInvoicePortal.REASON_NO_INVOICE);
        assertThat(r.report()).isEmpty();
        assertThat(receiptJson(r.id()).get("reason").asText()).isEqualTo("PORTAL-NO-INVOICE");
    }

    @Test
    void mailWithTwoInvoices_isRejected_oneInvoicePerMail() throws Exception {
        byte[] xml = suiteFile("01.01a-INVOICE_uncefact.xml");
        int before = portal().receipts().size();
        sendRaw("zwei Rechnungen", List.of(xml, xml));
        PortalReceipt r = nextReceipt(before);
        assertThat(r.status()).isEqualTo(PortalReceipt.Status.REJECTED);
        assertThat(r.reason()).isEqualTo(EInvoicePortal.REASON_MULTIPLE_INVOICES);
    }

    @Test
    void hostileAttachments_areRejectedNotFatal() throws Exception {
        int before = portal().receipts().size();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        sendRaw("xxe", List.of(xxe.getBytes(StandardCharsets.UTF_8)));
        sendRaw("not xml", List.of("garbage".getBytes(StandardCharsets.UTF_8)));
        assertThat(portal().awaitReceipts(before + 2, Duration.ofSeconds(30))).isTrue();
        for (PortalReceipt r : portal().receipts().subList(before, before + 2)) {
            assertThat(r.status()).isEqualTo(PortalReceipt.Status.REJECTED);
            assertThat(r.reason()).isEqualTo(EInvoicePortal.REASON_INVALID_INVOICE);
            assertThat(r.report()).hasValueSatisfying(rep -> assertThat(rep.processed()).isFalse());
        }
        // the portal keeps working
        byte[] xml = suiteFile("01.01a-INVOICE_uncefact.xml");
        delivery().deliver(xml);
        assertThat(nextReceipt(before + 2).accepted()).isTrue();
    }

    @Test
    void caCertificate_isServedAsPem() throws Exception {
        byte[] pem = get("/einvoice-portal/ca.pem", "pem");
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
        assertThat(ca).isEqualTo(service.caCertificate());
    }

    @Test
    void tlsSandbox_usesTheSandboxCertificateAuthorityForSmtp() throws Exception {
        EInvoicePortalService other = new EInvoicePortalService(VALIDATOR);
        try (Sandbox tlsSandbox = Sandbox.builder().tls(true).service(other).start()) {
            assertThat(other.caCertificate()).isEqualTo(tlsSandbox.tls().orElseThrow().caCertificate());
            byte[] xml = suiteFile("01.01a-INVOICE_ubl.xml");
            MailDelivery d = MailDelivery.builder()
                    .host("127.0.0.1").port(other.portal().port())
                    .credentials("sandbox", "sandbox").from(SENDER).to(PORTAL_ADDRESS)
                    .tls(TlsConfig.builder().trustCertificates(other.caCertificate()).build())
                    .validator(VALIDATOR).build();
            d.deliver(xml);
            assertThat(other.portal().awaitReceipts(1, Duration.ofSeconds(30))).isTrue();
            assertThat(other.portal().receipts().get(0).accepted()).isTrue();
        }
    }
}
