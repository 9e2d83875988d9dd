package de.ozgkit.sandbox.osci.peer;

import static org.assertj.core.api.Assertions.assertThat;

import de.osci.osci12.common.DialogHandler;
import de.osci.osci12.messageparts.Attachment;
import de.osci.osci12.messageparts.Content;
import de.osci.osci12.messageparts.ContentContainer;
import de.osci.osci12.messageparts.EncryptedDataOSCI;
import de.osci.osci12.messagetypes.ExitDialog;
import de.osci.osci12.messagetypes.FetchDelivery;
import de.osci.osci12.messagetypes.FetchProcessCard;
import de.osci.osci12.messagetypes.GetMessageId;
import de.osci.osci12.messagetypes.InitDialog;
import de.osci.osci12.messagetypes.OSCIMessage;
import de.osci.osci12.messagetypes.ResponseToFetchDelivery;
import de.osci.osci12.messagetypes.ResponseToFetchProcessCard;
import de.osci.osci12.messagetypes.ResponseToGetMessageId;
import de.osci.osci12.messagetypes.ResponseToStoreDelivery;
import de.osci.osci12.messagetypes.StoreDelivery;
import de.osci.osci12.roles.Addressee;
import de.osci.osci12.roles.Author;
import de.osci.osci12.roles.Intermed;
import de.osci.osci12.roles.Originator;
import de.osci.osci12.samples.impl.HttpTransport;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.osci.OsciIntermediaryService;
import de.ozgkit.testkit.SharedData;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unmodified OSCI library as client of the sandbox intermediary, over HTTP with transport
 * encryption on (the library's default): every answer must pass the library's own checks (supplier
 * signature, control block, decryption) and carry OK feedback codes.
 */
class PeerClientTest {

    static Sandbox sandbox;
    static URI base;
    static X509Certificate cipher;
    static X509Certificate signature;
    static final PeerParty ORIGINATOR = PeerParty.create("Peer Originator");
    static final PeerParty ADDRESSEE = PeerParty.create("Peer Addressee");

    @BeforeAll
    static void start() throws Exception {
        SharedData.require("interop/osci-bibliothek-2.4.1");
        sandbox = Sandbox.builder().service(new OsciIntermediaryService()).maxRequestBytes(16 << 20).start();
        base = sandbox.baseUri(OsciIntermediaryService.NAME);
        cipher = pem(base + "/certificates/cipher.pem");
        signature = pem(base + "/certificates/signature.pem");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static X509Certificate pem(String uri) throws Exception {
        try (java.io.InputStream in = URI.create(uri).toURL().openStream()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static DialogHandler dialog(PeerParty client) throws Exception {
        Originator o = new Originator(client.signer(), client.decrypter());
        DialogHandler dh = new DialogHandler(o, new Intermed(signature, cipher, base), new HttpTransport());
        dh.setEncryption(true);
        return dh;
    }

    static List<String> codes(String[][] feedback) {
        List<String> out = new ArrayList<>();
        for (String[] f : feedback) {
            out.add(f[1]);
        }
        return out;
    }

    static String getMessageId() throws Exception {
        ResponseToGetMessageId r = new GetMessageId(dialog(ORIGINATOR)).send();
        assertThat(codes(r.getFeedback())).containsExactly("0800");
        return r.getMessageId();
    }

    @Test
    void getMessageId_peerAcceptsSignedEncryptedAnswer() throws Exception {
        assertThat(getMessageId()).isNotBlank();
    }

    static final byte[] SECRET = "geheimer Anhang\r\n\0\u00ff\ud83d\ude00 \u1e9e".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final byte[] PLAIN = new byte[70_000];

    static {
        new java.util.Random(7).nextBytes(PLAIN);
    }

    static String store(String subject) throws Exception {
        String id = getMessageId();
        StoreDelivery sd = new StoreDelivery(dialog(ORIGINATOR), new Addressee(null, ADDRESSEE.certificate()), id);
        sd.setSubject(subject);
        ContentContainer secret = new ContentContainer();
        secret.addContent(new Content("<antrag>Gewerbeanmeldung \u1e9e</antrag>"));
        secret.addContent(new Content(new Attachment(new ByteArrayInputStream(SECRET), "antrag.bin",
                "http://www.w3.org/2009/xmlenc11#aes256-gcm")));
        secret.sign(new Author(ORIGINATOR.signer(), null));
        EncryptedDataOSCI enc = new EncryptedDataOSCI("http://www.w3.org/2009/xmlenc11#aes256-gcm", secret);
        enc.encrypt(new de.osci.osci12.roles.Reader(ADDRESSEE.certificate()));
        sd.addEncryptedData(enc);
        ContentContainer plain = new ContentContainer();
        plain.addContent(new Content("plain text"));
        plain.addContent(new Content(new Attachment(new ByteArrayInputStream(PLAIN), "plain.bin")));
        plain.sign(new Author(ORIGINATOR.signer(), null));
        sd.addContentContainer(plain);
        ResponseToStoreDelivery r = sd.send();
        assertThat(codes(r.getFeedback())).containsExactly("0800");
        assertThat(r.getMessageId()).isEqualTo(id);
        assertThat(r.getTimestampCreation()).isNotNull();
        assertThat(r.getInspections()).isNotEmpty();
        return id;
    }

    @Test
    void storeDelivery_fetchProcessCard_fetchDelivery_peerChecksEverything() throws Exception {
        String id = store("Gewerbeanmeldung \u00e4\u00f6\u00fc");

        DialogHandler cards = dialog(ORIGINATOR);
        assertThat(codes(new InitDialog(cards).send().getFeedback())).containsExactly("0801");
        FetchProcessCard fpc = new FetchProcessCard(cards);
        fpc.setSelectionMode(OSCIMessage.SELECT_BY_MESSAGE_ID);
        fpc.setSelectionRule(id);
        ResponseToFetchProcessCard cardAnswer = fpc.send();
        assertThat(codes(cardAnswer.getFeedback())).containsExactly("0801");
        assertThat(cardAnswer.getProcessCardBundles()).hasSize(1);
        assertThat(cardAnswer.getProcessCardBundles()[0].getMessageId()).isEqualTo(id);
        assertThat(codes(new ExitDialog(cards).send().getFeedback())).containsExactly("0800");

        DialogHandler fetch = dialog(ADDRESSEE);
        assertThat(codes(new InitDialog(fetch).send().getFeedback())).containsExactly("0801");
        FetchDelivery fd = new FetchDelivery(fetch);
        fd.setSelectionMode(OSCIMessage.SELECT_BY_MESSAGE_ID);
        fd.setSelectionRule(id);
        ResponseToFetchDelivery got = fd.send();
        assertThat(codes(got.getFeedback())).containsExactly("0801");
        assertThat(got.getSubject()).isEqualTo("Gewerbeanmeldung \u00e4\u00f6\u00fc");
        assertThat(got.getTimestampForwarding()).isNotNull();

        assertThat(got.getContentContainer()).hasSize(1);
        ContentContainer plain = got.getContentContainer()[0];
        assertThat(plain.checkAllSignatures()).isTrue();
        assertThat(plain.getContents()[0].getContentData()).isEqualTo("plain text");
        assertThat(plain.getContents()[1].getAttachment().getStream().readAllBytes()).isEqualTo(PLAIN);

        assertThat(got.getEncryptedData()).hasSize(1);
        ContentContainer secret = got.getEncryptedData()[0].decrypt(new de.osci.osci12.roles.Reader(ADDRESSEE.decrypter()));
        assertThat(secret.checkAllSignatures()).isTrue();
        assertThat(secret.getContents()[0].getContentData()).isEqualTo("<antrag>Gewerbeanmeldung \u1e9e</antrag>");
        assertThat(secret.getContents()[1].getAttachment().getStream().readAllBytes()).isEqualTo(SECRET);

        assertThat(codes(new ExitDialog(fetch).send().getFeedback())).containsExactly("0800");
    }
}
