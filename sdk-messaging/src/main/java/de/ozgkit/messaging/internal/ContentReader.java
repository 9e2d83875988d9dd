package de.ozgkit.messaging.internal;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.messaging.ContentSignature;
import de.ozgkit.messaging.Decrypter;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.ReceivedAttachment;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedContent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the {@code osci:ContentPackage} of a received message: decrypts containers encrypted for one
 * of the given reader keys, decrypts their attachments (authenticated before any byte is handed
 * out), and verifies every author signature, which must cover every content and attachment of its
 * container.
 */
public final class ContentReader {

    private final IncomingMessage msg;
    private final List<Decrypter> readers;
    private final boolean allowLegacy;
    private final List<AutoCloseable> resources;

    private ContentReader(IncomingMessage msg, List<Decrypter> readers, boolean allowLegacy, List<AutoCloseable> resources) {
        this.msg = msg;
        this.readers = readers;
        this.allowLegacy = allowLegacy;
        this.resources = resources;
    }

    /**
     * @param msg         the message
     * @param readers     the reader keys available
     * @param allowLegacy whether AES-CBC content may be read
     * @param resources   receives the spools of decrypted attachments (close them when done)
     * @return the containers in message order
     * @throws OsciException of check CONTENT_DECRYPTION, CONTENT_SIGNATURE, ALGORITHM or STRUCTURE
     */
    public static List<ReceivedContainer> read(IncomingMessage msg, List<Decrypter> readers, boolean allowLegacy,
                                               List<AutoCloseable> resources) {
        List<ReceivedContainer> out = new ArrayList<>();
        Element pkg = Dom.children(msg.body(), OsciXml.OSCI, "ContentPackage").stream().findFirst().orElse(null);
        if (pkg == null) {
            return out;
        }
        ContentReader r = new ContentReader(msg, readers, allowLegacy, resources);
        for (Element e : Dom.children(pkg)) {
            if (Dom.is(e, OsciXml.OSCI, "ContentContainer")) {
                out.add(r.container(e, false, cid -> {
                    MimeIn.Part p = msg.attachments().get(cid);
                    if (p == null) {
                        return null;
                    }
                    return Spool.copyOf(p.open(), Long.MAX_VALUE);
                }, p -> msg.attachments().get(p) == null ? "application/octet-stream" : msg.attachments().get(p).contentType()));
            } else if (Dom.is(e, OsciXml.XENC, "EncryptedData")) {
                out.add(r.encrypted(e));
            } else {
                throw new OsciException(OsciCheck.STRUCTURE, "unexpected element " + e.getLocalName() + " in the ContentPackage");
            }
        }
        return out;
    }

    private ReceivedContainer encrypted(Element ed) {
        Element method = Dom.one(ed, OsciXml.XENC, "EncryptionMethod");
        String alg = method.getAttribute("Algorithm");
        Crypto.requireSymmetric(alg, allowLegacy);
        int ivLength = ivLength(method);
        Element keyInfo = Dom.one(ed, OsciXml.DS, "KeyInfo");
        byte[] key = null;
        List<String> targets = new ArrayList<>();
        for (Element ek : Dom.children(keyInfo, OsciXml.XENC, "EncryptedKey")) {
            String uri = Dom.optional(ek, OsciXml.DS, "KeyInfo").flatMap(k -> Dom.optional(k, OsciXml.DS, "RetrievalMethod"))
                    .map(rm -> rm.getAttribute("URI")).orElse("");
            X509Certificate target = uri.startsWith("#") ? msg.certificate(uri.substring(1)).orElse(null) : null;
            if (target != null) {
                targets.add(Certs.name(target));
            }
            for (Decrypter d : readers) {
                if (target != null && target.equals(d.certificate())) {
                    Element em = Dom.one(ek, OsciXml.XENC, "EncryptionMethod");
                    Crypto.requireKeyTransport(em.getAttribute("Algorithm"),
                            Dom.optional(em, OsciXml.XENC11, "MGF").map(m -> m.getAttribute("Algorithm")).orElse(null),
                            Dom.optional(em, OsciXml.DS, "DigestMethod").map(m -> m.getAttribute("Algorithm")).orElse(null));
                    byte[] wrapped = TransportEnvelope.decode(Dom.text(Dom.one(Dom.one(ek, OsciXml.XENC, "CipherData"),
                            OsciXml.XENC, "CipherValue")), "encrypted key");
                    key = d.unwrapKey(wrapped);
                    break;
                }
            }
            if (key != null) {
                break;
            }
        }
        if (key == null) {
            throw new OsciException(OsciCheck.CONTENT_DECRYPTION, "content container " + ed.getAttribute("Id")
                    + " is encrypted for " + (targets.isEmpty() ? "unknown readers" : String.join("; ", targets))
                    + ", none of which is a configured reader key");
        }
        byte[] cipherText = TransportEnvelope.decode(Dom.text(Dom.one(Dom.one(ed, OsciXml.XENC, "CipherData"), OsciXml.XENC,
                "CipherValue")), "content container ciphertext");
        ByteArrayOutputStream plain = new ByteArrayOutputStream(cipherText.length);
        decrypt(new ByteArrayInputStream(cipherText), key, alg, ivLength, plain, "content container " + ed.getAttribute("Id"));
        Document doc;
        try {
            doc = SecureXml.parse(new ByteArrayInputStream(plain.toByteArray()), XmlLimits.DEFAULT);
        } catch (XmlParseException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the decrypted content container is not acceptable XML: " + e.getMessage(), e);
        }
        Element cc = doc.getDocumentElement();
        if (!Dom.is(cc, OsciXml.OSCI, "ContentContainer")) {
            throw new OsciException(OsciCheck.STRUCTURE, "the decrypted data is not a ContentContainer");
        }
        Dsig.registerIds(cc, new HashMap<>());
        Map<String, Element> attachmentKeys = new HashMap<>();
        for (Element inner : Dom.children(cc, OsciXml.XENC, "EncryptedData")) {
            String uri = Dom.one(Dom.one(inner, OsciXml.XENC, "CipherData"), OsciXml.XENC, "CipherReference").getAttribute("URI");
            if (!uri.startsWith("cid:")) {
                throw new OsciException(OsciCheck.STRUCTURE, "an encrypted attachment must be referenced by cid:, was " + uri);
            }
            attachmentKeys.put(uri.substring(4), inner);
        }
        return container(cc, true, cid -> {
            Element ae = attachmentKeys.get(cid);
            MimeIn.Part part = msg.attachments().get(cid);
            if (ae == null || part == null) {
                return null;
            }
            Element am = Dom.one(ae, OsciXml.XENC, "EncryptionMethod");
            String aAlg = am.getAttribute("Algorithm");
            Crypto.requireSymmetric(aAlg, allowLegacy);
            byte[] aKey = TransportEnvelope.decode(Dom.text(Dom.one(Dom.one(ae, OsciXml.DS, "KeyInfo"), OsciXml.DS, "MgmtData")),
                    "attachment key");
            Spool s = new Spool();
            try (InputStream in = part.open(); OutputStream out = s.output()) {
                decrypt(in, aKey, aAlg, ivLength(am), out, "attachment " + cid);
            } catch (IOException e) {
                s.close();
                throw new OsciException(OsciCheck.CONTENT_DECRYPTION, "attachment " + cid + " cannot be read", e);
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
            return s;
        }, cid -> {
            Element ae = attachmentKeys.get(cid);
            return ae != null && ae.hasAttribute("MimeType") ? ae.getAttribute("MimeType") : "application/octet-stream";
        });
    }

    private void decrypt(InputStream in, byte[] key, String alg, int ivLength, OutputStream out, String what) {
        if (alg.endsWith("-gcm")) {
            Crypto.decrypt(in, key, ivLength, out, what, OsciCheck.CONTENT_DECRYPTION);
        } else {
            Crypto.decryptCbc(in, key, out, what);
        }
    }

    private static int ivLength(Element method) {
        return Dom.optional(method, OsciXml.OSCI128, "IvLength").map(e -> {
            try {
                return Integer.parseInt(e.getAttribute("Value").trim());
            } catch (NumberFormatException x) {
                throw new OsciException(OsciCheck.STRUCTURE, "IvLength is not a number", x);
            }
        }).orElse(16);
    }

    private ReceivedContainer container(Element cc, boolean encrypted, Function<String, Spool> attachmentData,
                                        Function<String, String> contentTypes) {
        String id = cc.getAttribute("Id");
        List<ReceivedContent> contents = new ArrayList<>();
        List<ReceivedAttachment> attachments = new ArrayList<>();
        Map<String, Spool> spools = new HashMap<>();
        Set<String> mustBeSigned = new HashSet<>();
        for (Element c : Dom.children(cc, OsciXml.OSCI, "Content")) {
            String href = c.getAttribute("href");
            if (!href.isEmpty()) {
                if (!href.startsWith("cid:")) {
                    throw new OsciException(OsciCheck.STRUCTURE, "content " + c.getAttribute("Id") + " references " + href
                            + "; only cid: attachments are supported");
                }
                String cid = href.substring(4);
                Spool s = attachmentData.apply(cid);
                if (s == null) {
                    throw new OsciException(OsciCheck.STRUCTURE, "content container " + id + " references the attachment " + cid
                            + ", which the message does not carry");
                }
                resources.add(s);
                spools.put(cid, s);
                attachments.add(new ReceivedAttachment(cid, contentTypes.apply(cid), s.size(), s::open));
                mustBeSigned.add("#" + c.getAttribute("Id"));
                mustBeSigned.add("cid:" + cid);
                continue;
            }
            Element b64 = Dom.optional(c, OsciXml.OSCI, "Base64Content").orElseThrow(() -> new OsciException(OsciCheck.STRUCTURE,
                    "content in container " + id + " is neither Base64Content nor an attachment reference; nested containers"
                            + " and inline XML are not supported"));
            contents.add(new ReceivedContent(b64.getAttribute("Id"), TransportEnvelope.decode(Dom.text(b64), "content")));
            mustBeSigned.add("#" + b64.getAttribute("Id"));
        }
        List<ContentSignature> signatures = new ArrayList<>();
        for (Element sig : Dom.children(cc, OsciXml.DS, "Signature")) {
            String uri = Dom.optional(sig, OsciXml.DS, "KeyInfo").flatMap(k -> Dom.optional(k, OsciXml.DS, "RetrievalMethod"))
                    .map(rm -> rm.getAttribute("URI")).orElse("");
            X509Certificate author = uri.startsWith("#") ? msg.certificate(uri.substring(1)).orElse(null) : null;
            if (author == null) {
                throw new OsciException(OsciCheck.CONTENT_SIGNATURE, "an author signature of container " + id
                        + " references the certificate " + uri + ", which the message does not carry");
            }
            Dsig.Validated v = Dsig.validate(sig, author.getPublicKey(), cid -> spools.containsKey(cid) ? spools.get(cid).open()
                    : null, "author signature over container " + id, OsciCheck.CONTENT_SIGNATURE);
            Set<String> covered = new HashSet<>(v.referenceUris());
            if (!covered.containsAll(mustBeSigned)) {
                Set<String> missing = new HashSet<>(mustBeSigned);
                missing.removeAll(covered);
                throw new OsciException(OsciCheck.CONTENT_SIGNATURE, "the author signature of " + Certs.name(author)
                        + " over container " + id + " does not cover " + missing);
            }
            signatures.add(new ContentSignature(author, v.algorithm()));
        }
        return new ReceivedContainer(id, encrypted, contents, attachments, signatures);
    }
}
