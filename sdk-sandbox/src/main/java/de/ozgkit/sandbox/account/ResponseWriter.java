package de.ozgkit.sandbox.account;

import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the sandbox identity provider's SAML responses in the shape BundID sends (SAML Core 2.0,
 * Profiles 4.1.4.2): the Assertion signed by itself (enveloped, exclusive canonicalisation with an
 * InclusiveNamespaces PrefixList, RSA-SHA256, SHA-256), attribute values typed {@code xsd:string},
 * every attribute with its {@code akdb:TrustLevel}; optionally the assertion encrypted (XML
 * Encryption: AES-256-GCM content, RSA-OAEP key transport), written here with the JCE directly.
 * Thread-safe.
 */
final class ResponseWriter {

    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String AKDB = "https://www.akdb.de/request/2018/09";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String[] TRUST = {"", "UNTERGEORDNET", "NORMAL", "SUBSTANTIELL", "HOCH"};
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What goes into a successful response.
     *
     * @param issuer       the IdP entity id
     * @param acs          the ACS (Destination, Recipient)
     * @param inResponseTo the request id, may be {@code null}
     * @param audience     the SP entity id
     * @param identity     the test identity
     * @param level        the login's level 1..4
     * @param names        the attribute names to include, in order
     * @param encryptFor   the SP's encryption certificate, {@code null} for a plain assertion
     * @param defect       the defect to build in
     * @param now          the time of issue
     */
    record Spec(String issuer, String acs, String inResponseTo, String audience, TestIdentity identity, int level,
                List<String> names, X509Certificate encryptFor, IdpDefect defect, Instant now) {
    }

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final java.util.function.Supplier<PrivateKey> foreignKeys;
    private PrivateKey foreignKey;

    ResponseWriter(PrivateKey key, X509Certificate certificate, java.util.function.Supplier<PrivateKey> foreignKeys) {
        this.key = key;
        this.certificate = certificate;
        this.foreignKeys = foreignKeys;
    }

    /** A key that is not in the metadata, made on first use. */
    private synchronized PrivateKey foreignKey() {
        if (foreignKey == null) {
            foreignKey = foreignKeys.get();
        }
        return foreignKey;
    }

    /**
     * @param s what goes in
     * @return the response document
     */
    byte[] success(Spec s) {
        IdpDefect d = s.defect();
        Document doc = SecureXml.newDocumentBuilder().newDocument();
        String issuer = d == IdpDefect.WRONG_ISSUER ? s.issuer() + "/evil" : s.issuer();
        String inResponseTo = d == IdpDefect.NO_IN_RESPONSE_TO ? null
                : d == IdpDefect.WRONG_IN_RESPONSE_TO ? "_another-request" : s.inResponseTo();
        Element response = response(doc, s.now(), d == IdpDefect.WRONG_DESTINATION ? s.acs() + "/other" : s.acs(),
                inResponseTo, issuer);
        Element status = add(response, SAMLP, "samlp:Status");
        add(status, SAMLP, "samlp:StatusCode").setAttributeNS(null, "Value", "urn:oasis:names:tc:SAML:2.0:status:Success");

        Instant now = s.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notOnOrAfter = d == IdpDefect.EXPIRED ? now.minus(1, ChronoUnit.HOURS) : now.plus(5, ChronoUnit.MINUTES);
        Element assertion = doc.createElementNS(SAML, "saml:Assertion");
        response.appendChild(assertion);
        assertion.setAttributeNS(XMLNS, "xmlns:saml", SAML);
        assertion.setAttributeNS(XMLNS, "xmlns:xsd", XSD);
        assertion.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
        assertion.setAttributeNS(XMLNS, "xmlns:akdb", AKDB);
        String assertionId = newId();
        assertion.setAttributeNS(null, "ID", assertionId);
        assertion.setAttributeNS(null, "IssueInstant", now.toString());
        assertion.setAttributeNS(null, "Version", "2.0");
        add(assertion, SAML, "saml:Issuer").setTextContent(issuer);
        Element subject = add(assertion, SAML, "saml:Subject");
        Element nameId = add(subject, SAML, "saml:NameID");
        nameId.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        if (d == IdpDefect.COMMENT_IN_NAME_ID) {
            nameId.appendChild(doc.createTextNode("alice@example.org"));
            nameId.appendChild(doc.createComment(""));
            nameId.appendChild(doc.createTextNode(".evil"));
        } else {
            nameId.setTextContent(s.identity().nameId());
        }
        Element sc = add(subject, SAML, "saml:SubjectConfirmation");
        sc.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element scd = add(sc, SAML, "saml:SubjectConfirmationData");
        if (inResponseTo != null) {
            scd.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        scd.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        scd.setAttributeNS(null, "Recipient", d == IdpDefect.WRONG_RECIPIENT ? s.acs() + "/other" : s.acs());
        Element conditions = add(assertion, SAML, "saml:Conditions");
        conditions.setAttributeNS(null, "NotBefore", now.minus(1, ChronoUnit.MINUTES).toString());
        conditions.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        add(add(conditions, SAML, "saml:AudienceRestriction"), SAML, "saml:Audience")
                .setTextContent(d == IdpDefect.WRONG_AUDIENCE ? "https://another-service.example.org" : s.audience());
        Element authn = add(assertion, SAML, "saml:AuthnStatement");
        authn.setAttributeNS(null, "AuthnInstant", now.toString());
        authn.setAttributeNS(null, "SessionIndex", newId());
        add(add(authn, SAML, "saml:AuthnContext"), SAML, "saml:AuthnContextClassRef")
                .setTextContent("STORK-QAA-Level-" + s.level());
        Element statement = add(assertion, SAML, "saml:AttributeStatement");
        Element tampered = null;
        for (String name : s.names()) {
            TestIdentity.Value v = name.equals(TestIdentity.QAA_LEVEL)
                    ? new TestIdentity.Value("STORK-QAA-Level-" + s.level(), 4) : s.identity().attributes().get(name);
            if (v == null) {
                continue;
            }
            Element attribute = add(statement, SAML, "saml:Attribute");
            attribute.setAttributeNS(null, "Name", name);
            attribute.setAttributeNS(null, "NameFormat", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
            attribute.setAttributeNS(AKDB, "akdb:TrustLevel", TRUST[Math.min(v.sourceLevel(), s.level())]);
            Element value = add(attribute, SAML, "saml:AttributeValue");
            value.setAttributeNS(XSI, "xsi:type", "xsd:string");
            if (d == IdpDefect.COMMENT_IN_ATTRIBUTE_VALUE && tampered == null) {
                value.appendChild(doc.createTextNode("alice@example.org"));
                value.appendChild(doc.createComment(""));
                value.appendChild(doc.createTextNode(".evil"));
            } else {
                value.setTextContent(v.value());
            }
            if (tampered == null) {
                tampered = value;
            }
        }
        if (d != IdpDefect.UNSIGNED_ASSERTION) {
            sign(assertion, d == IdpDefect.FOREIGN_KEY ? foreignKey() : key, subject);
        }
        if (d == IdpDefect.TAMPERED && tampered != null) {
            tampered.setTextContent(tampered.getTextContent() + " (changed)");
        }
        if (s.encryptFor() != null) {
            Element encrypted = encrypt(assertion, s.encryptFor(), d);
            response.replaceChild(encrypted, assertion);
        }
        if (d == IdpDefect.UNSIGNED_ASSERTION) {
            // the response is signed over what is sent, the encrypted assertion included
            sign(response, key, status);
        }
        return serialize(doc);
    }

    /**
     * An error answer, signed.
     *
     * @param issuer       IdP entity id
     * @param acs          the ACS
     * @param inResponseTo the request id, may be {@code null}
     * @param code         top-level status code
     * @param subCode      second-level status code, may be {@code null}
     * @param message      status message, may be {@code null}
     * @param detail       akdb codes for the StatusDetail
     * @param now          the time
     * @return the response document
     */
    byte[] error(String issuer, String acs, String inResponseTo, String code, String subCode, String message,
                 List<String> detail, Instant now) {
        Document doc = SecureXml.newDocumentBuilder().newDocument();
        Element response = response(doc, now, acs, inResponseTo, issuer);
        Element status = add(response, SAMLP, "samlp:Status");
        Element statusCode = add(status, SAMLP, "samlp:StatusCode");
        statusCode.setAttributeNS(null, "Value", code);
        if (subCode != null) {
            add(statusCode, SAMLP, "samlp:StatusCode").setAttributeNS(null, "Value", subCode);
        }
        if (message != null) {
            add(status, SAMLP, "samlp:StatusMessage").setTextContent(message);
        }
        if (!detail.isEmpty()) {
            Element sd = add(status, SAMLP, "samlp:StatusDetail");
            for (String c : detail) {
                Element e = doc.createElementNS(AKDB, "akdb:ErrorCode");
                e.setAttributeNS(XMLNS, "xmlns:akdb", AKDB);
                e.setTextContent(c);
                sd.appendChild(e);
            }
        }
        sign(response, key, status);
        return serialize(doc);
    }

    private static Element response(Document doc, Instant now, String destination, String inResponseTo, String issuer) {
        Element response = doc.createElementNS(SAMLP, "samlp:Response");
        doc.appendChild(response);
        response.setAttributeNS(XMLNS, "xmlns:samlp", SAMLP);
        response.setAttributeNS(XMLNS, "xmlns:saml", SAML);
        response.setAttributeNS(null, "ID", newId());
        response.setAttributeNS(null, "Version", "2.0");
        response.setAttributeNS(null, "IssueInstant", now.truncatedTo(ChronoUnit.SECONDS).toString());
        response.setAttributeNS(null, "Destination", destination);
        if (inResponseTo != null) {
            response.setAttributeNS(null, "InResponseTo", inResponseTo);
        }
        add(response, SAML, "saml:Issuer").setTextContent(issuer);
        return response;
    }

    /** Signs an element with an enveloped signature placed before {@code before}. */
    private void sign(Element element, PrivateKey signingKey, Node before) {
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            element.setIdAttributeNS(null, "ID", true);
            Transform c14n = f.newTransform(CanonicalizationMethod.EXCLUSIVE, new ExcC14NParameterSpec(List.of("xsd")));
            Reference ref = f.newReference("#" + element.getAttributeNS(null, "ID"),
                    f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null), c14n), null, null);
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(ref));
            KeyInfoFactory kif = f.getKeyInfoFactory();
            DOMSignContext ctx = new DOMSignContext(signingKey, element, before);
            ctx.setDefaultNamespacePrefix("ds");
            f.newXMLSignature(si, kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))))).sign(ctx);
        } catch (GeneralSecurityException | javax.xml.crypto.MarshalException
                 | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("the sandbox identity provider cannot sign", e);
        }
    }

    /** XML Encryption of the assertion element (type Element), written with the JCE. */
    private Element encrypt(Element assertion, X509Certificate recipient, IdpDefect d) {
        Document doc = assertion.getOwnerDocument();
        try {
            byte[] plain = serialize(assertion);
            KeyGenerator kg = KeyGenerator.getInstance("AES");
            kg.init(256);
            SecretKey cek = kg.generateKey();
            byte[] cipherValue;
            String dataAlg;
            if (d == IdpDefect.AES_CBC) {
                byte[] iv = new byte[16];
                RANDOM.nextBytes(iv);
                Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, cek, new IvParameterSpec(iv));
                cipherValue = concat(iv, c.doFinal(plain));
                dataAlg = XENC + "aes256-cbc";
            } else {
                byte[] iv = new byte[12];
                RANDOM.nextBytes(iv);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, cek, new GCMParameterSpec(128, iv));
                cipherValue = concat(iv, c.doFinal(plain));
                dataAlg = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
            }
            byte[] wrapped;
            String keyAlg;
            if (d == IdpDefect.RSA_1_5) {
                Cipher k = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                k.init(Cipher.ENCRYPT_MODE, recipient.getPublicKey());
                wrapped = k.doFinal(cek.getEncoded());
                keyAlg = XENC + "rsa-1_5";
            } else {
                Cipher k = Cipher.getInstance("RSA/ECB/OAEPPadding");
                k.init(Cipher.ENCRYPT_MODE, recipient.getPublicKey(), new OAEPParameterSpec("SHA-1", "MGF1",
                        MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
                wrapped = k.doFinal(cek.getEncoded());
                keyAlg = XENC + "rsa-oaep-mgf1p";
            }
            Element ea = doc.createElementNS(SAML, "saml:EncryptedAssertion");
            Element ed = doc.createElementNS(XENC, "xenc:EncryptedData");
            ea.appendChild(ed);
            ed.setAttributeNS(XMLNS, "xmlns:xenc", XENC);
            ed.setAttributeNS(null, "Type", XENC + "Element");
            add(ed, XENC, "xenc:EncryptionMethod").setAttributeNS(null, "Algorithm", dataAlg);
            Element ki = add(ed, DS, "ds:KeyInfo");
            ki.setAttributeNS(XMLNS, "xmlns:ds", DS);
            Element ek = add(ki, XENC, "xenc:EncryptedKey");
            Element em = add(ek, XENC, "xenc:EncryptionMethod");
            em.setAttributeNS(null, "Algorithm", keyAlg);
            if (d != IdpDefect.RSA_1_5) {
                add(em, DS, "ds:DigestMethod").setAttributeNS(null, "Algorithm", DS + "sha1");
            }
            add(add(ek, XENC, "xenc:CipherData"), XENC, "xenc:CipherValue")
                    .setTextContent(Base64.getEncoder().encodeToString(wrapped));
            add(add(ed, XENC, "xenc:CipherData"), XENC, "xenc:CipherValue")
                    .setTextContent(Base64.getEncoder().encodeToString(cipherValue));
            return ea;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sandbox identity provider cannot encrypt for this certificate", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Element add(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "_" + HexFormat.of().formatHex(b);
    }

    static byte[] serialize(Node node) {
        try {
            Transformer t = SecureXml.transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
