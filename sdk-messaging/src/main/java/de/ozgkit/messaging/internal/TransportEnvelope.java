package de.ozgkit.messaging.internal;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The transport encryption of OSCI 1.2: the whole inner message (MIME headers included) is encrypted
 * with AES-256-GCM for the recipient's cipher certificate and travels as the binary part
 * {@code osci_enc}, described by an {@code xenc:EncryptedData} in a SOAP envelope of type
 * {@code soapMessageEncrypted.xsd}. Requests are encrypted for the intermediary, answers for the
 * originator.
 */
public final class TransportEnvelope {

    /** Content-ID of the encrypted inner message. */
    public static final String PART_ID = "osci_enc";

    private TransportEnvelope() {
    }

    /**
     * Encrypts a complete inner message for a recipient and writes the outer message.
     *
     * @param inner     the inner message as MIME bytes (headers included)
     * @param recipient the recipient's cipher certificate
     * @param out       where to write; not closed
     */
    public static void seal(Spool inner, X509Certificate recipient, OutputStream out) {
        try {
            sealed(inner, recipient).writeTo(out);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
    }

    /**
     * Prepares the transport envelope of an inner message: key, IV and the outer MIME frame are fixed
     * here, the AES-GCM encryption runs while {@link Sealed#writeTo} streams, so that the envelope
     * can be written straight to a connection (and written again, byte-identical, on a retry).
     *
     * @param inner     the inner message as MIME bytes (headers included); must stay open while writing
     * @param recipient the recipient's cipher certificate
     * @return the envelope, its length known in advance
     */
    public static Sealed sealed(Spool inner, X509Certificate recipient) {
        byte[] key = Crypto.newKey();
        byte[] wrapped = Crypto.wrapKey(key, recipient);
        String soap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\r\n<soap:Envelope xmlns:ds=\"" + OsciXml.DS
                + "\" xmlns:soap=\"" + OsciXml.SOAP + "\" xmlns:xenc=\"" + OsciXml.XENC + "\" xmlns:xsi=\"" + OsciXml.XSI
                + "\" xsi:schemaLocation=\"http://schemas.xmlsoap.org/soap/envelope/ soapMessageEncrypted.xsd"
                + " http://www.w3.org/2000/09/xmldsig# oscisig.xsd http://www.w3.org/2001/04/xmlenc# oscienc.xsd\"><soap:Body>"
                + "<xenc:EncryptedData MimeType=\"Multipart/Related\"><xenc:EncryptionMethod Algorithm=\"" + OsciXml.AES256_GCM
                + "\"><osci128:IvLength xmlns:osci128=\"" + OsciXml.OSCI128 + "\" Value=\"" + Crypto.IV_LENGTH
                + "\"></osci128:IvLength></xenc:EncryptionMethod><ds:KeyInfo><xenc:EncryptedKey><xenc:EncryptionMethod Algorithm=\""
                + OsciXml.RSA_OAEP + "\"><xenc11:MGF xmlns:xenc11=\"" + OsciXml.XENC11 + "\" Algorithm=\"" + OsciXml.MGF1_SHA256
                + "\"></xenc11:MGF><ds:DigestMethod Algorithm=\"" + OsciXml.SHA256 + "\"></ds:DigestMethod></xenc:EncryptionMethod>"
                + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + Base64.getEncoder().encodeToString(Certs.der(recipient))
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>"
                + Base64.getEncoder().encodeToString(wrapped) + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>"
                + "<xenc:CipherData><xenc:CipherReference URI=\"cid:" + PART_ID + "\"><xenc:Transforms><ds:Transform Algorithm=\""
                + OsciXml.BASE64_TRANSFORM + "\"></ds:Transform></xenc:Transforms></xenc:CipherReference></xenc:CipherData>"
                + "</xenc:EncryptedData></soap:Body></soap:Envelope>";
        try {
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(soap.length() + 512);
            MimeOut mime = new MimeOut(frame);
            mime.soapPart(soap.getBytes(StandardCharsets.UTF_8));
            mime.partHeader(PART_ID, "application/octet-stream", Crypto.IV_LENGTH + inner.size() + Crypto.TAG_LENGTH);
            byte[] head = frame.toByteArray();
            frame.reset();
            mime.finish();
            return new Sealed(head, key, Crypto.random(Crypto.IV_LENGTH), inner, frame.toByteArray());
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
    }

    /** A transport envelope ready to be written: the outer frame, and the inner message encrypted while writing. */
    public static final class Sealed {
        private final byte[] head;
        private final byte[] key;
        private final byte[] iv;
        private final Spool inner;
        private final byte[] tail;

        private Sealed(byte[] head, byte[] key, byte[] iv, Spool inner, byte[] tail) {
            this.head = head;
            this.key = key;
            this.iv = iv;
            this.inner = inner;
            this.tail = tail;
        }

        /** @return the number of bytes {@link #writeTo} writes */
        public long length() {
            return head.length + Crypto.IV_LENGTH + inner.size() + Crypto.TAG_LENGTH + tail.length;
        }

        /**
         * Writes the envelope; each call writes the same bytes.
         *
         * @param out where to write; not closed
         * @throws IOException when writing fails
         */
        public void writeTo(OutputStream out) throws IOException {
            out.write(head);
            try (OutputStream enc = Crypto.encrypting(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            }, key, iv); InputStream in = inner.open()) {
                in.transferTo(enc);
            }
            out.write(tail);
        }
    }

    /**
     * Whether a parsed SOAP envelope is a transport envelope.
     *
     * @param envelope the root element
     * @return whether its body holds {@code xenc:EncryptedData}
     */
    public static boolean isEncrypted(Element envelope) {
        for (Element c : Dom.children(envelope)) {
            if (Dom.is(c, OsciXml.SOAP, "Body")) {
                return !Dom.children(c, OsciXml.XENC, "EncryptedData").isEmpty();
            }
        }
        return false;
    }

    /**
     * Opens a transport envelope.
     *
     * @param envelope  the outer SOAP envelope
     * @param parts     the outer MIME parts
     * @param decrypter the recipient's decrypter
     * @param maxBytes  the largest inner message accepted
     * @return the inner message's MIME bytes
     * @throws OsciException of check TRANSPORT_DECRYPTION or ALGORITHM
     */
    public static Spool open(Element envelope, List<MimeIn.Part> parts, Decrypter decrypter, long maxBytes) {
        Element body = Dom.one(envelope, OsciXml.SOAP, "Body");
        Element ed = Dom.one(body, OsciXml.XENC, "EncryptedData");
        Element method = Dom.one(ed, OsciXml.XENC, "EncryptionMethod");
        String alg = method.getAttribute("Algorithm");
        Crypto.requireSymmetric(alg, false);
        int ivLength = Dom.optional(method, OsciXml.OSCI128, "IvLength")
                .map(e -> parseInt(e.getAttribute("Value"), "IvLength")).orElse(16);
        if (ivLength != 12 && ivLength != 16) {
            throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the transport envelope announces an IV of " + ivLength
                    + " bytes; 12 (or 16 for old senders) is required");
        }
        Element keyInfo = Dom.one(ed, OsciXml.DS, "KeyInfo");
        List<Element> keys = Dom.children(keyInfo, OsciXml.XENC, "EncryptedKey");
        if (keys.isEmpty()) {
            throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the transport envelope carries no encrypted key");
        }
        byte[] key = null;
        X509Certificate mine = decrypter.certificate();
        for (Element ek : keys) {
            Element em = Dom.one(ek, OsciXml.XENC, "EncryptionMethod");
            Crypto.requireKeyTransport(em.getAttribute("Algorithm"),
                    Dom.optional(em, OsciXml.XENC11, "MGF").map(m -> m.getAttribute("Algorithm")).orElse(null),
                    Dom.optional(em, OsciXml.DS, "DigestMethod").map(m -> m.getAttribute("Algorithm")).orElse(null));
            X509Certificate target = Dom.optional(ek, OsciXml.DS, "KeyInfo")
                    .flatMap(ki -> Dom.optional(ki, OsciXml.DS, "X509Data"))
                    .flatMap(xd -> Dom.optional(xd, OsciXml.DS, "X509Certificate"))
                    .map(c -> Certs.parse(c.getTextContent(), "the transport envelope")).orElse(null);
            if (target != null && !target.equals(mine)) {
                continue;
            }
            Element cv = Dom.one(Dom.one(ek, OsciXml.XENC, "CipherData"), OsciXml.XENC, "CipherValue");
            byte[] wrapped = decode(cv.getTextContent(), "encrypted key");
            try {
                key = decrypter.unwrapKey(wrapped);
            } catch (OsciException e) {
                throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the transport key cannot be decrypted: " + e.getMessage(), e);
            }
            break;
        }
        if (key == null) {
            throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the message is encrypted for another certificate than "
                    + Certs.name(mine));
        }
        if (key.length != Crypto.KEY_LENGTH && key.length != 16 && key.length != 24) {
            throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the transport key has " + key.length + " bytes");
        }
        Element ref = Dom.one(Dom.one(ed, OsciXml.XENC, "CipherData"), OsciXml.XENC, "CipherReference");
        String uri = ref.getAttribute("URI");
        MimeIn.Part part = parts.stream().filter(p -> ("cid:" + p.contentId()).equals(uri)).findFirst()
                .orElseThrow(() -> new OsciException(OsciCheck.STRUCTURE, "the transport envelope references " + uri
                        + ", which the message does not carry"));
        if (parts.size() != 2) {
            throw new OsciException(OsciCheck.STRUCTURE, "a transport envelope has exactly two MIME parts, this one has " + parts.size());
        }
        Spool inner = new Spool();
        try (InputStream in = SecureXml.limit(part.open(), maxBytes + Crypto.IV_LENGTH + Crypto.TAG_LENGTH);
             OutputStream out = inner.output()) {
            Crypto.decrypt(in, key, ivLength, out, "the transport envelope", OsciCheck.TRANSPORT_DECRYPTION);
        } catch (IOException e) {
            inner.close();
            throw new OsciException(OsciCheck.SIZE, "the encrypted message is larger than the limit of " + maxBytes + " bytes", e);
        } catch (RuntimeException e) {
            inner.close();
            throw e;
        }
        return inner;
    }

    private static int parseInt(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new OsciException(OsciCheck.STRUCTURE, what + " is not a number: " + s, e);
        }
    }

    static byte[] decode(String base64, String what) {
        try {
            return Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the " + what + " is not valid base64", e);
        }
    }

    /**
     * Parses an envelope for {@link #isEncrypted} and {@link #open}.
     *
     * @param soap   SOAP bytes
     * @param limits parser limits
     * @return the document
     */
    public static Document parseSoap(InputStream soap, XmlLimits limits) {
        return SecureXml.parse(soap, limits);
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
