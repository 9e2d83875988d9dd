package de.ozgkit.account.internal;

import de.ozgkit.core.security.Identity;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs SAML messages of the service provider with the JDK's XML Signature API (enveloped,
 * exclusive canonicalisation, SHA-256) and query strings of the redirect binding.
 */
public final class XmlSigner {

    private XmlSigner() {
    }

    /**
     * @param key the signing key
     * @return the XML Signature algorithm URI for the key (RSA-SHA256 or ECDSA-SHA256)
     */
    public static String signatureAlgorithm(PrivateKey key) {
        return key.getAlgorithm().startsWith("EC") ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
    }

    /**
     * @param key the signing key
     * @return the JCA signature algorithm for {@link #signatureAlgorithm(PrivateKey)}
     */
    public static String jcaAlgorithm(PrivateKey key) {
        return key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /**
     * Adds an enveloped signature to an element that has an {@code ID}.
     *
     * @param element     the element to sign
     * @param insertBefore the child before which the signature goes, {@code null} to append
     * @param identity    key and certificate (the certificate goes into KeyInfo)
     */
    public static void signEnveloped(Element element, Node insertBefore, Identity identity) {
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            String id = element.getAttributeNS(null, "ID");
            element.setIdAttributeNS(null, "ID", true);
            Reference ref = f.newReference("#" + id, f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(signatureAlgorithm(identity.privateKey()), null),
                    List.of(ref));
            KeyInfoFactory kif = f.getKeyInfoFactory();
            KeyInfo ki = kif.newKeyInfo(List.of(kif.newX509Data(List.of(identity.certificate()))));
            DOMSignContext ctx = insertBefore == null ? new DOMSignContext(identity.privateKey(), element)
                    : new DOMSignContext(identity.privateKey(), element, insertBefore);
            ctx.setDefaultNamespacePrefix("ds");
            f.newXMLSignature(si, ki).sign(ctx);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new de.ozgkit.account.AccountConfigurationException("cannot sign with the configured "
                    + identity.privateKey().getAlgorithm() + " key (RSA or EC are supported): " + e.getMessage());
        }
    }

    /**
     * Signs bytes (the redirect binding's query string).
     *
     * @param data the bytes
     * @param key  the key
     * @return the signature value
     */
    public static byte[] signBytes(byte[] data, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(jcaAlgorithm(key));
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new de.ozgkit.account.AccountConfigurationException("cannot sign with the configured "
                    + key.getAlgorithm() + " key (RSA or EC are supported): " + e.getMessage());
        }
    }
}
