package de.ozgkit.sandbox.osci.peer;

import static org.assertj.core.api.Assertions.assertThat;

import de.osci.osci12.common.DialogHandler;
import de.osci.osci12.messageparts.Attachment;
import de.osci.osci12.messageparts.Content;
import de.osci.osci12.messageparts.ContentContainer;
import de.osci.osci12.messageparts.EncryptedDataOSCI;
import de.osci.osci12.messagetypes.ExitDialog;
import de.osci.osci12.messagetypes.FetchDelivery;
import de.osci.osci12.messagetypes.GetMessageId;
import de.osci.osci12.messagetypes.InitDialog;
import de.osci.osci12.messagetypes.OSCIMessage;
import de.osci.osci12.messagetypes.ResponseToFetchDelivery;
import de.osci.osci12.messagetypes.StoreDelivery;
import de.osci.osci12.roles.Addressee;
import de.osci.osci12.roles.Author;
import de.osci.osci12.roles.Intermed;
import de.osci.osci12.roles.Originator;
import de.osci.osci12.samples.impl.HttpTransport;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.osci.OsciIntermediaryService;
import de.ozgkit.testkit.SharedData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both directions through the sandbox intermediary: the OSCI library stores and ozgkit fetches,
 * decrypts and verifies; ozgkit stores and the library fetches, decrypts and verifies. Content and
 * attachments arrive byte-equal, hostile text and binary included.
 */
class PeerInteropTest {

    static Sandbox sandbox;
    static OsciIntermediaryService service;
    static final PeerParty PEER = PeerParty.create("Peer Fachverfahren");
    static final PeerParty OZGKIT = PeerParty.create("ozgkit Fachverfahren");
    static final String TEXT = "<antrag>&amp; \r\n \ud83d\ude00 \u1e9e \u00e4</antrag>";
    static final byte[] BINARY = new byte[200_000];

    static {
        new Random(3).nextBytes(BINARY);
    }

    @BeforeAll
    static void start() {
        SharedData.require("interop/osci-bibliothek-2.4.1");
        service = new OsciIntermediaryService();
        sandbox = Sandbox.builder().service(service).maxRequestBytes(16 << 20).start();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static DialogHandler peerDialog(PeerParty who) throws Exception {
        DialogHandler dh = new DialogHandler(new Originator(who.signer(), who.decrypter()),
                new Intermed(service.intermediary().signatureCertificate(), service.intermediary().cipherCertificate(),
                        sandbox.baseUri(OsciIntermediaryService.NAME)), new HttpTransport());
        dh.setEncryption(true);
        return dh;
    }

    static OsciClient ozgkitClient() {
        return OsciClient.builder()
                .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME)).build())
                .originator(OsciIdentity.of(Identity.of(OZGKIT.cert.privateKey(), OZGKIT.cert.chain())))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .build();
    }

    @Test
    void peerStores_ozgkitFetchesDecryptsAndVerifies() throws Exception {
        String id = new GetMessageId(peerDialog(PEER)).send().getMessageId();
        StoreDelivery sd = new StoreDelivery(peerDialog(PEER), new Addressee(null, OZGKIT.certificate()), id);
        sd.setSubject("vom Peer");
        ContentContainer cc = new ContentContainer();
        cc.addContent(new Content(TEXT));
        cc.addContent(new Content(new Attachment(new ByteArrayInputStream(BINARY), "daten.bin",
                "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
        cc.sign(new Author(PEER.signer(), null));
        EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", cc);
        enc.encrypt(new de.osci.osci12.roles.Reader(OZGKIT.certificate()));
        sd.addEncryptedData(enc);
        ContentContainer plain = new ContentContainer();
        plain.addContent(new Content("offen"));
        plain.addContent(new Content(new Attachment(new ByteArrayInputStream(BINARY), "offen.bin")));
        plain.sign(new Author(PEER.signer(), null));
        sd.addContentContainer(plain);
        assertThat(sd.send().getFeedback()[0][1]).isEqualTo("0800");

        try (OsciClient client = ozgkitClient();
             ReceivedDelivery d = client.fetch(FetchSelection.byMessageId(new MessageId(id))).orElseThrow()) {
            assertThat(d.subject()).contains("vom Peer");
            assertThat(d.containers()).hasSize(2);
            ReceivedContainer secret = d.containers().stream().filter(ReceivedContainer::encrypted).findFirst().orElseThrow();
            assertThat(secret.signatures()).extracting(s -> s.author()).containsExactly(PEER.certificate());
            assertThat(secret.contents().get(0).text()).isEqualTo(TEXT);
            try (InputStream in = secret.attachment("daten.bin").orElseThrow().openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(BINARY);
            }
            ReceivedContainer open = d.containers().stream().filter(c -> !c.encrypted()).findFirst().orElseThrow();
            assertThat(open.signatures()).hasSize(1);
            assertThat(open.contents().get(0).text()).isEqualTo("offen");
            try (InputStream in = open.attachment("offen.bin").orElseThrow().openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(BINARY);
            }
            d.processCard().orElseThrow().verify();
        }
    }

    @Test
    void ozgkitStores_peerFetchesDecryptsAndVerifies() throws Exception {
        StoreReceipt receipt;
        try (OsciClient client = ozgkitClient()) {
            receipt = client.store(Delivery.builder().addressee(PEER.certificate()).subject("von ozgkit <&> \u1e9e")
                    .container(de.ozgkit.messaging.ContentContainer.builder().text(TEXT)
                            .attachment(de.ozgkit.messaging.Attachment.ofBytes("daten.bin", BINARY))
                            .signedBy(de.ozgkit.messaging.Signer.of(Identity.of(OZGKIT.cert.privateKey(), OZGKIT.cert.chain())))
                            .encryptedFor(PEER.certificate()).build())
                    .container(de.ozgkit.messaging.ContentContainer.builder().text("offen")
                            .attachment(de.ozgkit.messaging.Attachment.ofBytes("offen.bin", BINARY))
                            .signedBy(de.ozgkit.messaging.Signer.of(Identity.of(OZGKIT.cert.privateKey(), OZGKIT.cert.chain())))
                            .build())
                    .build());
        }
        DialogHandler dh = peerDialog(PEER);
        new InitDialog(dh).send();
        FetchDelivery fd = new FetchDelivery(dh);
        fd.setSelectionMode(OSCIMessage.SELECT_BY_MESSAGE_ID);
        fd.setSelectionRule(receipt.messageId().value());
        ResponseToFetchDelivery got = fd.send();
        assertThat(got.getFeedback()[0][1]).isEqualTo("0801");
        assertThat(got.getSubject()).isEqualTo("von ozgkit <&> \u1e9e");

        ContentContainer open = got.getContentContainer()[0];
        assertThat(open.checkAllSignatures()).isTrue();
        assertThat(open.getContents()[0].getContentData()).isEqualTo("offen");
        assertThat(open.getContents()[1].getAttachment().getStream().readAllBytes()).isEqualTo(BINARY);

        ContentContainer secret = got.getEncryptedData()[0].decrypt(new de.osci.osci12.roles.Reader(PEER.decrypter()));
        assertThat(secret.checkAllSignatures()).isTrue();
        assertThat(new String(secret.getContents()[0].getContentStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(secret.getContents()[1].getAttachment().getStream().readAllBytes()).isEqualTo(BINARY);
        new ExitDialog(dh).send();
    }
}
