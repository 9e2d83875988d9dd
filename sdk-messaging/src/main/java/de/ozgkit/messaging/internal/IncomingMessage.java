package de.ozgkit.messaging.internal;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.Feedback;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.OsciFeedbackException;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A received OSCI message (request or answer), parsed and, when it arrived in a transport envelope,
 * decrypted. Checks the MIME structure, the SOAP shape and Ids on parsing; the message signature is
 * checked by {@link #verifySignature}.
 *
 * <p>Holds spooled parts: close it when done.
 */
public final class IncomingMessage implements AutoCloseable {

    /** Size limits for received messages. */
    public record Limits(long maxMessageBytes, long maxSoapBytes, int maxParts, int maxDepth) {
        /** 256 MiB per message, 16 MiB SOAP part, 1000 parts, depth 64. */
        public static final Limits DEFAULT = new Limits(256L << 20, 16L << 20, 1000, 64);
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, MimeIn.Part> attachments = new LinkedHashMap<>();
    private final Map<String, Element> ids = new HashMap<>();
    private Document document;
    private Element envelope;
    private Element header;
    private Element body;
    private boolean transportEncrypted;
    private Spool plain;
    private X509Certificate transportRecipient;

    private IncomingMessage() {
    }

    /**
     * Parses a message.
     *
     * @param body            the HTTP body
     * @param httpContentType the HTTP Content-Type, may be {@code null}
     * @param transportKey    decrypts a transport envelope; {@code null} when none is expected
     * @param limits          size limits
     * @return the message
     * @throws OsciException of check STRUCTURE, SIZE, SIGNED_PARTS or TRANSPORT_DECRYPTION
     */
    public static IncomingMessage parse(Spool body, String httpContentType, Decrypter transportKey, Limits limits) {
        IncomingMessage m = new IncomingMessage();
        try {
            m.read(body, httpContentType, transportKey, limits, 0);
            return m;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * Parses a message and takes ownership of its body: closing the message closes the body.
     *
     * @param body            the HTTP body; closed here when parsing fails
     * @param httpContentType the HTTP Content-Type, may be {@code null}
     * @param transportKey    decrypts a transport envelope; {@code null} when none is expected
     * @param limits          size limits
     * @return the message
     * @throws OsciException of check STRUCTURE, SIZE, SIGNED_PARTS or TRANSPORT_DECRYPTION
     */
    public static IncomingMessage parseOwned(Spool body, String httpContentType, Decrypter transportKey, Limits limits) {
        IncomingMessage m;
        try {
            m = parse(body, httpContentType, transportKey, limits);
        } catch (RuntimeException e) {
            body.close();
            throw e;
        }
        m.resources.add(body);
        return m;
    }

    private void read(Spool spool, String httpContentType, Decrypter transportKey, Limits limits, int depth) {
        if (spool.size() > limits.maxMessageBytes()) {
            throw new OsciException(OsciCheck.SIZE, "the message has " + spool.size() + " bytes; the limit is "
                    + limits.maxMessageBytes());
        }
        SharedInputStream shared = shared(spool);
        List<MimeIn.Part> parts = MimeIn.parse(shared, httpContentType, limits.maxParts());
        Document doc;
        try (InputStream soap = parts.get(0).open()) {
            doc = TransportEnvelope.parseSoap(soap, XmlLimits.DEFAULT.withMaxBytes(limits.maxSoapBytes())
                    .withMaxDepth(limits.maxDepth()));
        } catch (XmlParseException e) {
            throw new OsciException(e.reason() == XmlParseException.Reason.TOO_LARGE ? OsciCheck.SIZE : OsciCheck.STRUCTURE,
                    "the SOAP part is not acceptable XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the SOAP part cannot be read: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (!Dom.is(root, OsciXml.SOAP, "Envelope")) {
            throw new OsciException(OsciCheck.STRUCTURE, "the SOAP part's root is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", not a SOAP 1.1 Envelope");
        }
        if (TransportEnvelope.isEncrypted(root)) {
            if (depth > 0) {
                throw new OsciException(OsciCheck.STRUCTURE, "a transport envelope inside a transport envelope is refused");
            }
            if (transportKey == null) {
                throw new OsciException(OsciCheck.TRANSPORT_DECRYPTION, "the message is transport-encrypted, but no key to open it"
                        + " is configured");
            }
            Spool inner = TransportEnvelope.open(root, parts, transportKey, limits.maxMessageBytes());
            resources.add(inner);
            transportEncrypted = true;
            transportRecipient = transportKey.certificate();
            read(inner, null, null, limits, depth + 1);
            return;
        }
        document = doc;
        envelope = root;
        plain = spool;
        List<Element> top = Dom.children(root);
        for (Element e : top) {
            if (Dom.is(e, OsciXml.SOAP, "Header")) {
                if (header != null || body != null) {
                    throw new OsciException(OsciCheck.STRUCTURE, "the SOAP Header is repeated or follows the Body");
                }
                header = e;
            } else if (Dom.is(e, OsciXml.SOAP, "Body")) {
                if (body != null) {
                    throw new OsciException(OsciCheck.STRUCTURE, "the SOAP Body is repeated");
                }
                body = e;
            } else {
                throw new OsciException(OsciCheck.STRUCTURE, "unexpected element " + e.getLocalName() + " in the SOAP Envelope");
            }
        }
        if (body == null) {
            throw new OsciException(OsciCheck.STRUCTURE, "the SOAP Envelope has no Body");
        }
        Dsig.registerIds(root, ids);
        for (int i = 1; i < parts.size(); i++) {
            attachments.put(parts.get(i).contentId(), parts.get(i));
        }
    }

    private SharedInputStream shared(Spool spool) {
        if (!spool.onDisk()) {
            return new SharedByteArrayInputStream(spool.toBytes());
        }
        try {
            // 64 KiB instead of the default 2 KiB: every view of a part reads through such a buffer
            SharedFileInputStream s = new SharedFileInputStream(spool.file().orElseThrow().toFile(), 1 << 16);
            resources.add(s::close);
            return s;
        } catch (IOException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the message cannot be buffered: " + e.getMessage(), e);
        }
    }

    /** @return the message as signed by its sender (inside the transport envelope, if any); valid until close */
    public Spool plainMessage() {
        return plain;
    }

    /** @return whether the message arrived in a transport envelope */
    public boolean transportEncrypted() {
        return transportEncrypted;
    }

    /** @return the certificate the transport envelope was encrypted for, when it was */
    public Optional<X509Certificate> transportRecipient() {
        return Optional.ofNullable(transportRecipient);
    }

    /** @return the parsed SOAP document */
    public Document document() {
        return document;
    }

    /** @return the SOAP envelope */
    public Element envelope() {
        return envelope;
    }

    /** @return the {@code xsi:schemaLocation} of the envelope, empty string when absent */
    public String schemaLocation() {
        return envelope.getAttributeNS(OsciXml.XSI, "schemaLocation");
    }

    /** @return the SOAP header's blocks, empty for a message without header */
    public List<Element> headerBlocks() {
        return header == null ? List.of() : Dom.children(header);
    }

    /**
     * @param local local name of an OSCI header block
     * @return the block, when present once
     */
    public Optional<Element> header(String local) {
        return header == null ? Optional.empty() : Dom.optional(header, OsciXml.OSCI, local);
    }

    /**
     * @param namespace the namespace of a header block
     * @param local     its local name
     * @return the block, when present once
     */
    public Optional<Element> header(String namespace, String local) {
        return header == null ? Optional.empty() : Dom.optional(header, namespace, local);
    }

    /**
     * @param local local name of an OSCI header block
     * @return the block
     * @throws OsciException of check STRUCTURE when absent
     */
    public Element requireHeader(String local) {
        return header(local).orElseThrow(() -> new OsciException(OsciCheck.STRUCTURE, "the message has no " + local + " header"));
    }

    /** @return the SOAP body */
    public Element body() {
        return body;
    }

    /** @return the first child of the body, if any */
    public Optional<Element> bodyElement() {
        return Dom.children(body).stream().findFirst();
    }

    /**
     * @return the control block
     * @throws OsciException of check STRUCTURE when absent
     */
    public ControlBlock controlBlock() {
        return ControlBlock.parse(requireHeader("ControlBlock"));
    }

    /** @return the attachments by Content-ID, in message order */
    public Map<String, MimeIn.Part> attachments() {
        return attachments;
    }

    /**
     * @param contentId a Content-ID
     * @return a fresh stream over the attachment's bytes, or {@code null} when there is none
     */
    public InputStream openAttachment(String contentId) {
        MimeIn.Part p = attachments.get(contentId);
        return p == null ? null : p.open();
    }

    /**
     * @param id an Id
     * @return the element with that Id
     */
    public Optional<Element> byId(String id) {
        return Optional.ofNullable(ids.get(id));
    }

    /**
     * Throws the fault of a SOAP fault message.
     *
     * @throws OsciFeedbackException when the body holds a {@code soap:Fault}
     */
    public void throwIfFault() {
        Optional<Element> fault = Dom.optional(body, OsciXml.SOAP, "Fault");
        if (fault.isEmpty()) {
            return;
        }
        Element f = fault.get();
        String faultString = Dom.children(f).stream().filter(e -> "faultstring".equals(e.getLocalName())).map(Dom::text)
                .findFirst().orElse("");
        String code = "9000";
        for (org.w3c.dom.Node n : iterable(f.getElementsByTagNameNS(OsciXml.OSCI, "Code"))) {
            code = n.getTextContent().trim();
            break;
        }
        throw new OsciFeedbackException(code, List.of(new Feedback(code, null, faultString)),
                "the intermediary refused the message with the OSCI code " + code + ": " + faultString);
    }

    private static List<org.w3c.dom.Node> iterable(org.w3c.dom.NodeList list) {
        List<org.w3c.dom.Node> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i));
        }
        return out;
    }

    /**
     * Finds a certificate carried in the NonIntermediaryCertificates or IntermediaryCertificates header.
     *
     * @param refId the Id of its element (e.g. from a RetrievalMethod URI without {@code #})
     * @return the certificate
     */
    public Optional<X509Certificate> certificate(String refId) {
        Element e = ids.get(refId);
        if (e == null || e.getParentNode() == null || !(e.getParentNode() instanceof Element parent)
                || !(Dom.is(parent, OsciXml.OSCI, "NonIntermediaryCertificates")
                || Dom.is(parent, OsciXml.OSCI, "IntermediaryCertificates"))) {
            return Optional.empty();
        }
        return Optional.of(certificateOf(e));
    }

    /**
     * @param certElement an element with {@code ds:X509Data/ds:X509Certificate}
     * @return the certificate
     */
    public static X509Certificate certificateOf(Element certElement) {
        Element x = Dom.one(Dom.one(certElement, OsciXml.DS, "X509Data"), OsciXml.DS, "X509Certificate");
        return Certs.parse(x.getTextContent(), certElement.getLocalName());
    }

    /**
     * Certificates of one kind in the NonIntermediaryCertificates header.
     *
     * @param local e.g. {@code CipherCertificateOriginator}
     * @return the certificate elements
     */
    public List<Element> nonIntermediaryCertificates(String local) {
        return header("NonIntermediaryCertificates").map(h -> Dom.children(h, OsciXml.OSCI, local)).orElse(List.of());
    }

    /**
     * Checks the message signature: it must validate with the given certificate and cover every
     * header block (except itself), the body and every attachment, each exactly once.
     *
     * @param signatureHeader {@code ClientSignature} or {@code SupplierSignature}
     * @param signer          the certificate that must have signed; {@code null} to take the one the
     *                        signature's KeyInfo references in the certificate headers
     * @return the signer's certificate
     * @throws OsciException of check MESSAGE_SIGNATURE, SIGNED_PARTS or ALGORITHM
     */
    public X509Certificate verifySignature(String signatureHeader, X509Certificate signer) {
        Element block = header(signatureHeader).orElseThrow(() -> new OsciException(OsciCheck.MESSAGE_SIGNATURE,
                "the message is not signed (no " + signatureHeader + " header)"));
        Element sig = Dom.one(block, OsciXml.DS, "Signature");
        X509Certificate cert = signer;
        if (cert == null) {
            String uri = Dom.optional(sig, OsciXml.DS, "KeyInfo").flatMap(k -> Dom.optional(k, OsciXml.DS, "RetrievalMethod"))
                    .map(r -> r.getAttribute("URI")).orElse("");
            if (!uri.startsWith("#")) {
                throw new OsciException(OsciCheck.MESSAGE_SIGNATURE, "the message signature does not reference its certificate");
            }
            cert = certificate(uri.substring(1)).orElseThrow(() -> new OsciException(OsciCheck.MESSAGE_SIGNATURE,
                    "the certificate " + uri + " of the message signature is not in the certificate headers"));
        }
        Dsig.Validated v = Dsig.validate(sig, cert.getPublicKey(), this::openAttachment, "message signature",
                OsciCheck.MESSAGE_SIGNATURE);
        Set<String> expected = new TreeSet<>();
        for (Element e : headerBlocks()) {
            if (e == block) {
                continue;
            }
            String id = Dom.attr(e, "Id").orElseThrow(() -> new OsciException(OsciCheck.SIGNED_PARTS,
                    "the header block " + e.getLocalName() + " has no Id, so the signature cannot cover it"));
            expected.add("#" + id);
        }
        expected.add("#" + Dom.attr(body, "Id").orElseThrow(() -> new OsciException(OsciCheck.SIGNED_PARTS,
                "the SOAP Body has no Id, so the signature cannot cover it")));
        for (String cid : attachments.keySet()) {
            expected.add("cid:" + cid);
        }
        Set<String> signed = new TreeSet<>();
        for (String uri : v.referenceUris()) {
            if (!signed.add(uri)) {
                throw new OsciException(OsciCheck.SIGNED_PARTS, "the message signature references " + uri + " twice");
            }
        }
        if (!signed.equals(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(signed);
            Set<String> extra = new TreeSet<>(signed);
            extra.removeAll(expected);
            throw new OsciException(OsciCheck.SIGNED_PARTS, "the message signature does not cover exactly the message's parts"
                    + (missing.isEmpty() ? "" : "; unsigned: " + missing) + (extra.isEmpty() ? "" : "; signed but not in"
                    + " the message where expected: " + extra));
        }
        return cert;
    }

    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // best effort: temp files only
            }
        }
        resources.clear();
    }
}
