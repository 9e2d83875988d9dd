package de.ozgkit.sandbox.account;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads an AuthnRequest of either binding as SAML Bindings 3.4 and 3.5 describe it, with the
 * sandbox's own checks: raw DEFLATE (bounded), base64, the detached redirect signature over the
 * query string exactly as received, or the enveloped POST signature whose single reference must
 * point at the AuthnRequest itself. Then the BundID profile: Version 2.0, Destination, the akdb
 * extension (Version 2, DisplayInformation with OrganizationDisplayName and OnlineServiceId).
 */
final class AuthnRequestReader {

    private static final int MAX_XML = 64 * 1024;
    private static final String SAMLP = ResponseWriter.SAMLP;
    private static final String SAML = ResponseWriter.SAML;
    private static final String AKDB = ResponseWriter.AKDB;
    private static final String UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";

    /** Why a request is refused; the message goes on the IdP's error page. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A read request.
     *
     * @param id           its ID
     * @param issuer       the SP entity id
     * @param acs          AssertionConsumerServiceURL, may be {@code null}
     * @param attributes   requested attribute names to RequiredAttribute
     * @param minimumLevel the requested STORK level 1..4, 0 for none
     * @param organization OrganizationDisplayName
     * @param serviceId    OnlineServiceId
     * @param signed       whether a signature was verified
     */
    record Request(String id, String issuer, String acs, Map<String, Boolean> attributes, int minimumLevel,
                   String organization, String serviceId, boolean signed) {
    }

    /** Finds the signing certificate of a service provider by entity id, {@code null} when unknown. */
    interface SpKeys {
        X509Certificate signingCertificate(String entityId);
    }

    private AuthnRequestReader() {
    }

    /**
     * Reads a request of the redirect binding.
     *
     * @param rawQuery    the query string exactly as received (still URL-encoded)
     * @param destination this endpoint's URL
     * @param keys        known service providers
     * @param requireSignature whether unknown SPs are refused
     * @return the request
     */
    static Request redirect(String rawQuery, String destination, SpKeys keys, boolean requireSignature) {
        if (rawQuery == null) {
            throw new Refused("the redirect binding needs a query string with SAMLRequest");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (raw.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                throw new Refused("query parameter " + name + " occurs twice");
            }
        }
        String samlRequest = decode(raw.get("SAMLRequest"), "SAMLRequest");
        byte[] xml = inflate(base64(samlRequest));
        Element root = parse(xml);
        String issuer = issuer(root);
        X509Certificate cert = keys.signingCertificate(issuer);
        boolean signed = false;
        if (raw.containsKey("Signature")) {
            if (cert != null) {
                // SAML Bindings 3.4.4.1: sign the parameters in this order, as they were encoded
                StringBuilder signedPart = new StringBuilder("SAMLRequest=").append(raw.get("SAMLRequest"));
                if (raw.containsKey("RelayState")) {
                    signedPart.append("&RelayState=").append(raw.get("RelayState"));
                }
                signedPart.append("&SigAlg=").append(raw.get("SigAlg"));
                String sigAlg = decode(raw.get("SigAlg"), "SigAlg");
                String jca = switch (sigAlg) {
                    case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" -> "SHA256withRSA";
                    case "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" -> "SHA512withRSA";
                    case "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256" -> "SHA256withECDSA";
                    default -> throw new Refused("SigAlg " + sigAlg + " is not supported");
                };
                if (!verify(jca, cert.getPublicKey(), signedPart.toString().getBytes(StandardCharsets.UTF_8),
                        base64(decode(raw.get("Signature"), "Signature")))) {
                    throw new Refused("the redirect signature does not verify with the service provider's certificate");
                }
                signed = true;
            }
        } else if (cert != null) {
            throw new Refused("service provider " + issuer + " is registered with a signing certificate;"
                    + " its requests must be signed");
        }
        if (requireSignature && !signed) {
            throw new Refused("service provider " + issuer + " is not registered with this identity provider");
        }
        if (rootHasSignature(root)) {
            throw new Refused("a redirect-binding request must not carry an XML signature (SAML Bindings 3.4.4.1)");
        }
        return read(root, destination, signed);
    }

    /**
     * Reads a request of the POST binding.
     *
     * @param samlRequest the SAMLRequest form field
     * @param destination this endpoint's URL
     * @param keys        known service providers
     * @param requireSignature whether unknown SPs are refused
     * @return the request
     */
    static Request post(String samlRequest, String destination, SpKeys keys, boolean requireSignature) {
        if (samlRequest == null) {
            throw new Refused("the POST binding needs the form field SAMLRequest");
        }
        byte[] xml = base64(samlRequest);
        Element root = parse(xml);
        String issuer = issuer(root);
        X509Certificate cert = keys.signingCertificate(issuer);
        boolean signed = false;
        if (cert != null) {
            verifyEnveloped(root, cert.getPublicKey());
            signed = true;
        }
        if (requireSignature && !signed) {
            throw new Refused("service provider " + issuer + " is not registered with this identity provider");
        }
        return read(root, destination, signed);
    }

    private static Request read(Element root, String destination, boolean signed) {
        if (!"2.0".equals(root.getAttribute("Version"))) {
            throw new Refused("Version must be 2.0");
        }
        String id = root.getAttribute("ID");
        if (id.isEmpty()) {
            throw new Refused("the AuthnRequest has no ID");
        }
        if (!destination.equals(root.getAttribute("Destination"))) {
            throw new Refused("Destination \"" + root.getAttribute("Destination") + "\" is not this endpoint " + destination);
        }
        Element ext = child(root, SAMLP, "Extensions");
        Element ar = ext == null ? null : child(ext, AKDB, "AuthenticationRequest");
        if (ar == null || !"2".equals(ar.getAttribute("Version"))) {
            throw new Refused("the BundID profile needs samlp:Extensions/akdb:AuthenticationRequest with Version=\"2\"");
        }
        Element display = child(ar, AKDB, "DisplayInformation");
        Element version = display == null ? null : child(display, UI, "Version");
        String org = version == null ? null : text(child(version, UI, "OrganizationDisplayName"));
        String service = version == null ? null : text(child(version, UI, "OnlineServiceId"));
        if (org == null || org.isBlank() || service == null || service.isBlank()) {
            throw new Refused("akdb:DisplayInformation must name OrganizationDisplayName and OnlineServiceId");
        }
        Map<String, Boolean> attributes = new LinkedHashMap<>();
        Element requested = child(ar, AKDB, "RequestedAttributes");
        if (requested != null) {
            for (Node n = requested.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && AKDB.equals(e.getNamespaceURI()) && "RequestedAttribute".equals(e.getLocalName())) {
                    attributes.put(e.getAttribute("Name"), "true".equals(e.getAttribute("RequiredAttribute")));
                }
            }
        }
        int level = 0;
        Element rac = child(root, SAMLP, "RequestedAuthnContext");
        if (rac != null) {
            String ref = text(child(rac, SAML, "AuthnContextClassRef"));
            if (ref == null || !ref.matches("STORK-QAA-Level-[1-4]")) {
                throw new Refused("RequestedAuthnContext must name STORK-QAA-Level-1..4");
            }
            level = ref.charAt(ref.length() - 1) - '0';
        }
        String acs = root.hasAttribute("AssertionConsumerServiceURL") ? root.getAttribute("AssertionConsumerServiceURL") : null;
        return new Request(id, issuer(root), acs, attributes, level, org, service, signed);
    }

    private static void verifyEnveloped(Element root, PublicKey key) {
        Element sig = child(root, ResponseWriter.DS, "Signature");
        if (sig == null) {
            throw new Refused("the registered service provider's POST request carries no signature");
        }
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(key), sig);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            ctx.setIdAttributeNS(root, null, "ID");
            XMLSignature signature = f.unmarshalXMLSignature(ctx);
            List<?> refs = signature.getSignedInfo().getReferences();
            if (refs.size() != 1 || !("#" + root.getAttribute("ID")).equals(((Reference) refs.get(0)).getURI())) {
                throw new Refused("the request's signature must have one reference to the AuthnRequest itself");
            }
            if (!signature.validate(ctx)) {
                throw new Refused("the request's signature does not verify with the service provider's certificate");
            }
        } catch (javax.xml.crypto.dsig.XMLSignatureException | javax.xml.crypto.MarshalException e) {
            throw new Refused("the request's signature cannot be verified: " + e.getMessage());
        }
    }

    private static boolean rootHasSignature(Element root) {
        return child(root, ResponseWriter.DS, "Signature") != null;
    }

    private static boolean verify(String alg, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(alg);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String issuer(Element root) {
        if (!SAMLP.equals(root.getNamespaceURI()) || !"AuthnRequest".equals(root.getLocalName())) {
            throw new Refused("the message is " + root.getLocalName() + ", not a samlp:AuthnRequest");
        }
        String issuer = text(child(root, SAML, "Issuer"));
        if (issuer == null || issuer.isBlank()) {
            throw new Refused("the AuthnRequest names no Issuer");
        }
        return issuer;
    }

    private static Element parse(byte[] xml) {
        try {
            return SecureXml.parse(new ByteArrayInputStream(xml), XmlLimits.DEFAULT.withMaxBytes(MAX_XML)).getDocumentElement();
        } catch (XmlParseException e) {
            throw new Refused("the AuthnRequest is not acceptable XML: " + e.getMessage());
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Refused("SAMLRequest is not complete DEFLATE data");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_XML) {
                    throw new Refused("SAMLRequest inflates to more than " + MAX_XML + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Refused("SAMLRequest is not DEFLATE data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new Refused("not base64: " + e.getMessage());
        }
    }

    private static String decode(String s, String name) {
        if (s == null) {
            throw new Refused("query parameter " + name + " is missing");
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused("query parameter " + name + " is not URL-encoded");
        }
    }

    static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    /** @return the attribute names of a request in a list (for the login page) */
    static List<String> names(Request r) {
        return new ArrayList<>(r.attributes().keySet());
    }
}
