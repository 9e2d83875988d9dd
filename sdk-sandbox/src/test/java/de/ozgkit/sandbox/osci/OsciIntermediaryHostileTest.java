package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.Spool;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox intermediary and the client under attack: replayed and tampered requests (sent raw
 * over HTTP), tampered answers, strict certificate checks, and a restart with the mailbox folder.
 */
class OsciIntermediaryHostileTest {

    static final IssuedCertificate SENDER = OsciParties.party("Hostile Sender");
    static final IssuedCertificate RECIPIENT = OsciParties.party("Hostile Recipient");

    static OsciClient client(Sandbox sandbox, OsciIntermediaryService service, IssuedCertificate who, boolean encrypt,
                             List<byte[]> requests, UnaryOperator<byte[]> answers) {
        OzgClientConfig base = OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME)).build();
        OzgClientConfig config = base.toBuilder().transport(new RecordingTransport(base, requests, answers)).build();
        return OsciClient.builder().config(config).originator(OsciParties.identity(who)).transportEncryption(encrypt)
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate()).build();
    }

    static String post(Sandbox sandbox, byte[] body) throws Exception {
        HttpURLConnection c = (HttpURLConnection) sandbox.baseUri(OsciIntermediaryService.NAME).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "text/xml");
        try (OutputStream o = c.getOutputStream()) {
            o.write(body);
        }
        InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The OSCI code of a SOAP fault answer. */
    static String faultCode(String answer) {
        try (IncomingMessage m = IncomingMessage.parse(Spool.of(answer.getBytes(StandardCharsets.ISO_8859_1)), null, null,
                IncomingMessage.Limits.DEFAULT)) {
            m.throwIfFault();
            return "no fault";
        } catch (OsciFeedbackException e) {
            return e.code();
        }
    }

    @Test
    void replayedRequestOfADialog_isRefusedWith9400() throws Exception {
        OsciIntermediaryService service = new OsciIntermediaryService();
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            List<byte[]> requests = new ArrayList<>();
            try (OsciClient c = client(sandbox, service, SENDER, true, requests, b -> b); OsciDialog d = c.openDialog()) {
                d.processCards(new MessageId("none"));
                byte[] replay = requests.get(requests.size() - 1);
                assertThat(faultCode(post(sandbox, replay))).isEqualTo("9400");
            }
        }
    }

    @Test
    void tamperedRequest_isRefusedWith9601_andXxeWith9100() throws Exception {
        OsciIntermediaryService service = new OsciIntermediaryService();
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            List<byte[]> requests = new ArrayList<>();
            try (OsciClient c = client(sandbox, service, SENDER, false, requests, b -> b)) {
                c.store(Delivery.builder().addressee(RECIPIENT.certificate()).subject("Original")
                        .container(ContentContainer.builder().text("x").build()).build());
            }
            String store = new String(requests.get(requests.size() - 1), StandardCharsets.ISO_8859_1);
            assertThat(faultCode(post(sandbox, store.replace("Original", "Gefaelscht").getBytes(StandardCharsets.ISO_8859_1))))
                    .isEqualTo("9601");
            String xxe = store.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
                    .replace("Original", "&e;").replaceFirst("Content-Length: \\d+\r\n", "");
            assertThat(faultCode(post(sandbox, xxe.getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo("9100");
            assertThat(faultCode(post(sandbox, "garbage".getBytes(StandardCharsets.US_ASCII)))).isEqualTo("9100");
        }
    }

    @Test
    void tamperedAnswers_areRefusedByTheClient() {
        OsciIntermediaryService service = new OsciIntermediaryService();
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            UnaryOperator<byte[]> flipNearEnd = b -> {
                byte[] c = b.clone();
                c[c.length - 60] ^= 1;
                return c;
            };
            try (OsciClient c = client(sandbox, service, SENDER, true, new ArrayList<>(), flipNearEnd)) {
                assertThatThrownBy(c::getMessageId).isInstanceOfSatisfying(OsciException.class,
                        e -> assertThat(e.check()).isEqualTo(OsciCheck.TRANSPORT_DECRYPTION));
            }
            UnaryOperator<byte[]> flipMessageId = b -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                int i = s.indexOf("<osci:MessageId>") + "<osci:MessageId>".length() + 2;
                char n = s.charAt(i) == 'A' ? 'B' : 'A';
                return (s.substring(0, i) + n + s.substring(i + 1)).getBytes(StandardCharsets.ISO_8859_1);
            };
            try (OsciClient c = client(sandbox, service, SENDER, false, new ArrayList<>(), flipMessageId)) {
                assertThatThrownBy(c::getMessageId).isInstanceOfSatisfying(OsciException.class,
                        e -> assertThat(e.check()).isEqualTo(OsciCheck.MESSAGE_SIGNATURE));
            }
            AtomicReference<byte[]> first = new AtomicReference<>();
            try (OsciClient c = client(sandbox, service, SENDER, true, new ArrayList<>(), b -> {
                if (first.get() == null) {
                    first.set(b);
                    return b;
                }
                return first.get();
            })) {
                c.getMessageId();
                assertThatThrownBy(c::getMessageId).as("a replayed answer does not answer the new challenge")
                        .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check()).isEqualTo(OsciCheck.CONTROL_BLOCK));
            }
        }
    }

    @Test
    void strictMode_refusesUntrustedAndExpiredCertificates() {
        OsciIntermediaryService service = new OsciIntermediaryService(null, null, OsciParties.validator());
        IssuedCertificate untrusted = TestPki.create("Someone else's CA", KeyType.RSA_2048).issue(
                de.ozgkit.testkit.CertificateSpec.builder().subject("CN=Untrusted").keyUsage(
                        de.ozgkit.testkit.CertificateSpec.KeyUsage.DIGITAL_SIGNATURE,
                        de.ozgkit.testkit.CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
        IssuedCertificate expired = OsciParties.party("Expired", Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            try (OsciClient trusted = client(sandbox, service, SENDER, true, new ArrayList<>(), b -> b)) {
                assertThat(trusted.getMessageId().value()).isNotBlank();
            }
            for (IssuedCertificate who : List.of(untrusted, expired)) {
                try (OsciClient c = client(sandbox, service, who, true, new ArrayList<>(), b -> b)) {
                    assertThatThrownBy(c::getMessageId).isInstanceOfSatisfying(OsciFeedbackException.class, e -> {
                        assertThat(e.code()).isEqualTo("9700");
                        assertThat(e.getMessage()).contains(who == expired ? "EXPIRED" : "UNTRUSTED");
                    });
                }
            }
        }
    }

    @Test
    void client_refusesAnIntermediarySignatureCertificateOutsideItsValidity() {
        OsciIntermediaryService service = new OsciIntermediaryService();
        try (Sandbox sandbox = Sandbox.builder().service(service).start();
             OsciClient c = OsciClient.builder()
                     .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME)).build())
                     .originator(OsciParties.identity(SENDER))
                     .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                     .clock(Clock.fixed(Instant.parse("2099-01-01T00:00:00Z"), ZoneOffset.UTC)).build()) {
            assertThatThrownBy(c::getMessageId).isInstanceOfSatisfying(OsciException.class,
                    e -> assertThat(e.check()).isEqualTo(OsciCheck.CERTIFICATE));
        }
    }

    @Test
    void deliveries_surviveARestart_andAnInterruptedWriteStaysInvisible(@TempDir Path folder) throws Exception {
        OsciIdentity keys = OsciParties.identity(OsciParties.party("Persistent Intermediary"));
        StoreReceipt receipt;
        OsciIntermediaryService first = new OsciIntermediaryService(folder, keys);
        try (Sandbox sandbox = Sandbox.builder().service(first).start();
             OsciClient c = OsciParties.client(sandbox, first, SENDER)) {
            receipt = c.store(Delivery.builder().addressee(RECIPIENT.certificate())
                    .container(ContentContainer.builder().text("bleibt").encryptedFor(RECIPIENT.certificate()).build()).build());
        }
        // a crash in the middle of an upload leaves only a temporary folder behind
        Path half = Files.createDirectories(folder.resolve("tmp").resolve("d-crashed"));
        Files.writeString(half.resolve("message.mime"), "MIME-Version: 1.0\r\nContent-Type: Multipart/Rel");
        OsciIntermediaryService second = new OsciIntermediaryService(folder, keys);
        try (Sandbox sandbox = Sandbox.builder().service(second).start();
             OsciClient c = OsciParties.client(sandbox, second, RECIPIENT);
             OsciDialog d = c.openDialog()) {
            assertThat(Files.exists(half)).isFalse();
            try (ReceivedDelivery got = d.fetch(FetchSelection.next()).orElseThrow()) {
                assertThat(got.messageId()).isEqualTo(receipt.messageId());
                assertThat(got.containers().get(0).contents().get(0).text()).isEqualTo("bleibt");
            }
            assertThat(d.fetch(FetchSelection.next())).isEmpty();
        }
    }
}
