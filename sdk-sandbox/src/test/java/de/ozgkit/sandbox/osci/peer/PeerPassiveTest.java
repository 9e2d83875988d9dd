package de.ozgkit.sandbox.osci.peer;

import static org.assertj.core.api.Assertions.assertThat;

import de.osci.osci12.common.DialogHandler;
import de.osci.osci12.messageparts.Attachment;
import de.osci.osci12.messageparts.Content;
import de.osci.osci12.messageparts.ContentContainer;
import de.osci.osci12.messageparts.EncryptedDataOSCI;
import de.osci.osci12.messagetypes.AcceptDelivery;
import de.osci.osci12.messagetypes.ExitDialog;
import de.osci.osci12.messagetypes.InitDialog;
import de.osci.osci12.messagetypes.MediateDelivery;
import de.osci.osci12.messagetypes.OSCIRequest;
import de.osci.osci12.messagetypes.PassiveRecipientParser;
import de.osci.osci12.messagetypes.ProcessDelivery;
import de.osci.osci12.messagetypes.ResponseToAcceptDelivery;
import de.osci.osci12.messagetypes.ResponseToMediateDelivery;
import de.osci.osci12.messagetypes.ResponseToProcessDelivery;
import de.osci.osci12.roles.Addressee;
import de.osci.osci12.roles.Author;
import de.osci.osci12.roles.Intermed;
import de.osci.osci12.roles.Originator;
import de.osci.osci12.roles.Reader;
import de.osci.osci12.samples.impl.HttpTransport;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MediationResult;
import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.osci.OsciIntermediaryService;
import de.ozgkit.sandbox.osci.RecipientServer;
import de.ozgkit.testkit.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content.Source;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The passive recipient with the unmodified OSCI library in both roles, through the sandbox
 * intermediary over HTTP: the library's client sends MediateDelivery to an ozgkit
 * {@link PassiveRecipient} and reads its reply; ozgkit's client sends MediateDelivery and
 * ForwardDelivery to a recipient built on the library's {@link PassiveRecipientParser}.
 */
class PeerPassiveTest {

    static final PeerParty PEER_CLIENT = PeerParty.create("Peer online service");
    static final PeerParty OZGKIT_VENDOR = PeerParty.create("ozgkit Fachverfahren");
    static final PeerParty PEER_VENDOR = PeerParty.create("Peer Fachverfahren");
    static final PeerParty OZGKIT_CLIENT = PeerParty.create("ozgkit online service");
    static final String TEXT = "<antrag>Gewerbeanmeldung \u00e4\u00f6\u00fc \u1e9e \ud83d\ude00 \r\n &amp; </antrag>";
    static final byte[] BYTES = new byte[100_000];

    static Sandbox sandbox;
    static OsciIntermediaryService service;
    static URI base;
    static RecipientServer ozgkitRecipient;
    static RecipientServer peerRecipient;
    static final List<String> peerSaw = new CopyOnWriteArrayList<>();
    static final List<MessageMetaData> received = new CopyOnWriteArrayList<>();
    static final List<String> ozgkitSaw = new CopyOnWriteArrayList<>();
    static final List<String> peerMeta = new CopyOnWriteArrayList<>();

    /**
     * MessageMetaData 2.0.2 as the schema in the library's xsd-osci-messagemetadata.jar defines it, written by hand, as
     * a document with XML declaration: the form the library's text API expects (what its JAXB marshaller writes).
     */
    static final String PEER_META = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><MessageMetaData xmlns=\"http://www.osci.eu/ws/2014/10/transport\""
            + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\" TestMsg=\"true\">"
            + "<DeliveryAttributes><Origin>2026-12-03T10:15:30Z</Origin></DeliveryAttributes>"
            + "<Originators><Author><Identifier type=\"urn:de:xta:ebene:dvdv\" name=\"Stadt K\u00f6ln\">ags:05315000</Identifier>"
            + "</Author></Originators>"
            + "<Destinations><Reader><Identifier type=\"urn:de:xta:ebene:dvdv\">ags:09162000</Identifier></Reader></Destinations>"
            + "<MsgIdentification><wsa:MessageID>urn:uuid:0b9c2b1e-1111-4c53-9d1c-0000000000aa</wsa:MessageID></MsgIdentification>"
            + "<Qualifier><Subject>Anmeldung \u1e9e</Subject><Service>urn:xoev-de:xmeld:standard:xmeld</Service>"
            + "<BusinessScenario><Undefined>XMELD</Undefined></BusinessScenario>"
            + "<MessageType listURI=\"urn:de:payloadSchema:elementName\" listVersionID=\"1.0\""
            + " payloadSchema=\"http://www.osci.de/xmeld\"><code xmlns=\"\">xmeld.0101</code></MessageType></Qualifier>"
            + "<MsgSize>4711</MsgSize></MessageMetaData>";

    /** The vendor's reply metadata: reader and author swapped, in reply to the request. */
    static MessageMetaData replyTo(MessageMetaData m) {
        return MessageMetaData.builder().author(m.reader()).reader(m.author())
                .messageId("urn:uuid:0b9c2b1e-2222-4c53-9d1c-0000000000bb").inReplyTo(m.messageId())
                .subject("Antwort " + m.subject()).service(m.service()).businessScenarioUndefined(m.businessScenarioUndefined())
                .messageType(new MessageMetaData.Code("xmeld.0102", "Antwort", m.messageType().listUri(),
                        m.messageType().listVersionId()), m.payloadSchema()).build();
    }

    @BeforeAll
    static void start() {
        SharedData.require("interop/osci-bibliothek-2.4.1");
        new Random(11).nextBytes(BYTES);
        service = new OsciIntermediaryService();
        sandbox = Sandbox.builder().service(service).maxRequestBytes(16 << 20).start();
        base = sandbox.baseUri(OsciIntermediaryService.NAME);
        PassiveRecipient ours = PassiveRecipient.builder().identity(identity(OZGKIT_VENDOR))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .handler(new OsciRecipient() {
                    @Override
                    public void accept(PassiveDelivery d) {
                        ReceivedContainer c = d.delivery().containers().get(0);
                        try (InputStream in = c.attachments().get(0).openStream()) {
                            ozgkitSaw.add(d.delivery().subject().orElse("") + "|" + c.contents().get(0).text() + "|"
                                    + java.util.Arrays.equals(in.readAllBytes(), BYTES) + "|"
                                    + c.signatures().get(0).author().equals(PEER_CLIENT.certificate()));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    @Override
                    public MediatedReply process(PassiveDelivery d) {
                        d.messageMetaData().ifPresent(received::add);
                        ReceivedContainer c = d.delivery().containers().get(0);
                        String text = c.contents().get(0).text();
                        byte[] data;
                        try (InputStream in = c.attachments().get(0).openStream()) {
                            data = in.readAllBytes();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return new MediatedReply("Antwort \u1e9e", List.of(de.ozgkit.messaging.ContentContainer.builder()
                                .text("echo: " + text)
                                .attachment(de.ozgkit.messaging.Attachment.ofBytes("echo.bin", data))
                                .signedBy(identity(OZGKIT_VENDOR).signer())
                                .encryptedFor(d.originatorCipherCertificate().orElseThrow()).build()),
                                d.messageMetaData().map(PeerPassiveTest::replyTo).orElse(null));
                    }
                }).build();
        ozgkitRecipient = RecipientServer.start(ours);
        service.intermediary().registerRecipient(ozgkitRecipient.uri(), OZGKIT_VENDOR.certificate(),
                OZGKIT_VENDOR.certificate());
        peerRecipient = RecipientServer.start(new PeerRecipientHandler());
        service.intermediary().registerRecipient(peerRecipient.uri(), PEER_VENDOR.certificate(), PEER_VENDOR.certificate());
    }

    @AfterAll
    static void stop() {
        if (peerRecipient != null) {
            peerRecipient.close();
        }
        if (ozgkitRecipient != null) {
            ozgkitRecipient.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static OsciIdentity identity(PeerParty p) {
        return OsciIdentity.of(Identity.of(p.cert.privateKey(), p.cert.chain()));
    }

    @Test
    void peerClient_mediateDelivery_toOzgkitRecipient_readsTheSignedEncryptedReply() throws Exception {
        Originator o = new Originator(PEER_CLIENT.signer(), PEER_CLIENT.decrypter());
        DialogHandler dh = new DialogHandler(o, new Intermed(service.intermediary().signatureCertificate(),
                service.intermediary().cipherCertificate(), base), new HttpTransport());
        dh.setEncryption(true);
        assertThat(PeerClientTest.codes(new InitDialog(dh).send().getFeedback())).containsExactly("0801");
        MediateDelivery md = new MediateDelivery(dh, new Addressee(null, OZGKIT_VENDOR.certificate()),
                ozgkitRecipient.uri().toString());
        ContentContainer c = new ContentContainer();
        c.addContent(new Content(TEXT));
        c.addContent(new Content(new Attachment(new ByteArrayInputStream(BYTES), "antrag.bin",
                "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
        c.sign(new Author(PEER_CLIENT.signer(), null));
        EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", c);
        enc.encrypt(new Reader(OZGKIT_VENDOR.certificate()));
        md.addEncryptedData(enc);
        ResponseToMediateDelivery r = md.send();
        assertThat(PeerClientTest.codes(r.getFeedback())).containsExactly("0801");
        assertThat(r.getTimestampReceptionRequest()).isNotNull();
        assertThat(r.getSubject()).isEqualTo("Antwort \u1e9e");
        assertThat(r.getEncryptedData()).hasSize(1);
        ContentContainer reply = r.getEncryptedData()[0].decrypt(new Reader(PEER_CLIENT.decrypter()));
        assertThat(reply.checkAllSignatures()).isTrue();
        assertThat(reply.getContents()[0].getContentData()).isEqualTo("echo: " + TEXT);
        assertThat(reply.getContents()[1].getAttachment().getStream().readAllBytes()).isEqualTo(BYTES);
        assertThat(PeerClientTest.codes(new ExitDialog(dh).send().getFeedback())).containsExactly("0800");
    }

    @Test
    void messageMetaData_roundTripsWithThePeer_typedOnTheOzgkitSide_rawOnThePeersSide() throws Exception {
        Originator o = new Originator(PEER_CLIENT.signer(), PEER_CLIENT.decrypter());
        DialogHandler dh = new DialogHandler(o, new Intermed(service.intermediary().signatureCertificate(),
                service.intermediary().cipherCertificate(), base), new HttpTransport());
        dh.setEncryption(true);
        new InitDialog(dh).send();
        MediateDelivery md = new MediateDelivery(dh, new Addressee(null, OZGKIT_VENDOR.certificate()),
                ozgkitRecipient.uri().toString());
        md.addMessageMetaDataXTA2V3(PEER_META);
        ContentContainer c = new ContentContainer();
        c.addContent(new Content("meta"));
        c.addContent(new Content(new Attachment(new ByteArrayInputStream(new byte[] {0, 1}), "m.bin",
                "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
        c.sign(new Author(PEER_CLIENT.signer(), null));
        EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", c);
        enc.encrypt(new Reader(OZGKIT_VENDOR.certificate()));
        md.addEncryptedData(enc);
        ResponseToMediateDelivery r = md.send();
        assertThat(PeerClientTest.codes(r.getFeedback())).as(java.util.Arrays.deepToString(r.getFeedback())).containsExactly("0801");
        new ExitDialog(dh).send();

        MessageMetaData got = received.get(received.size() - 1);
        assertIsPeerMeta(got);

        // the reply's header reached the peer inside its signed answer
        assertThat(r.getCustomHeaders()).hasSize(1);
        String reply = r.getCustomHeaders()[0];
        org.w3c.dom.Element e = de.ozgkit.core.xml.SecureXml.parse(new ByteArrayInputStream(
                reply.getBytes(java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(de.ozgkit.messaging.internal.MetaDataXml.read(e)).isEqualTo(replyTo(got));
    }

    static void assertIsPeerMeta(MessageMetaData got) {
        assertThat(got.author()).isEqualTo(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:05315000", "Stadt K\u00f6ln",
                null));
        assertThat(got.reader().identifier()).isEqualTo("ags:09162000");
        assertThat(got.messageId()).isEqualTo("urn:uuid:0b9c2b1e-1111-4c53-9d1c-0000000000aa");
        assertThat(got.subject()).isEqualTo("Anmeldung \u1e9e");
        assertThat(got.businessScenarioUndefined()).isEqualTo("XMELD");
        assertThat(got.messageType().code()).isEqualTo("xmeld.0101");
        assertThat(got.payloadSchema()).isEqualTo("http://www.osci.de/xmeld");
        assertThat(got.origin()).isEqualTo(java.time.Instant.parse("2026-12-03T10:15:30Z"));
        assertThat(got.msgSize()).isEqualTo(4711L);
        assertThat(got.testMsg()).isTrue();
    }

    @Test
    void messageMetaData_fromTheOzgkitClient_reachesThePeerRecipient_andItsReplyHeaderComesBackTyped() throws Exception {
        MessageMetaData meta = replyTo(MessageMetaData.builder()
                .author(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:09162000", null, null))
                .reader(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:05315000", "K\u00f6ln <&\"'", null))
                .messageId("urn:uuid:0b9c2b1e-3333-4c53-9d1c-0000000000cc").subject("Frage \u1e9e")
                .service("urn:xoev-de:xmeld:standard:xmeld").businessScenarioUndefined("XMELD")
                .messageType(new MessageMetaData.Code("xmeld.0100", null, "urn:de:payloadSchema:elementName", "1.0"),
                        "http://www.osci.de/xmeld").build());
        int before = peerMeta.size();
        try (OsciClient client = ozgkitClient(); de.ozgkit.messaging.OsciDialog d = client.openDialog();
             MediationResult r = d.mediate(ozgkitRequest(), peerRecipient.uri(), meta)) {
            assertIsPeerMeta(r.metaData());
        }
        String atPeer = peerMeta.get(before);
        org.w3c.dom.Element e = de.ozgkit.core.xml.SecureXml.parse(new ByteArrayInputStream(
                atPeer.getBytes(java.nio.charset.StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(de.ozgkit.messaging.internal.MetaDataXml.read(e)).isEqualTo(meta);
    }

    @Test
    void peerClient_forwardDelivery_toOzgkitRecipient_isAcceptedWithReception() throws Exception {
        Originator o = new Originator(PEER_CLIENT.signer(), PEER_CLIENT.decrypter());
        DialogHandler dh = new DialogHandler(o, new Intermed(service.intermediary().signatureCertificate(),
                service.intermediary().cipherCertificate(), base), new HttpTransport());
        dh.setEncryption(true);
        String id = new de.osci.osci12.messagetypes.GetMessageId(dh).send().getMessageId();
        de.osci.osci12.messagetypes.ForwardDelivery fd = new de.osci.osci12.messagetypes.ForwardDelivery(dh,
                new Addressee(null, OZGKIT_VENDOR.certificate()), ozgkitRecipient.uri().toString(), id);
        fd.setSubject("Weiterleitung \u00e4");
        ContentContainer c = new ContentContainer();
        c.addContent(new Content(TEXT));
        c.addContent(new Content(new Attachment(new ByteArrayInputStream(BYTES), "antrag.bin",
                "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
        c.sign(new Author(PEER_CLIENT.signer(), null));
        EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", c);
        enc.encrypt(new Reader(OZGKIT_VENDOR.certificate()));
        fd.addEncryptedData(enc);
        de.osci.osci12.messagetypes.ResponseToForwardDelivery r = fd.send();
        assertThat(PeerClientTest.codes(r.getFeedback())).containsExactly("0800");
        assertThat(r.getMessageId()).isEqualTo(id);
        assertThat(r.getTimestampReception()).isNotNull();
        assertThat(ozgkitSaw).contains("Weiterleitung \u00e4|" + TEXT + "|true|true");
    }

    static OsciClient ozgkitClient() {
        return OsciClient.builder()
                .config(OzgClientConfig.builder().baseUri(base).readTimeout(Duration.ofSeconds(30)).build())
                .originator(identity(OZGKIT_CLIENT))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .build();
    }

    static Delivery ozgkitRequest() {
        return Delivery.builder().addressee(PEER_VENDOR.certificate()).subject("Anfrage \u00e4")
                .container(de.ozgkit.messaging.ContentContainer.builder().text(TEXT)
                        .attachment(de.ozgkit.messaging.Attachment.ofBytes("antrag.bin", BYTES))
                        .signedBy(identity(OZGKIT_CLIENT).signer()).encryptedFor(PEER_VENDOR.certificate()).build())
                .build();
    }

    @Test
    void ozgkitClient_mediateDelivery_toPeerRecipient_readsItsReply() throws Exception {
        try (OsciClient client = ozgkitClient(); MediationResult r = client.mediate(ozgkitRequest(), peerRecipient.uri())) {
            assertThat(r.feedback()).extracting(f -> f.code()).containsExactly("0801");
            ReceivedContainer c = r.reply().containers().get(0);
            assertThat(c.signatures()).extracting(s -> s.author()).containsExactly(PEER_VENDOR.certificate());
            assertThat(c.contents().get(0).text()).isEqualTo("peer echo: " + TEXT);
            try (InputStream in = c.attachments().get(0).openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(BYTES);
            }
        }
        assertThat(peerSaw).contains("process:" + TEXT);
    }

    @Test
    void ozgkitClient_forwardDelivery_toPeerRecipient_isAccepted() {
        try (OsciClient client = ozgkitClient()) {
            StoreReceipt r = client.forward(ozgkitRequest(), peerRecipient.uri(), null);
            assertThat(r.feedback()).extracting(f -> f.code()).containsExactly("0800");
            r.processCard().verify();
        }
        assertThat(peerSaw).contains("accept:" + TEXT);
    }

    /** A vendor's passive recipient built on the OSCI library's PassiveRecipientParser. */
    static final class PeerRecipientHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] answer;
            synchronized (PeerRecipientHandler.class) {
                DialogHandler.setDefaultSupplier(new Addressee(PEER_VENDOR.signer(), PEER_VENDOR.decrypter()));
                OSCIRequest msg;
                try (InputStream in = Source.asInputStream(request)) {
                    msg = new PassiveRecipientParser().parseStream(in);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (msg instanceof ProcessDelivery pd) {
                    ContentContainer got = pd.getEncryptedData()[0].decrypt(new Reader(PEER_VENDOR.decrypter()));
                    if (!got.checkAllSignatures()) {
                        throw new IllegalStateException("content signature");
                    }
                    String text = got.getContents()[0].getContentData();
                    byte[] data = got.getContents()[1].getAttachment().getStream().readAllBytes();
                    peerSaw.add("process:" + text);
                    ResponseToProcessDelivery rsp = new ResponseToProcessDelivery(pd);
                    rsp.setFeedback(new String[] {"0800"});
                    if (pd.getCustomHeaders().length > 0) {
                        peerMeta.addAll(java.util.Arrays.asList(pd.getCustomHeaders()));
                        rsp.addMessageMetaDataXTA2V3(PEER_META);
                    }
                    rsp.setSubject("Peer-Antwort");
                    ContentContainer c = new ContentContainer();
                    c.addContent(new Content("peer echo: " + text));
                    c.addContent(new Content(new Attachment(new ByteArrayInputStream(data), "echo.bin",
                            "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
                    c.sign(new Author(PEER_VENDOR.signer(), null));
                    EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", c);
                    enc.encrypt(new Reader(OZGKIT_CLIENT.certificate()));
                    rsp.addEncryptedData(enc);
                    rsp.sign();
                    rsp.writeToStream(out, null);
                } else if (msg instanceof AcceptDelivery ad) {
                    ContentContainer got = ad.getEncryptedData()[0].decrypt(new Reader(PEER_VENDOR.decrypter()));
                    if (!got.checkAllSignatures()) {
                        throw new IllegalStateException("content signature");
                    }
                    peerSaw.add("accept:" + got.getContents()[0].getContentData());
                    ResponseToAcceptDelivery rsp = new ResponseToAcceptDelivery(ad);
                    rsp.setFeedback(new String[] {"0800"});
                    rsp.sign();
                    rsp.writeToStream(out, null);
                } else {
                    throw new IllegalStateException("unexpected " + msg);
                }
                answer = out.toByteArray();
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/xml");
            response.write(true, java.nio.ByteBuffer.wrap(answer), callback);
            return true;
        }
    }

}
