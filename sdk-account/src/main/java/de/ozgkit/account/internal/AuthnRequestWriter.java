package de.ozgkit.account.internal;

import de.ozgkit.account.AuthnMethod;
import de.ozgkit.account.AuthnRequestMessage;
import de.ozgkit.account.LoginRequest;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Deflater;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the AuthnRequest of the BundID profile with the akdb extension and encodes it for the
 * HTTP-Redirect binding (raw DEFLATE, base64, detached signature over
 * {@code SAMLRequest=..&RelayState=..&SigAlg=..}, SAML Bindings 3.4.4.1) or the HTTP-POST binding
 * (enveloped signature). Thread-safe.
 */
public final class AuthnRequestWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SpSettings settings;

    /**
     * @param settings the service provider's settings
     */
    public AuthnRequestWriter(SpSettings settings) {
        this.settings = settings;
    }

    /**
     * @param login       what to ask for
     * @param binding     the binding
     * @param destination the IdP's SSO endpoint for the binding
     * @param sign        whether to sign
     * @return the message
     */
    public AuthnRequestMessage write(LoginRequest login, SamlBinding binding, URI destination, boolean sign) {
        String id = "_" + HexFormat.of().formatHex(randomBytes());
        Document doc = SecureXml.newDocumentBuilder().newDocument();
        Element req = doc.createElementNS(SamlDom.SAMLP, "samlp:AuthnRequest");
        doc.appendChild(req);
        // explicit declarations: exclusive canonicalisation sees only declared namespaces
        req.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", SamlDom.SAMLP);
        req.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlDom.SAML);
        req.setAttributeNS(null, "ID", id);
        req.setAttributeNS(null, "Version", "2.0");
        req.setAttributeNS(null, "IssueInstant", DateTimeFormatter.ISO_INSTANT.format(
                settings.clock().instant().truncatedTo(ChronoUnit.MILLIS)));
        req.setAttributeNS(null, "Destination", destination.toString());
        req.setAttributeNS(null, "AssertionConsumerServiceURL", settings.acs().toString());
        req.setAttributeNS(null, "ProtocolBinding", SamlBinding.HTTP_POST.uri());
        if (login.forceAuthn()) {
            req.setAttributeNS(null, "ForceAuthn", "true");
        }
        Element issuer = child(req, SamlDom.SAML, "saml:Issuer");
        issuer.setTextContent(settings.entityId());
        Element extensions = child(req, SamlDom.SAMLP, "samlp:Extensions");
        writeAkdb(extensions, login);
        Element policy = child(req, SamlDom.SAMLP, "samlp:NameIDPolicy");
        policy.setAttributeNS(null, "AllowCreate", "true");
        policy.setAttributeNS(null, "Format", SamlDom.NAMEID_PERSISTENT);
        if (login.minimumLevel() != null) {
            Element rac = child(req, SamlDom.SAMLP, "samlp:RequestedAuthnContext");
            rac.setAttributeNS(null, "Comparison", "minimum");
            child(rac, SamlDom.SAML, "saml:AuthnContextClassRef").setTextContent(login.minimumLevel().storkQaa());
        }
        if (binding == SamlBinding.HTTP_POST) {
            if (sign) {
                XmlSigner.signEnveloped(req, extensions, settings.signingIdentity());
            }
            return new AuthnRequestMessage(id, binding, destination, SamlDom.serializeToString(req), null,
                    login.relayState(), login.minimumLevel());
        }
        String xml = SamlDom.serializeToString(req);
        StringBuilder query = new StringBuilder("SAMLRequest=").append(encode(Base64.getEncoder().encodeToString(deflate(xml))));
        if (login.relayState() != null) {
            query.append("&RelayState=").append(encode(login.relayState()));
        }
        if (sign) {
            query.append("&SigAlg=").append(encode(XmlSigner.signatureAlgorithm(settings.signingIdentity().privateKey())));
            byte[] signature = XmlSigner.signBytes(query.toString().getBytes(StandardCharsets.UTF_8),
                    settings.signingIdentity().privateKey());
            query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
        }
        String base = destination.toString();
        URI redirect = URI.create(base + (destination.getRawQuery() == null ? "?" : "&") + query);
        return new AuthnRequestMessage(id, binding, destination, xml, redirect, login.relayState(), login.minimumLevel());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void writeAkdb(Element extensions, LoginRequest login) {
        Element ar = child(extensions, SamlDom.AKDB, "akdb:AuthenticationRequest");
        ar.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:akdb", SamlDom.AKDB);
        ar.setAttributeNS(null, "Version", "2");
        if (login.enableStatusDetail()) {
            ar.setAttributeNS(null, "EnableStatusDetail", "true");
        }
        if (!login.authnMethods().isEmpty()) {
            Element methods = child(ar, SamlDom.AKDB, "akdb:AuthnMethods");
            for (AuthnMethod m : login.authnMethods()) {
                child(child(methods, SamlDom.AKDB, "akdb:" + m.code()), SamlDom.AKDB, "akdb:Enabled").setTextContent("true");
            }
        }
        Element attributes = child(ar, SamlDom.AKDB, "akdb:RequestedAttributes");
        for (Map.Entry<String, Boolean> a : login.requestedAttributes().entrySet()) {
            Element ra = child(attributes, SamlDom.AKDB, "akdb:RequestedAttribute");
            ra.setAttributeNS(null, "Name", a.getKey());
            ra.setAttributeNS(null, "RequiredAttribute", a.getValue().toString());
        }
        Element display = child(ar, SamlDom.AKDB, "akdb:DisplayInformation");
        Element version = child(display, SamlDom.CLASSIC_UI, "classic-ui:Version");
        version.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:classic-ui", SamlDom.CLASSIC_UI);
        child(version, SamlDom.CLASSIC_UI, "classic-ui:OrganizationDisplayName").setTextContent(login.organizationDisplayName());
        child(version, SamlDom.CLASSIC_UI, "classic-ui:OnlineServiceId").setTextContent(login.onlineServiceId());
    }

    private static Element child(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    private static byte[] deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
