package de.ozgkit.account.internal;

import de.ozgkit.account.SamlCheck;
import de.ozgkit.account.SamlValidationException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.Data;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;

/**
 * Verifies the enveloped XML signature of one given element with the JDK's XML Signature API, so
 * that the element that was signed is exactly the element that is then read:
 * <ul>
 *   <li>the signature must be a direct child of that element, and the only one there;</li>
 *   <li>it must have exactly one Reference, whose URI is {@code #} plus that element's own ID; the
 *       reference is resolved only against that element (never by searching the document);</li>
 *   <li>only the enveloped-signature and exclusive canonicalisation transforms are allowed (no
 *       XPath or XSLT that could cut content out of what is signed);</li>
 *   <li>RSA or ECDSA with SHA-256/384/512, SHA-256/384/512 digests; SHA-1 and MD5 are refused;</li>
 *   <li>the key is one of the trusted keys; KeyInfo in the message is ignored.</li>
 * </ul>
 * Thread-safe.
 */
public final class SignatureVerifier {

    private static final Set<String> C14N = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);
    private static final Set<String> TRANSFORMS = Set.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS);
    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384,
            SignatureMethod.ECDSA_SHA512, "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1");
    private static final Set<String> DIGESTS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    private final List<PublicKey> trustedKeys;

    /**
     * @param trustedCertificates certificates whose keys may sign
     */
    public SignatureVerifier(List<X509Certificate> trustedCertificates) {
        this.trustedKeys = trustedCertificates.stream().map(X509Certificate::getPublicKey).toList();
    }

    /**
     * Verifies the signature of an element, if it has one.
     *
     * @param element the element that will be read (Response or Assertion)
     * @return {@code true} when the element carries a valid signature by a trusted key,
     *         {@code false} when it carries no signature at all
     * @throws SamlValidationException (SIGNATURE) when a signature is there but is not acceptable
     */
    public boolean verifyIfSigned(Element element) {
        List<Element> signatures = SamlDom.children(element, SamlDom.DS, "Signature");
        if (signatures.isEmpty()) {
            return false;
        }
        String what = element.getLocalName();
        if (signatures.size() > 1) {
            throw fail(what + " carries " + signatures.size() + " signatures; exactly one is accepted");
        }
        String id = SamlDom.attr(element, "ID");
        if (id == null || id.isEmpty()) {
            throw fail(what + " is signed but has no ID attribute for the signature to refer to");
        }
        Element signatureElement = signatures.get(0);
        String failure = null;
        for (PublicKey key : trustedKeys) {
            DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(key), signatureElement);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            ctx.setIdAttributeNS(element, null, "ID");
            ctx.setURIDereferencer(new OnlyThisElement("#" + id, factory.getURIDereferencer()));
            XMLSignature signature;
            try {
                signature = factory.unmarshalXMLSignature(ctx);
            } catch (MarshalException e) {
                throw fail("the signature of " + what + " is malformed: " + e.getMessage());
            }
            checkPolicy(signature.getSignedInfo(), id, what);
            try {
                if (signature.validate(ctx)) {
                    return true;
                }
                Reference ref = (Reference) signature.getSignedInfo().getReferences().get(0);
                failure = !ref.validate(ctx)
                        ? "the digest of " + what + " does not match its signature: the signed content was changed"
                        : "the signature value of " + what + " does not verify with "
                                + (trustedKeys.size() == 1 ? "the trusted key" : "any of the " + trustedKeys.size()
                                + " trusted keys") + " of the identity provider (signed by another key, or altered)";
                if (!ref.validate(ctx)) {
                    break; // the digest does not depend on the key
                }
            } catch (XMLSignatureException e) {
                throw fail("the signature of " + what + " cannot be verified: " + rootMessage(e));
            }
        }
        throw fail(failure);
    }

    private void checkPolicy(SignedInfo si, String id, String what) {
        String c14n = si.getCanonicalizationMethod().getAlgorithm();
        if (!C14N.contains(c14n)) {
            throw fail("canonicalisation " + c14n + " of the signature of " + what
                    + " is not allowed; exclusive canonicalisation is required");
        }
        String sm = si.getSignatureMethod().getAlgorithm();
        if (!SIGNATURE_METHODS.contains(sm)) {
            throw fail("signature algorithm " + sm + " is not allowed; use RSA or ECDSA with SHA-256 or stronger");
        }
        List<?> refs = si.getReferences();
        if (refs.size() != 1) {
            throw fail("the signature of " + what + " has " + refs.size() + " references; exactly one is accepted");
        }
        Reference ref = (Reference) refs.get(0);
        if (!("#" + id).equals(ref.getURI())) {
            throw fail("the signature inside " + what + " refers to \"" + ref.getURI() + "\", not to the " + what
                    + " itself (#" + id + "); the signed element must be the element that is read");
        }
        for (Object t : ref.getTransforms()) {
            String alg = ((Transform) t).getAlgorithm();
            if (!TRANSFORMS.contains(alg)) {
                throw fail("transform " + alg + " is not allowed in the signature of " + what
                        + "; only enveloped-signature and exclusive canonicalisation are");
            }
        }
        if (ref.getTransforms().size() > 2) {
            throw fail("the signature of " + what + " has " + ref.getTransforms().size()
                    + " transforms; at most enveloped-signature and one canonicalisation are accepted");
        }
        String dm = ref.getDigestMethod().getAlgorithm();
        if (!DIGESTS.contains(dm)) {
            throw fail("digest algorithm " + dm + " is not allowed; use SHA-256 or stronger");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static SamlValidationException fail(String message) {
        return new SamlValidationException(SamlCheck.SIGNATURE, message);
    }

    /** Resolves exactly one same-document reference and refuses every other URI. */
    private record OnlyThisElement(String uri, URIDereferencer delegate) implements URIDereferencer {
        @Override
        public Data dereference(javax.xml.crypto.URIReference reference, XMLCryptoContext context)
                throws URIReferenceException {
            if (!uri.equals(reference.getURI())) {
                throw new URIReferenceException("reference " + reference.getURI() + " is not allowed");
            }
            return delegate.dereference(reference, context);
        }
    }
}
