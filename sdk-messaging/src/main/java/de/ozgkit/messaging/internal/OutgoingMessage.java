package de.ozgkit.messaging.internal;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.Signer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An OSCI message being written: header blocks, body and attachments, signed by the originator
 * ({@code ClientSignature}) or the intermediary ({@code SupplierSignature}) over every header block,
 * the body and every attachment, then written as MIME.
 *
 * <p>Header blocks and body are given as XML text; each must declare the envelope's namespaces
 * ({@link OsciXml#NS_DECLS}) and carry an {@code Id}. Digests are taken over the canonical form the
 * JDK computes for each element inside the assembled envelope, so they match what any receiver
 * computes.
 */
public final class OutgoingMessage {

    /**
     * An attachment part: Content-ID, type and bytes as sent.
     *
     * @param contentId   the Content-ID
     * @param contentType the Content-Type
     * @param data        the bytes as sent (ciphertext for an encrypted attachment)
     * @param digest      their SHA-256 when already computed, else {@code null}
     */
    public record Attachment(String contentId, String contentType, Spool data, byte[] digest) {
        /**
         * @param contentId   the Content-ID
         * @param contentType the Content-Type
         * @param data        the bytes as sent
         */
        public Attachment(String contentId, String contentType, Spool data) {
            this(contentId, contentType, data, null);
        }
    }

    private final String schemaFile;
    private final List<String> headers = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private String body;
    private String trailer;

    /**
     * @param schemaFile the schema file name that identifies the message type, e.g. {@code soapStoreDelivery.xsd}
     */
    public OutgoingMessage(String schemaFile) {
        this.schemaFile = schemaFile;
    }

    /**
     * Adds a header block (after the control block, which must come first).
     *
     * @param xml the block
     * @return this
     */
    public OutgoingMessage header(String xml) {
        headers.add(xml);
        return this;
    }

    /**
     * Sets a header block that follows all others (written after the IntermediaryCertificates an
     * answer adds last), e.g. the NonIntermediaryCertificates passed on in a FetchDelivery answer.
     *
     * @param xml the block, or {@code null} for none
     * @return this
     */
    public OutgoingMessage afterIntermediaryCertificates(String xml) {
        this.trailer = xml;
        return this;
    }

    /**
     * @param xml the {@code soap:Body} element
     * @return this
     */
    public OutgoingMessage body(String xml) {
        this.body = xml;
        return this;
    }

    /**
     * @param attachment an attachment part
     * @return this
     */
    public OutgoingMessage attachment(Attachment attachment) {
        attachments.add(attachment);
        return this;
    }

    /** @return the attachments */
    public List<Attachment> attachments() {
        return attachments;
    }

    /** The kind of message signature. */
    public enum SignatureKind {
        /** The originator's signature over a request. */
        CLIENT("ClientSignature", "clientsignature"),
        /** The intermediary's signature over an answer. */
        SUPPLIER("SupplierSignature", "suppliersignature");

        final String element;
        final String id;

        SignatureKind(String element, String id) {
            this.element = element;
            this.id = id;
        }
    }

    /**
     * Builds the SOAP envelope, signed when a signer is given.
     *
     * @param signer      the signer, or {@code null} for an unsigned message
     * @param kind        which signature header to write
     * @param keyRefId    the Id of the header element that holds the signer's certificate
     * @return the SOAP envelope as UTF-8
     */
    public byte[] soap(Signer signer, SignatureKind kind, String keyRefId) {
        if (body == null || headers.isEmpty()) {
            throw new IllegalStateException("a message needs a control block and a body");
        }
        if (signer == null) {
            return envelope(null).getBytes(StandardCharsets.UTF_8);
        }
        String unsigned = envelope(null);
        Document doc = SecureXml.parse(new ByteArrayInputStream(unsigned.getBytes(StandardCharsets.UTF_8)),
                XmlLimits.DEFAULT.withMaxBytes(Long.MAX_VALUE));
        Map<String, Element> ids = new HashMap<>();
        Dsig.registerIds(doc.getDocumentElement(), ids);
        List<String> uris = new ArrayList<>();
        Element header = firstChild(doc.getDocumentElement(), "Header");
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                uris.add("#" + e.getAttribute("Id"));
            }
        }
        for (Attachment a : attachments) {
            uris.add("cid:" + a.contentId());
        }
        uris.add("#" + firstChild(doc.getDocumentElement(), "Body").getAttribute("Id"));
        Map<String, InputStream> open = new HashMap<>();
        Map<String, byte[]> digests;
        List<String> xmlUris = new ArrayList<>();
        Map<String, byte[]> known = new HashMap<>();
        for (String u : uris) {
            Attachment a = u.startsWith("cid:") ? attachments.stream().filter(x -> ("cid:" + x.contentId()).equals(u))
                    .findFirst().orElseThrow() : null;
            if (a != null && a.digest() != null) {
                known.put(u, a.digest());
            } else {
                xmlUris.add(u);
            }
        }
        try {
            digests = new HashMap<>(known);
            digests.putAll(Dsig.digests(doc, xmlUris, cid -> {
                for (Attachment a : attachments) {
                    if (a.contentId().equals(cid)) {
                        InputStream in = a.data().open();
                        open.put(cid, in);
                        return in;
                    }
                }
                return null;
            }, null));
        } finally {
            for (InputStream in : open.values()) {
                try {
                    in.close();
                } catch (IOException e) {
                    // memory or temp file: nothing to recover
                }
            }
        }
        StringBuilder refs = new StringBuilder();
        for (String uri : uris) {
            reference(refs, uri, uri.startsWith("#"), digests.get(uri));
        }
        String signedInfoTail = ">\n<ds:CanonicalizationMethod Algorithm=\"" + OsciXml.C14N + "\"></ds:CanonicalizationMethod>\n"
                + "<ds:SignatureMethod Algorithm=\"" + signer.algorithm().uri() + "\"></ds:SignatureMethod>\n" + refs
                + "</ds:SignedInfo>";
        byte[] canonicalSignedInfo = ("<ds:SignedInfo" + OsciXml.NS_DECLS + signedInfoTail).getBytes(StandardCharsets.UTF_8);
        byte[] value = signer.sign(canonicalSignedInfo, signer.algorithm());
        String signature = "<osci:" + kind.element + " Id=\"" + kind.id + "\" soap:actor=\"" + OsciXml.ACTOR_NEXT
                + "\" soap:mustUnderstand=\"1\"><ds:Signature><ds:SignedInfo" + signedInfoTail + "<ds:SignatureValue>"
                + Base64.getEncoder().encodeToString(value) + "</ds:SignatureValue><ds:KeyInfo><ds:RetrievalMethod URI=\"#"
                + keyRefId + "\"></ds:RetrievalMethod></ds:KeyInfo></ds:Signature></osci:" + kind.element + ">";
        return envelope(signature).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The whole message as MIME, as a spool that streams the MIME frame and the attachments' own
     * spools on every read instead of copying them: for a message that is sent at once (each read
     * gives the same bytes, also on a retry). The attachments' spools must stay open while it is
     * read; closing it does nothing.
     *
     * @param soap the SOAP envelope from {@link #soap}
     * @return the message
     * @throws de.ozgkit.messaging.OsciException with check {@code LOCAL_STORAGE} when the frame cannot be written
     */
    public Spool view(byte[] soap) {
        try {
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream(soap.length + 1024);
            MimeOut mime = new MimeOut(frame);
            mime.soapPart(soap);
            List<byte[]> heads = new ArrayList<>();
            long total = 0;
            for (Attachment a : attachments) {
                mime.partHeader(a.contentId(), a.contentType(), a.data().size());
                heads.add(frame.toByteArray());
                total += frame.size() + a.data().size();
                frame.reset();
            }
            mime.finish();
            byte[] tail = frame.toByteArray();
            total += tail.length;
            List<Attachment> parts = List.copyOf(attachments);
            return Spool.of(total, () -> {
                List<java.util.function.Supplier<InputStream>> pieces = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    byte[] head = heads.get(i);
                    Spool data = parts.get(i).data();
                    String id = parts.get(i).contentId();
                    pieces.add(() -> new ByteArrayInputStream(head));
                    pieces.add(() -> exactly(data.open(), data.size(), id));
                }
                pieces.add(() -> new ByteArrayInputStream(tail));
                java.util.Iterator<java.util.function.Supplier<InputStream>> it = pieces.iterator();
                // each attachment is opened only when the stream reaches it
                return new java.io.SequenceInputStream(new java.util.Enumeration<InputStream>() {
                    @Override
                    public boolean hasMoreElements() {
                        return it.hasNext();
                    }

                    @Override
                    public InputStream nextElement() {
                        return it.next().get();
                    }
                });
            });
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
    }

    /** A stream that fails unless it gives exactly {@code length} bytes, as the part header announced. */
    private static InputStream exactly(InputStream in, long length, String contentId) {
        return new java.io.FilterInputStream(in) {
            private long seen;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, (int) Math.min(len, Math.max(1, length - seen)));
                if (n < 0 && seen != length || n > 0 && seen + n > length) {
                    throw new IOException("part " + contentId + " does not have the " + length + " bytes announced");
                }
                if (n > 0) {
                    seen += n;
                }
                return n;
            }
        };
    }

    /**
     * Writes the whole message as MIME.
     *
     * @param out     where to write; not closed
     * @param soap    the SOAP envelope from {@link #soap}
     * @throws de.ozgkit.messaging.OsciException with check {@code LOCAL_STORAGE} when writing fails
     */
    public void write(OutputStream out, byte[] soap) {
        try {
            MimeOut mime = new MimeOut(out);
            mime.soapPart(soap);
            for (Attachment a : attachments) {
                try (InputStream in = a.data().open()) {
                    mime.binaryPart(a.contentId(), a.contentType(), a.data().size(), in);
                }
            }
            mime.finish();
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
    }

    private String envelope(String signature) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n\r\n<soap:Envelope").append(OsciXml.NS_DECLS)
                .append(" xsi:schemaLocation=\"http://schemas.xmlsoap.org/soap/envelope/ ").append(schemaFile)
                .append(" http://www.w3.org/2000/09/xmldsig# oscisig.xsd http://www.w3.org/2001/04/xmlenc# oscienc.xsd\">")
                .append("<soap:Header>");
        sb.append(headers.get(0));
        if (signature != null) {
            sb.append(signature);
        }
        for (int i = 1; i < headers.size(); i++) {
            sb.append(headers.get(i));
        }
        if (trailer != null) {
            sb.append(trailer);
        }
        sb.append("</soap:Header>").append(body).append("</soap:Envelope>");
        return sb.toString();
    }

    private static void reference(StringBuilder refs, String uri, boolean c14n, byte[] digest) {
        refs.append("<ds:Reference URI=\"");
        OsciXml.attr(refs, uri);
        refs.append("\">\n");
        if (c14n) {
            refs.append("<ds:Transforms>\n<ds:Transform Algorithm=\"").append(OsciXml.C14N).append("\"></ds:Transform>\n</ds:Transforms>\n");
        }
        refs.append("<ds:DigestMethod Algorithm=\"").append(OsciXml.SHA256).append("\"></ds:DigestMethod>\n<ds:DigestValue>")
                .append(Base64.getEncoder().encodeToString(digest)).append("</ds:DigestValue>\n</ds:Reference>\n");
    }

    /**
     * @param data bytes
     * @return their SHA-256 digest
     */
    public static byte[] digest(Spool data) {
        MessageDigest md = Crypto.sha256();
        try (InputStream in = data.open()) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "attachment cannot be read: " + e.getMessage(), e);
        }
        return md.digest();
    }

    static Element firstChild(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new OsciException(OsciCheck.STRUCTURE, "element " + localName + " missing below " + parent.getLocalName());
    }
}
