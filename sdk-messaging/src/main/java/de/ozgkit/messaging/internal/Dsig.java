package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.SignatureAlgorithm;
import de.ozgkit.messaging.UnsupportedAlgorithmException;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.Data;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Element;

/**
 * XML Signature through the JDK's {@code javax.xml.crypto.dsig}: canonical forms and digests of
 * elements for the signatures ozgkit writes, and validation of received signatures with secure
 * validation on (no SHA-1, at most 30 references, no duplicate Ids, no external URIs).
 *
 * <p>References to attachments ({@code cid:...}) are resolved by a caller-supplied function; all
 * other URIs must be same-document references ({@code #id}).
 */
public final class Dsig {

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private Dsig() {
    }

    /**
     * Computes, with the JDK's XML Signature implementation, the SHA-256 digests of same-document
     * references (after Canonical XML 1.0) and attachment references (raw bytes), as a receiver will
     * compute them. The Id attributes of the document must be registered.
     *
     * @param doc         the document
     * @param uris        {@code #id} and {@code cid:...} references
     * @param attachments resolves {@code cid:} references to bytes
     * @param canonical   when not {@code null}, receives the canonical bytes of each {@code #id} reference
     * @return the digests by URI
     */
    public static Map<String, byte[]> digests(org.w3c.dom.Document doc, List<String> uris,
                                              Function<String, InputStream> attachments, Map<String, byte[]> canonical) {
        try {
            DigestMethod sha256 = FACTORY.newDigestMethod(DigestMethod.SHA256, null);
            Transform c14n = FACTORY.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null);
            List<Reference> refs = new java.util.ArrayList<>();
            for (String uri : uris) {
                refs.add(FACTORY.newReference(uri, sha256, uri.startsWith("#") ? List.of(c14n) : null, null, null));
            }
            javax.xml.crypto.dsig.SignedInfo si = FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (javax.xml.crypto.dsig.spec.C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(javax.xml.crypto.dsig.SignatureMethod.HMAC_SHA256, null), refs);
            // a throw-away HMAC signature makes the JDK compute every reference digest; it is removed again
            javax.xml.crypto.dsig.dom.DOMSignContext ctx = new javax.xml.crypto.dsig.dom.DOMSignContext(
                    new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"), doc.getDocumentElement());
            ctx.setProperty("javax.xml.crypto.dsig.cacheReference", canonical != null);
            URIDereferencer standard = FACTORY.getURIDereferencer();
            ctx.setURIDereferencer((ref, context) -> {
                String uri = ref.getURI();
                if (uri.startsWith("cid:")) {
                    return new OctetStreamData(attachments.apply(uri.substring(4)), uri, null);
                }
                return standard.dereference(ref, context);
            });
            XMLSignature sig = FACTORY.newXMLSignature(si, null);
            org.w3c.dom.Node last = doc.getDocumentElement().getLastChild();
            sig.sign(ctx);
            org.w3c.dom.Node added = last == null ? doc.getDocumentElement().getFirstChild() : last.getNextSibling();
            doc.getDocumentElement().removeChild(added);
            Map<String, byte[]> out = new java.util.LinkedHashMap<>();
            for (Reference r : refs) {
                out.put(r.getURI(), r.getDigestValue());
                if (canonical != null && r.getURI().startsWith("#")) {
                    try (InputStream in = r.getDigestInputStream()) {
                        canonical.put(r.getURI(), in.readAllBytes());
                    }
                }
            }
            return out;
        } catch (MarshalException | XMLSignatureException | IOException | java.security.GeneralSecurityException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "the message cannot be digested for signing: " + e.getMessage(), e);
        }
    }

    /** What {@link #validate} found. */
    public record Validated(XMLSignature signature, List<String> referenceUris, SignatureAlgorithm algorithm) {
    }

    /**
     * Validates an XML signature element against a key.
     *
     * @param signature   the {@code ds:Signature} element (Id attributes of its document registered)
     * @param key         the public key that must have made it
     * @param attachments resolves {@code cid:} references to the attachment's bytes; may return {@code null}
     * @param what        what was signed, for messages
     * @param check       the check to report
     * @return the validated signature
     * @throws OsciException of the given check when invalid; UnsupportedAlgorithmException for refused algorithms
     */
    public static Validated validate(Element signature, PublicKey key, Function<String, InputStream> attachments,
                                     String what, OsciCheck check) {
        DOMValidateContext ctx = new DOMValidateContext(new KeySelector() {
            @Override
            public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context) {
                return () -> key;
            }
        }, signature);
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        URIDereferencer standard = FACTORY.getURIDereferencer();
        ctx.setURIDereferencer(new URIDereferencer() {
            @Override
            public Data dereference(URIReference ref, XMLCryptoContext context) throws URIReferenceException {
                String uri = ref.getURI();
                if (uri != null && uri.startsWith("cid:")) {
                    InputStream in = attachments.apply(uri.substring(4));
                    if (in == null) {
                        throw new URIReferenceException("the signature references the attachment " + uri + ", which the"
                                + " message does not carry");
                    }
                    return new OctetStreamData(in, uri, null);
                }
                if (uri == null || !uri.startsWith("#")) {
                    throw new URIReferenceException("the signature references " + uri + "; only #id and cid: references are allowed");
                }
                return standard.dereference(ref, context);
            }
        });
        XMLSignature sig;
        try {
            sig = FACTORY.unmarshalXMLSignature(ctx);
        } catch (MarshalException e) {
            throw new OsciException(check, "the " + what + " is malformed: " + e.getMessage(), e);
        }
        String algUri = sig.getSignedInfo().getSignatureMethod().getAlgorithm();
        SignatureAlgorithm alg = SignatureAlgorithm.lookup(algUri).orElseThrow(() -> new UnsupportedAlgorithmException(algUri,
                "the " + what + " uses the signature algorithm " + algUri + ", which is refused"
                        + (algUri.contains("sha1") ? " (SHA-1)" : "") + "; accepted are RSA-SHA256/512 and RSASSA-PSS"));
        String c14n = sig.getSignedInfo().getCanonicalizationMethod().getAlgorithm();
        if (!OsciXml.C14N.equals(c14n) && !CanonicalizationMethod.EXCLUSIVE.equals(c14n)) {
            throw new UnsupportedAlgorithmException(c14n, "the " + what + " uses the canonicalisation " + c14n
                    + "; Canonical XML 1.0 is required");
        }
        List<String> uris = new java.util.ArrayList<>();
        for (Object o : sig.getSignedInfo().getReferences()) {
            Reference r = (Reference) o;
            String dm = r.getDigestMethod().getAlgorithm();
            Crypto.digest(dm); // refuses SHA-1 and unknown digests with a named algorithm
            for (Object t : r.getTransforms()) {
                String ta = ((Transform) t).getAlgorithm();
                if (!OsciXml.C14N.equals(ta) && !OsciXml.BASE64_TRANSFORM.equals(ta) && !CanonicalizationMethod.EXCLUSIVE.equals(ta)) {
                    throw new UnsupportedAlgorithmException(ta, "the " + what + " uses the transform " + ta
                            + "; only Canonical XML and base64 are accepted");
                }
            }
            uris.add(r.getURI());
        }
        // the signature value and the same-document references are checked by the JDK; references
        // to attachments are digested here while streaming, because the JDK would buffer them whole
        boolean valueOk;
        try {
            valueOk = sig.getSignatureValue().validate(ctx);
        } catch (XMLSignatureException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new OsciException(check, "the " + what + " cannot be checked: " + root.getMessage(), e);
        }
        StringBuilder bad = new StringBuilder();
        for (Object o : sig.getSignedInfo().getReferences()) {
            Reference r = (Reference) o;
            boolean ok;
            String uri = r.getURI();
            if (uri != null && uri.startsWith("cid:")) {
                if (!r.getTransforms().isEmpty()) {
                    throw new UnsupportedAlgorithmException("transform", "the " + what + " transforms the attachment " + uri
                            + "; attachments are referenced without transforms");
                }
                ok = java.security.MessageDigest.isEqual(streamDigest(attachments.apply(uri.substring(4)),
                        r.getDigestMethod().getAlgorithm(), uri, what, check), r.getDigestValue());
            } else {
                try {
                    ok = r.validate(ctx);
                } catch (XMLSignatureException e) {
                    Throwable root = e;
                    while (root.getCause() != null) {
                        root = root.getCause();
                    }
                    if (root instanceof OsciException oe) {
                        throw oe;
                    }
                    throw new OsciException(check, "the " + what + " cannot be checked at " + uri + ": " + root.getMessage(), e);
                }
            }
            if (!ok) {
                bad.append(bad.length() == 0 ? "" : ", ").append(uri);
            }
        }
        if (!valueOk || bad.length() > 0) {
            throw new OsciException(check, "the " + what + " is invalid: "
                    + (valueOk ? "" : "the signature value does not verify with the signer's key")
                    + (!valueOk && bad.length() > 0 ? "; " : "")
                    + (bad.length() > 0 ? "the digest of " + bad + " does not match (the signed data was changed)" : ""));
        }
        return new Validated(sig, Collections.unmodifiableList(uris), alg);
    }

    private static byte[] streamDigest(InputStream in, String algorithm, String uri, String what, OsciCheck check) {
        if (in == null) {
            throw new OsciException(check, "the " + what + " references the attachment " + uri + ", which the message does not carry");
        }
        java.security.MessageDigest md = Crypto.digest(algorithm);
        byte[] buf = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new OsciException(check, "the attachment " + uri + " cannot be read: " + e.getMessage(), e);
        }
        return md.digest();
    }

    /**
     * The canonical form of a signature's {@code SignedInfo} and its signature value, as kept for
     * later re-verification (process card evidence). Does not dereference the references.
     *
     * @param signature the {@code ds:Signature} element
     * @param key       the signer's public key
     * @return the canonical SignedInfo and the signature value
     */
    public static byte[][] signedInfoAndValue(Element signature, PublicKey key) {
        try {
            DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(key), signature);
            ctx.setProperty("javax.xml.crypto.dsig.cacheReference", Boolean.TRUE);
            XMLSignature sig = FACTORY.unmarshalXMLSignature(ctx);
            sig.getSignatureValue().validate(ctx);
            try (InputStream in = sig.getSignedInfo().getCanonicalizedData()) {
                return new byte[][] {in.readAllBytes(), sig.getSignatureValue().getValue()};
            }
        } catch (MarshalException | XMLSignatureException | IOException e) {
            throw new OsciException(OsciCheck.MESSAGE_SIGNATURE, "the signature cannot be kept as evidence: " + e.getMessage(), e);
        }
    }

    /**
     * Registers every {@code Id} attribute of the subtree as an XML ID.
     *
     * @param root the subtree
     * @param seen Ids found so far (for duplicate detection)
     * @throws OsciException of check SIGNED_PARTS when an Id occurs twice
     */
    public static void registerIds(Element root, Map<String, Element> seen) {
        if (root.hasAttributeNS(null, "Id")) {
            String id = root.getAttributeNS(null, "Id");
            if (seen.put(id, root) != null) {
                throw new OsciException(OsciCheck.SIGNED_PARTS, "the Id \"" + id + "\" occurs twice in the message;"
                        + " refused as a possible signature wrapping");
            }
            root.setIdAttributeNS(null, "Id", true);
        }
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                registerIds(e, seen);
            }
        }
    }
}
