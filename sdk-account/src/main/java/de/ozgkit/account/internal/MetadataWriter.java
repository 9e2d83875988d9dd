package de.ozgkit.account.internal;

import de.ozgkit.account.AccountConfigurationException;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.xml.SecureXml;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes the service provider's metadata (SAML Metadata 2.4.4). */
public final class MetadataWriter {

    private MetadataWriter() {
    }

    /**
     * @param s the settings
     * @return the metadata document
     */
    public static String serviceProvider(SpSettings s) {
        Document doc = SecureXml.newDocumentBuilder().newDocument();
        Element ed = doc.createElementNS(SamlDom.MD, "md:EntityDescriptor");
        doc.appendChild(ed);
        ed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:md", SamlDom.MD);
        ed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", SamlDom.DS);
        ed.setAttributeNS(null, "entityID", s.entityId());
        Element sp = child(ed, SamlDom.MD, "md:SPSSODescriptor");
        sp.setAttributeNS(null, "AuthnRequestsSigned", Boolean.toString(s.signingIdentity() != null));
        sp.setAttributeNS(null, "WantAssertionsSigned", Boolean.toString(s.requireSignedAssertions()));
        sp.setAttributeNS(null, "protocolSupportEnumeration", SamlDom.SAMLP);
        if (s.signingIdentity() != null) {
            keyDescriptor(sp, "signing", s.signingIdentity());
        }
        Identity encryption = s.encryptionIdentity() != null ? s.encryptionIdentity() : s.signingIdentity();
        if (encryption != null && encryption.privateKey().getAlgorithm().equals("RSA")) {
            Element kd = keyDescriptor(sp, "encryption", encryption);
            child(kd, SamlDom.MD, "md:EncryptionMethod").setAttributeNS(null, "Algorithm",
                    "http://www.w3.org/2009/xmlenc11#aes256-gcm");
            child(kd, SamlDom.MD, "md:EncryptionMethod").setAttributeNS(null, "Algorithm",
                    "http://www.w3.org/2009/xmlenc11#aes128-gcm");
            child(kd, SamlDom.MD, "md:EncryptionMethod").setAttributeNS(null, "Algorithm",
                    "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
            child(kd, SamlDom.MD, "md:EncryptionMethod").setAttributeNS(null, "Algorithm",
                    "http://www.w3.org/2009/xmlenc11#rsa-oaep");
        }
        child(sp, SamlDom.MD, "md:NameIDFormat").setTextContent(SamlDom.NAMEID_PERSISTENT);
        Element acs = child(sp, SamlDom.MD, "md:AssertionConsumerService");
        acs.setAttributeNS(null, "Binding", SamlBinding.HTTP_POST.uri());
        acs.setAttributeNS(null, "Location", s.acs().toString());
        acs.setAttributeNS(null, "index", "0");
        acs.setAttributeNS(null, "isDefault", "true");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + SamlDom.serializeToString(ed) + "\n";
    }

    private static Element keyDescriptor(Element sp, String use, Identity identity) {
        Element kd = child(sp, SamlDom.MD, "md:KeyDescriptor");
        kd.setAttributeNS(null, "use", use);
        Element data = child(child(kd, SamlDom.DS, "ds:KeyInfo"), SamlDom.DS, "ds:X509Data");
        child(data, SamlDom.DS, "ds:X509Certificate").setTextContent(base64(identity.certificate()));
        return kd;
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new AccountConfigurationException("cannot encode the certificate of the service provider identity ("
                    + c.getSubjectX500Principal().getName() + "): " + e.getMessage());
        }
    }

    private static Element child(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }
}
