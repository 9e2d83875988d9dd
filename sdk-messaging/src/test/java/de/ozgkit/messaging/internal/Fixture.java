package de.ozgkit.messaging.internal;

import de.ozgkit.core.security.Identity;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds signed OSCI messages with the internals, as the client does, for tests that parse and tamper with them. */
final class Fixture {

    static final TestPki PKI = TestPki.create("messaging test CA", KeyType.RSA_2048);
    static final IssuedCertificate ORIGINATOR = party("Originator");
    static final IssuedCertificate READER = party("Reader");
    static final IssuedCertificate OTHER = party("Other");

    private Fixture() {
    }

    static IssuedCertificate party(String cn) {
        return PKI.issue(CertificateSpec.builder().subject("CN=" + cn)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
    }

    static OsciIdentity identity(IssuedCertificate c) {
        return OsciIdentity.of(Identity.of(c.privateKey(), c.chain()));
    }

    /**
     * A StoreDelivery-shaped message.
     *
     * @param containers      the containers
     * @param tamperContent   changes the content package before the message is signed
     * @return the MIME bytes
     */
    static byte[] store(List<ContentContainer> containers, UnaryOperator<String> tamperContent) {
        return store(containers, tamperContent, a -> a);
    }

    /**
     * @param containers      the containers
     * @param tamperContent   changes the content package before the message is signed
     * @param tamperParts     changes attachment parts before the message is signed
     * @return the MIME bytes
     */
    static byte[] store(List<ContentContainer> containers, UnaryOperator<String> tamperContent,
                        UnaryOperator<OutgoingMessage.Attachment> tamperParts) {
        ContentWriter.Result content = ContentWriter.write(containers);
        OsciIdentity o = identity(ORIGINATOR);
        List<Headers.CertEntry> certs = new ArrayList<>(content.certificates());
        certs.add(new Headers.CertEntry("CipherCertificateAddressee", Certs.refId("addressee_cipher", READER.certificate()),
                READER.certificate()));
        String sigRef = Certs.refId("originator_signature", ORIGINATOR.certificate());
        certs.add(new Headers.CertEntry("SignatureCertificateOriginator", sigRef, ORIGINATOR.certificate()));
        OutgoingMessage m = new OutgoingMessage("soapStoreDelivery.xsd")
                .header(new ControlBlock(null, 0, null, "Y2hhbGxlbmdl").toXml())
                .header(Headers.desiredLanguages("de"))
                .header("<osci:storeDelivery" + OsciXml.NS_DECLS + " Id=\"storedelivery\" soap:actor=\"" + OsciXml.ACTOR_NEXT
                        + "\" soap:mustUnderstand=\"1\"><osci:MessageId>bXNn</osci:MessageId><osci:Subject>Betreff</osci:Subject>"
                        + "</osci:storeDelivery>")
                .header(Headers.nonIntermediaryCertificates(certs))
                .body(Headers.body(tamperContent.apply(content.contentPackage())));
        content.attachments().forEach(a -> m.attachment(tamperParts.apply(a)));
        byte[] soap = m.soap(o.signer(), OutgoingMessage.SignatureKind.CLIENT, sigRef);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out, soap);
        return out.toByteArray();
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Flips one character of the first occurrence of {@code marker} at offset {@code at} within it (kept in the base64 alphabet). */
    static String flip(String s, String marker, int at) {
        int i = s.indexOf(marker);
        if (i < 0) {
            throw new AssertionError("marker not found: " + marker);
        }
        int p = i + at;
        char c = s.charAt(p);
        char n = c == 'A' ? 'B' : 'A';
        return s.substring(0, p) + n + s.substring(p + 1);
    }

    static IncomingMessage parse(byte[] msg) {
        return IncomingMessage.parse(Spool.of(msg), null, null, IncomingMessage.Limits.DEFAULT);
    }
}
