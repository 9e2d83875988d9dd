package de.ozgkit.messaging.internal;

import static de.ozgkit.messaging.internal.Fixture.ORIGINATOR;
import static de.ozgkit.messaging.internal.Fixture.OTHER;
import static de.ozgkit.messaging.internal.Fixture.READER;
import static de.ozgkit.messaging.internal.Fixture.flip;
import static de.ozgkit.messaging.internal.Fixture.identity;
import static de.ozgkit.messaging.internal.Fixture.latin1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.SignatureAlgorithm;
import de.ozgkit.messaging.Signer;
import de.ozgkit.messaging.UnsupportedAlgorithmException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tampered and hostile messages, each refused with the check it failed: one flipped byte in each
 * region, signature wrapping, a wrong reader, a content signature by another key, refused
 * algorithms, XXE and entity expansion, oversized parts and a MIME structure bomb.
 */
class TamperedMessageTest {

    static final byte[] SECRET_ATTACHMENT = "secret \r\n\0\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PLAIN_ATTACHMENT = "plain attachment".getBytes(StandardCharsets.US_ASCII);

    static List<ContentContainer> containers() {
        Signer author = identity(ORIGINATOR).signer();
        return List.of(
                ContentContainer.builder().text("<geheim/>").attachment(Attachment.ofBytes("secret.bin", SECRET_ATTACHMENT))
                        .signedBy(author).encryptedFor(READER.certificate()).build(),
                ContentContainer.builder().text("<offen/>").attachment(Attachment.ofBytes("plain.bin", PLAIN_ATTACHMENT))
                        .signedBy(author).build());
    }

    /** Parses, checks the message signature, decrypts and checks the content. */
    static List<ReceivedContainer> open(byte[] message, Decrypter reader) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try (IncomingMessage msg = Fixture.parse(message)) {
            X509Certificate signer = msg.verifySignature("ClientSignature", null);
            assertThat(signer).isEqualTo(ORIGINATOR.certificate());
            List<ReceivedContainer> out = ContentReader.read(msg, List.of(reader), false, resources);
            for (ReceivedContainer c : out) {
                for (var a : c.attachments()) {
                    try (InputStream in = a.openStream()) {
                        in.readAllBytes();
                    }
                }
            }
            return out;
        } finally {
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }

    static void refused(OsciCheck check, Executable action) {
        assertThatThrownBy(action::execute).isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check())
                .as(e.getMessage()).isEqualTo(check));
    }

    static byte[] original() {
        return Fixture.store(containers(), s -> s);
    }

    @Test
    void untouched_opensWithEverythingVerified() throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try (IncomingMessage msg = Fixture.parse(original())) {
            msg.verifySignature("ClientSignature", null);
            List<ReceivedContainer> got = ContentReader.read(msg, List.of(identity(READER).decrypter()), false, resources);
            assertThat(got).hasSize(2);
            assertThat(got.get(0).contents().get(0).text()).isEqualTo("<geheim/>");
            try (InputStream in = got.get(0).attachment("secret.bin").orElseThrow().openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(SECRET_ATTACHMENT);
            }
            assertThat(got.get(0).signatures()).hasSize(1);
            try (InputStream in = got.get(1).attachment("plain.bin").orElseThrow().openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(PLAIN_ATTACHMENT);
            }
        } finally {
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }

    @Test
    void flippedByteInAHeader_failsTheMessageSignature() {
        String m = latin1(original());
        refused(OsciCheck.MESSAGE_SIGNATURE, () -> open(latin1(flip(m, "<osci:Subject>Betreff", 14)), identity(READER).decrypter()));
    }

    @Test
    void flippedByteInTheSignedBody_failsTheMessageSignature() {
        String m = latin1(original());
        int plain = m.indexOf("<osci:ContentContainer");
        String tampered = m.substring(0, plain) + flip(m.substring(plain), "<osci:Base64Content Id=\"", 30);
        refused(OsciCheck.MESSAGE_SIGNATURE, () -> open(latin1(tampered), identity(READER).decrypter()));
    }

    @Test
    void flippedByteInTheMessageSignatureValue_failsTheMessageSignature() {
        String m = latin1(original());
        refused(OsciCheck.MESSAGE_SIGNATURE, () -> open(latin1(flip(m, "<ds:SignatureValue>", 25)), identity(READER).decrypter()));
    }

    @Test
    void flippedByteInAnAttachment_failsTheMessageSignature() {
        String m = latin1(original());
        refused(OsciCheck.MESSAGE_SIGNATURE, () -> open(latin1(m.replace("plain attachment", "plain attachmenT")),
                identity(READER).decrypter()));
    }

    /** Content-level damage under a valid message signature: the originator (or anyone re-signing) cannot hide it. */
    static byte[] resigned(UnaryOperator<String> content) {
        return Fixture.store(containers(), content);
    }

    @Test
    void flippedByteInTheContentSignatureValue_failsTheContentSignature() {
        refused(OsciCheck.CONTENT_SIGNATURE, () -> open(resigned(s -> flip(s, "<ds:SignatureValue>", 25)),
                identity(READER).decrypter()));
    }

    @Test
    void flippedByteInTheWrappedKey_failsDecryption() {
        refused(OsciCheck.CONTENT_DECRYPTION, () -> open(resigned(s -> flip(s, "</ds:KeyInfo><xenc:CipherData><xenc:CipherValue>",
                60)), identity(READER).decrypter()));
    }

    static String containerCipherValue(String s, int at) {
        String marker = "</xenc:EncryptedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>";
        return flip(s, marker, marker.length() + at);
    }

    @Test
    void flippedByteInTheIv_failsDecryption() {
        refused(OsciCheck.CONTENT_DECRYPTION, () -> open(resigned(s -> containerCipherValue(s, 2)), identity(READER).decrypter()));
    }

    @Test
    void flippedByteInTheCiphertext_failsDecryption() {
        refused(OsciCheck.CONTENT_DECRYPTION, () -> open(resigned(s -> containerCipherValue(s, 60)), identity(READER).decrypter()));
    }

    static OutgoingMessage.Attachment flipFirstByte(OutgoingMessage.Attachment a) {
        byte[] b = a.data().toBytes().clone();
        b[b.length / 2] ^= 1;
        return new OutgoingMessage.Attachment(a.contentId(), a.contentType(), Spool.of(b));
    }

    @Test
    void flippedByteInAnEncryptedAttachment_underAValidMessageSignature_failsDecryption() {
        refused(OsciCheck.CONTENT_DECRYPTION, () -> open(Fixture.store(containers(), s -> s,
                a -> a.contentId().equals("secret.bin") ? flipFirstByte(a) : a), identity(READER).decrypter()));
    }

    @Test
    void flippedByteInAPlainAttachment_underAValidMessageSignature_failsTheContentSignature() {
        refused(OsciCheck.CONTENT_SIGNATURE, () -> open(Fixture.store(containers(), s -> s,
                a -> a.contentId().equals("plain.bin") ? flipFirstByte(a) : a), identity(READER).decrypter()));
    }

    @Test
    void duplicatedSignedElement_isRefusedAsSignatureWrapping() {
        String m = latin1(original());
        int start = m.indexOf("<osci:storeDelivery");
        int end = m.indexOf("</osci:storeDelivery>") + "</osci:storeDelivery>".length();
        String copy = m.substring(start, end).replace("Betreff", "Geaendert");
        refused(OsciCheck.SIGNED_PARTS, () -> open(latin1(m.substring(0, end) + copy + m.substring(end)), identity(READER).decrypter()));
    }

    @Test
    void signedBodyMovedIntoTheHeader_andReplaced_isRefusedAsSignatureWrapping() {
        String m = latin1(original());
        int bodyStart = m.indexOf("<soap:Body");
        int bodyEnd = m.indexOf("</soap:Body>") + "</soap:Body>".length();
        String body = m.substring(bodyStart, bodyEnd);
        String wrapper = "<osci:Wrapper" + OsciXml.NS_DECLS + " Id=\"wrapper\">" + body.replace("soap:Body", "osci:Moved") + "</osci:Wrapper>";
        String evil = "<soap:Body" + OsciXml.NS_DECLS + " Id=\"body\"><osci:ContentPackage></osci:ContentPackage></soap:Body>";
        String tampered = m.substring(0, m.indexOf("</soap:Header>")) + wrapper + "</soap:Header>" + evil + m.substring(bodyEnd);
        refused(OsciCheck.SIGNED_PARTS, () -> open(latin1(tampered), identity(READER).decrypter()));
    }

    @Test
    void unsignedExtraHeaderBlock_isRefused() {
        String m = latin1(original());
        String extra = "<osci:Extra" + OsciXml.NS_DECLS + " Id=\"extra\"></osci:Extra>";
        refused(OsciCheck.SIGNED_PARTS, () -> open(latin1(m.replace("</soap:Header>", extra + "</soap:Header>")),
                identity(READER).decrypter()));
    }

    @Test
    void wrongReader_cannotDecrypt() {
        refused(OsciCheck.CONTENT_DECRYPTION, () -> open(original(), identity(OTHER).decrypter()));
    }

    @Test
    void contentSignatureByAnotherKey_failsTheContentSignature() {
        Signer other = identity(OTHER).signer();
        Signer impostor = new Signer() {
            @Override
            public X509Certificate certificate() {
                return ORIGINATOR.certificate();
            }

            @Override
            public byte[] sign(byte[] data, SignatureAlgorithm algorithm) {
                return other.sign(data, algorithm);
            }
        };
        byte[] msg = Fixture.store(List.of(ContentContainer.builder().text("x").signedBy(impostor).build()), s -> s);
        refused(OsciCheck.CONTENT_SIGNATURE, () -> open(msg, identity(READER).decrypter()));
    }

    @Test
    void tripleDesContent_isRefusedNamingTheAlgorithm() {
        assertThatThrownBy(() -> open(resigned(s -> s.replace(OsciXml.AES256_GCM, "http://www.w3.org/2001/04/xmlenc#tripledes-cbc")),
                identity(READER).decrypter())).isInstanceOfSatisfying(UnsupportedAlgorithmException.class, e -> {
                    assertThat(e.algorithm()).contains("tripledes-cbc");
                    assertThat(e.check()).isEqualTo(OsciCheck.ALGORITHM);
                });
    }

    @Test
    void aesCbcContent_isRefusedByDefault() {
        assertThatThrownBy(() -> open(resigned(s -> s.replace(OsciXml.AES256_GCM, "http://www.w3.org/2001/04/xmlenc#aes256-cbc")),
                identity(READER).decrypter())).isInstanceOfSatisfying(UnsupportedAlgorithmException.class,
                e -> assertThat(e.getMessage()).contains("aes256-cbc"));
    }

    @Test
    void sha1DigestInTheMessageSignature_isRefusedNamingTheAlgorithm() {
        String m = latin1(original());
        int sig = m.indexOf("<osci:ClientSignature");
        String tampered = m.substring(0, sig) + m.substring(sig).replaceFirst(java.util.regex.Pattern.quote(OsciXml.SHA256), OsciXml.SHA1);
        assertThatThrownBy(() -> open(latin1(tampered), identity(READER).decrypter()))
                .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check()).isIn(OsciCheck.ALGORITHM,
                        OsciCheck.MESSAGE_SIGNATURE));
    }

    @Test
    void readerKeyThatIsNotRsa_isRefusedOnSending() {
        var weak = Fixture.PKI.issue(de.ozgkit.testkit.CertificateSpec.builder().subject("CN=Weak")
                .keyType(de.ozgkit.testkit.KeyType.EC_P256).build());
        assertThatThrownBy(() -> ContentWriter.write(List.of(ContentContainer.builder().text("x")
                .encryptedFor(weak.certificate()).build()))).isInstanceOf(UnsupportedAlgorithmException.class);
    }

    @Test
    void doctypeWithExternalEntity_isRefused() {
        String m = latin1(original());
        String xxe = m.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")
                .replace("<osci:Subject>Betreff", "<osci:Subject>&e;");
        refused(OsciCheck.STRUCTURE, () -> Fixture.parse(latin1(xxe.replaceFirst("Content-Length: \\d+\r\n", ""))).close());
    }

    @Test
    void entityExpansion_isRefused() {
        String m = latin1(original());
        String bomb = m.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>");
        refused(OsciCheck.STRUCTURE, () -> Fixture.parse(latin1(bomb.replaceFirst("Content-Length: \\d+\r\n", ""))).close());
    }

    @Test
    void oversizedSoapPart_isRefused() {
        byte[] m = original();
        refused(OsciCheck.SIZE, () -> IncomingMessage.parse(Spool.of(m), null, null,
                new IncomingMessage.Limits(1 << 20, 4096, 100, 64)).close());
    }

    @Test
    void oversizedMessage_isRefused() {
        byte[] m = original();
        refused(OsciCheck.SIZE, () -> IncomingMessage.parse(Spool.of(m), null, null,
                new IncomingMessage.Limits(1024, 1024, 100, 64)).close());
    }

    @Test
    void mimeStructureBomb_isRefused() {
        StringBuilder sb = new StringBuilder("MIME-Version: 1.0\r\nContent-Type: Multipart/Related; boundary=B\r\n\r\n"
                + "--B\r\nContent-ID: <osci@message>\r\n\r\n<x/>\r\n");
        for (int i = 0; i < 50_000; i++) {
            sb.append("--B\r\nContent-ID: <p").append(i).append(">\r\n\r\n\r\n");
        }
        sb.append("--B--\r\n");
        refused(OsciCheck.STRUCTURE, () -> Fixture.parse(latin1(sb.toString())).close());
    }

    @Test
    void truncatedMessage_isRefused() {
        byte[] m = original();
        byte[] cut = java.util.Arrays.copyOf(m, m.length / 3);
        refused(OsciCheck.STRUCTURE, () -> open(cut, identity(READER).decrypter()));
    }

    @Test
    void notMultipart_isRefused() {
        refused(OsciCheck.STRUCTURE, () -> Fixture.parse(latin1("Content-Type: text/plain\r\n\r\nhello")).close());
    }

    @Test
    void transportEnvelope_opensOnlyForItsRecipient_andDetectsAFlippedByte() throws Exception {
        byte[] inner = original();
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (Spool s = Spool.of(inner)) {
            TransportEnvelope.seal(s, READER.certificate(), sealed);
        }
        try (IncomingMessage ok = IncomingMessage.parse(Spool.of(sealed.toByteArray()), null, identity(READER).decrypter(),
                IncomingMessage.Limits.DEFAULT)) {
            assertThat(ok.transportEncrypted()).isTrue();
            assertThat(ok.plainMessage().toBytes()).isEqualTo(inner);
            ok.verifySignature("ClientSignature", null);
        }
        refused(OsciCheck.TRANSPORT_DECRYPTION, () -> IncomingMessage.parse(Spool.of(sealed.toByteArray()), null,
                identity(OTHER).decrypter(), IncomingMessage.Limits.DEFAULT).close());
        byte[] damaged = sealed.toByteArray().clone();
        damaged[damaged.length - 40] ^= 1;
        refused(OsciCheck.TRANSPORT_DECRYPTION, () -> IncomingMessage.parse(Spool.of(damaged), null,
                identity(READER).decrypter(), IncomingMessage.Limits.DEFAULT).close());
    }

    @Test
    void encryptingStream_writesIvCiphertextTag_andDecryptsOnlyWhenAuthentic() throws Exception {
        byte[] key = Crypto.newKey();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Crypto.encrypting(out, key)) {
            enc.write("hallo".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.size()).isEqualTo(Crypto.IV_LENGTH + 5 + Crypto.TAG_LENGTH);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Crypto.decrypt(new java.io.ByteArrayInputStream(out.toByteArray()), key, 12, plain, "test", OsciCheck.CONTENT_DECRYPTION);
        assertThat(plain.toString(StandardCharsets.UTF_8)).isEqualTo("hallo");
        byte[] bad = out.toByteArray();
        bad[14] ^= 1;
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        refused(OsciCheck.CONTENT_DECRYPTION, () -> Crypto.decrypt(new java.io.ByteArrayInputStream(bad), key, 12, none, "test",
                OsciCheck.CONTENT_DECRYPTION));
        assertThat(none.size()).isZero();
    }

    @Test
    void streamingDecryption_ofManyPieces_matchesAndRefusesEveryTamperedRegion() throws Exception {
        byte[] key = Crypto.newKey();
        byte[] text = new byte[3 * 65536 + 777];
        new java.security.SecureRandom().nextBytes(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = Crypto.encrypting(out, key)) {
            enc.write(text);
        }
        byte[] sealed = out.toByteArray();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        // a stream that gives a few bytes at a time, so that the tag arrives split over reads
        Crypto.decrypt(new java.io.FilterInputStream(new java.io.ByteArrayInputStream(sealed)) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return super.read(b, off, Math.min(len, 7));
            }
        }, key, 12, plain, "test", OsciCheck.CONTENT_DECRYPTION);
        assertThat(plain.toByteArray()).isEqualTo(text);
        for (int at : new int[] {0, 11, 12, 70000, sealed.length - 17, sealed.length - 16, sealed.length - 1}) {
            byte[] bad = sealed.clone();
            bad[at] ^= 0x20;
            refused(OsciCheck.CONTENT_DECRYPTION, () -> Crypto.decrypt(new java.io.ByteArrayInputStream(bad), key, 12,
                    OutputStream.nullOutputStream(), "test", OsciCheck.CONTENT_DECRYPTION));
        }
        for (int length : new int[] {0, 11, 12, 27, sealed.length - 1}) {
            byte[] cut = java.util.Arrays.copyOf(sealed, length);
            refused(OsciCheck.CONTENT_DECRYPTION, () -> Crypto.decrypt(new java.io.ByteArrayInputStream(cut), key, 12,
                    OutputStream.nullOutputStream(), "test", OsciCheck.CONTENT_DECRYPTION));
        }
    }
}
