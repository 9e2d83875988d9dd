package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MediationResult;
import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciFeedbackException;
import de.ozgkit.messaging.OsciMessageType;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.internal.Certs;
import de.ozgkit.messaging.internal.ControlBlock;
import de.ozgkit.messaging.internal.Headers;
import de.ozgkit.messaging.internal.OsciXml;
import de.ozgkit.messaging.internal.OutgoingMessage;
import de.ozgkit.sandbox.Http;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ozgkit on both ends of a passive recipient: ozgkit's client sends ForwardDelivery and
 * MediateDelivery through the sandbox intermediary to an ozgkit {@link PassiveRecipient} in a
 * vendor's Jetty server, with hostile text and binary content in both directions.
 */
class PassiveRecipientTest {

    static final IssuedCertificate CLIENT = OsciParties.party("Online service");
    static final IssuedCertificate VENDOR = OsciParties.party("Fachverfahren passive recipient");
    static final IssuedCertificate OTHER = OsciParties.party("Another Fachverfahren");
    static final String HOSTILE_TEXT = "<a>&amp;\u0001\r\n\ud83d\ude00 \u1e9e ]]> \uFFFD</a>";
    static final byte[] BINARY = new byte[200_000];

    static OsciIntermediaryService service;
    static Sandbox sandbox;
    static RecipientServer server;
    static RecipientServer recording;
    static final List<byte[]> captured = new CopyOnWriteArrayList<>();
    static final List<PassiveDelivery> accepted = new CopyOnWriteArrayList<>();
    static final List<String> acceptedTexts = new CopyOnWriteArrayList<>();
    static final List<byte[]> acceptedBytes = new CopyOnWriteArrayList<>();
    static final List<String> processedSubjects = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        new Random(7).nextBytes(BINARY);
        service = new OsciIntermediaryService();
        sandbox = Sandbox.builder().service(service).maxRequestBytes(64 << 20).start();
        PassiveRecipient recipient = PassiveRecipient.builder().identity(OsciParties.identity(VENDOR))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .handler(new Vendor()).build();
        server = RecipientServer.start(recipient);
        service.intermediary().registerRecipient(server.uri(), VENDOR.certificate(), VENDOR.certificate());
        recording = RecipientServer.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readAllBytes();
                }
                captured.add(body);
                try (PassiveRecipient.Answer a = recipient.handle(new ByteArrayInputStream(body), "text/xml")) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    a.writeTo(out);
                    response.setStatus(a.status());
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
                    response.write(true, ByteBuffer.wrap(out.toByteArray()), callback);
                }
                return true;
            }
        });
        service.intermediary().registerRecipient(recording.uri(), VENDOR.certificate(), VENDOR.certificate());
        // the vendor's server, but registered with another signature certificate than the vendor signs with
        service.intermediary().registerRecipient(URI.create(server.uri() + "/impostor"), VENDOR.certificate(),
                OTHER.certificate());
    }

    @AfterAll
    static void stop() {
        recording.close();
        server.close();
        sandbox.close();
    }

    /** The vendor: keeps forwarded deliveries, answers requests with the request's text and bytes reversed. */
    static final class Vendor implements OsciRecipient {
        @Override
        public void accept(PassiveDelivery d) {
            accepted.add(d);
            ReceivedContainer c = d.delivery().containers().get(0);
            acceptedTexts.add(c.contents().get(0).text());
            acceptedBytes.add(read(c));
        }

        @Override
        public MediatedReply process(PassiveDelivery d) {
            d.delivery().subject().ifPresent(processedSubjects::add);
            ReceivedContainer c = d.delivery().containers().get(0);
            if (c.contents().get(0).text().equals("refuse")) {
                throw new OsciFeedbackException("9805", List.of(), "the vendor refuses");
            }
            if (c.contents().get(0).text().equals("crash")) {
                throw new IllegalStateException("vendor bug");
            }
            byte[] in = read(c);
            byte[] reversed = new byte[in.length];
            for (int i = 0; i < in.length; i++) {
                reversed[i] = in[in.length - 1 - i];
            }
            return new MediatedReply("Bescheid \r\n \u1e9e", List.of(ContentContainer.builder()
                    .text("re: " + c.contents().get(0).text())
                    .attachment(Attachment.ofBytes("reply.bin", reversed))
                    .signedBy(OsciParties.identity(VENDOR).signer())
                    .encryptedFor(d.originatorCipherCertificate().orElseThrow()).build()), d.metaData());
        }

        private static byte[] read(ReceivedContainer c) {
            if (c.attachments().isEmpty()) {
                return new byte[0];
            }
            try (InputStream in = c.attachments().get(0).openStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Delivery request(String text, byte[] bytes) {
        return Delivery.builder().addressee(VENDOR.certificate()).subject("Antrag <&> \r\n \ud83d\ude00")
                .container(ContentContainer.builder().text(text).attachment(Attachment.ofBytes("data.bin", bytes))
                        .signedBy(OsciParties.identity(CLIENT).signer()).encryptedFor(VENDOR.certificate()).build())
                .build();
    }

    @Test
    void mediate_returnsTheVendorsReply_signedAndEncryptedForTheRequester_byteEqual() throws Exception {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT);
             MediationResult r = client.mediate(request(HOSTILE_TEXT, BINARY), server.uri())) {
            assertThat(r.feedback()).extracting(f -> f.code()).containsExactly("0801");
            assertThat(r.requestCard().receptionTime()).isPresent();
            assertThat(r.requestCard().subject()).isEqualTo("Antrag <&> \r\n \ud83d\ude00");
            assertThat(processedSubjects).contains("Antrag <&> \r\n \ud83d\ude00");
            r.requestCard().verify();
            r.reply().processCard().orElseThrow().verify();
            assertThat(r.reply().subject()).contains("Bescheid \r\n \u1e9e");
            ReceivedContainer c = r.reply().containers().get(0);
            assertThat(c.encrypted()).isTrue();
            assertThat(c.signatures()).extracting(s -> s.author()).containsExactly(VENDOR.certificate());
            assertThat(c.contents().get(0).text()).isEqualTo("re: " + HOSTILE_TEXT);
            try (InputStream in = c.attachment("reply.bin").orElseThrow().openStream()) {
                byte[] got = in.readAllBytes();
                assertThat(got).hasSize(BINARY.length);
                for (int i = 0; i < got.length; i++) {
                    assertThat(got[i]).isEqualTo(BINARY[BINARY.length - 1 - i]);
                }
            }
        }
    }

    @Test
    void mediate_withEmptyContent_roundTrips() {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT);
             MediationResult r = client.mediate(request("", new byte[0]), server.uri())) {
            assertThat(r.reply().containers().get(0).contents().get(0).text()).isEqualTo("re: ");
        }
    }

    @Test
    void mediate_refusedByTheVendor_orFailingInIt_comesBackAsFeedbackError() {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            assertThatThrownBy(() -> client.mediate(request("refuse", new byte[1]), server.uri()))
                    .isInstanceOfSatisfying(OsciFeedbackException.class, e -> assertThat(e.code()).isEqualTo("9805"));
            assertThatThrownBy(() -> client.mediate(request("crash", new byte[1]), server.uri()))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.RECIPIENT_INTERNAL_ERROR));
        }
    }

    @Test
    void forward_handsTheDeliveryToTheVendor_andReturnsTheCardWithReception() {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            StoreReceipt r = client.forward(request(HOSTILE_TEXT, BINARY), server.uri(), null);
            assertThat(r.feedback()).extracting(f -> f.code()).containsExactly("0800");
            assertThat(r.processCard().receptionTime()).isPresent();
            r.processCard().verify();
            PassiveDelivery d = accepted.stream().filter(x -> x.delivery().messageId().equals(r.messageId())).findFirst()
                    .orElseThrow();
            assertThat(d.type()).isEqualTo(OsciMessageType.ACCEPT_DELIVERY);
            assertThat(d.originatorSignature()).isEqualTo(CLIENT.certificate());
            assertThat(d.delivery().subject()).contains("Antrag <&> \r\n \ud83d\ude00");
            int i = accepted.indexOf(d);
            assertThat(acceptedTexts.get(i)).isEqualTo(HOSTILE_TEXT);
            assertThat(acceptedBytes.get(i)).isEqualTo(BINARY);
        }
    }

    @Test
    void unregisteredRecipient_orAnotherAddressee_isRefusedWith9809_withoutContactingAnyone() {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            assertThatThrownBy(() -> client.forward(request("x", new byte[1]), URI.create("http://169.254.169.254/latest"), null))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED));
            Delivery toOther = Delivery.builder().addressee(OTHER.certificate())
                    .container(ContentContainer.builder().text("x").build()).build();
            assertThatThrownBy(() -> client.mediate(toOther, server.uri()))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED));
        }
    }

    @Test
    void replayOfAMessageCapturedOnTheWire_isRefusedWith9400_andNotHandledTwice() throws Exception {
        int before = accepted.size();
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            client.forward(request("once", new byte[3]), recording.uri(), null);
        }
        assertThat(accepted).hasSize(before + 1);
        byte[] wire = captured.get(captured.size() - 1);
        try (Http http = new Http()) {
            Http.Answer a = http.send("POST", server.uri(), "text/xml", wire);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.text()).contains("<osci:Code>9400</osci:Code>").contains("soap:Fault");
        }
        assertThat(accepted).hasSize(before + 1);
    }

    @Test
    void recipientEndpoint_refusesGetWith405_andGarbageWithAFault() throws Exception {
        try (Http http = new Http()) {
            assertThat(http.get(server.uri()).status()).isEqualTo(405);
        }
        try (Http http = new Http()) {
            Http.Answer a = http.send("POST", server.uri(), "text/xml", "<x/>".getBytes(StandardCharsets.US_ASCII));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.text()).contains("<osci:Code>9100</osci:Code>");
        }
    }

    @Test
    void aRecipientAnswerNotSignedByTheRegisteredCertificate_isRefusedWith9807() {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            assertThatThrownBy(() -> client.mediate(request("x", new byte[1]), URI.create(server.uri() + "/impostor")))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.RECIPIENT_SIGNATURE_INVALID));
        }
    }

    static final MessageMetaData META = MessageMetaData.builder()
            .author(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:05315000", "K\u00f6ln <&\"'", null))
            .reader(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:09162000", null, "Meldebeh\u00f6rde"))
            .messageId("urn:uuid:6f0c9f4e-1b1a-4c53-9d1c-000000000002").subject("Betreff \u1e9e \ud83d\ude00 \r\n")
            .service("urn:xoev-de:xmeld:standard:xmeld").businessScenarioUndefined("XMELD")
            .messageType(new MessageMetaData.Code("xmeld.0101", null, "urn:de:payloadSchema:elementName", "1.0"),
                    "http://www.osci.de/xmeld").build();

    @Test
    void messageMetaData_travelsWithForwardAndMediate_andComesBackWithTheReply() {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            StoreReceipt r = client.forward(request("meta", new byte[1]), server.uri(), META);
            assertThat(accepted.stream().filter(x -> x.delivery().messageId().equals(r.messageId())).findFirst().orElseThrow()
                    .messageMetaData()).contains(META);
            try (OsciDialog d = client.openDialog();
                 MediationResult m = d.mediate(request("meta", new byte[1]), server.uri(), META)) {
                assertThat(m.metaData()).isEqualTo(META);
            }
        }
    }

    @Test
    void forward_withAUsedMessageId_isRefusedWith9801_andAnUnreachableRecipientWith9809() throws Exception {
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            de.ozgkit.messaging.MessageId id = client.getMessageId();
            Delivery d = Delivery.builder().addressee(VENDOR.certificate()).messageId(id)
                    .container(ContentContainer.builder().text("once").build()).build();
            client.forward(d, server.uri(), null);
            assertThatThrownBy(() -> client.forward(d, server.uri(), null))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.MESSAGE_ID_INVALID));
            int closedPort;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = s.getLocalPort();
            }
            URI gone = URI.create("http://127.0.0.1:" + closedPort + "/osci-recipient");
            service.intermediary().registerRecipient(gone, VENDOR.certificate(), VENDOR.certificate());
            assertThatThrownBy(() -> client.mediate(request("x", new byte[1]), gone))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.feedbackCode()).isEqualTo(FeedbackCode.FORWARDING_FAILED_NOT_DELIVERED));
        }
    }

    @Test
    void mediateDelivery_outsideAnExplicitDialog_writtenFromTheSchema_isRefusedWith9802() throws Exception {
        OsciIdentity me = OsciParties.identity(CLIENT);
        X509Certificate cipher = CLIENT.certificate();
        String sigRef = Certs.refId("originator_signature", cipher);
        OutgoingMessage req = new OutgoingMessage("soapMediateDelivery.xsd")
                .header(new ControlBlock(null, 0, null, ControlBlock.newChallenge()).toXml())
                .header(Headers.desiredLanguages("de"))
                .header("<osci:mediateDelivery" + OsciXml.NS_DECLS + " Id=\"mediatedelivery\" soap:actor=\"" + OsciXml.ACTOR_NEXT
                        + "\" soap:mustUnderstand=\"1\"><osci:ContentReceiver URI=\"" + server.uri()
                        + "\"></osci:ContentReceiver></osci:mediateDelivery>")
                .header(Headers.nonIntermediaryCertificates(List.of(
                        new Headers.CertEntry("CipherCertificateOriginator", Certs.refId("originator_cipher", cipher), cipher),
                        new Headers.CertEntry("CipherCertificateAddressee", Certs.refId("addressee_cipher", VENDOR.certificate()),
                                VENDOR.certificate()),
                        new Headers.CertEntry("SignatureCertificateOriginator", sigRef, cipher))))
                .body(Headers.body("<osci:ContentPackage><osci:ContentContainer" + OsciXml.NS_DECLS + " Id=\"contentcontainer0\">"
                        + "<osci:Content><osci:Base64Content Id=\"content0\">eA==</osci:Base64Content></osci:Content>"
                        + "</osci:ContentContainer></osci:ContentPackage>"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        req.write(out, req.soap(me.signer(), OutgoingMessage.SignatureKind.CLIENT, sigRef));
        try (Http http = new Http()) {
            Http.Answer a = http.send("POST", sandbox.baseUri(OsciIntermediaryService.NAME), "text/xml", out.toByteArray());
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.text()).contains("soap:Fault").contains("<osci:Code>9802</osci:Code>");
        }
    }

    @Test
    void concurrentMediations_eachGetTheirOwnReply() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try (OsciClient client = OsciParties.client(sandbox, service, CLIENT)) {
            List<java.util.concurrent.Future<String>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String text = "parallel " + i + " \u1e9e";
                replies.add(pool.submit(() -> {
                    try (MediationResult r = client.mediate(request(text, new byte[] {1}), server.uri())) {
                        return r.reply().containers().get(0).contents().get(0).text();
                    }
                }));
            }
            for (int i = 0; i < 6; i++) {
                assertThat(replies.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("re: parallel " + i + " \u1e9e");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
