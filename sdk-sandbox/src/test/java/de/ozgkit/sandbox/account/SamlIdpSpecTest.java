package de.ozgkit.sandbox.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The sandbox identity provider checked from the SAML 2.0 specification and the akdb profile,
 * with requests built and responses read by this test alone (no ozgkit relying party code).
 */
class SamlIdpSpecTest {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String ACS = "https://sp.example.org/acs";

    static Sandbox sandbox;
    static String base;
    static X509Certificate idpCert;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.builder().service(SamlIdpSimulator.create()).start();
        base = sandbox.baseUri("saml-idp").toString();
        Element md = parse(http("GET", base + "/metadata", null, null).body.getBytes(StandardCharsets.UTF_8));
        assertThat(md.getAttribute("entityID")).isEqualTo(base);
        Element idp = (Element) md.getElementsByTagNameNS(MD, "IDPSSODescriptor").item(0);
        assertThat(idp.getElementsByTagNameNS(MD, "SingleSignOnService").getLength()).isEqualTo(2);
        idpCert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                Base64.getMimeDecoder().decode(md.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent())));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String request(String id, String issuer, boolean display) {
        return "<samlp:AuthnRequest xmlns:samlp=\"" + SAMLP + "\" xmlns:saml=\"" + SAML + "\" ID=\"" + id + "\" Version=\"2.0\""
                + " IssueInstant=\"2026-01-01T00:00:00Z\" Destination=\"" + base + "/sso\" AssertionConsumerServiceURL=\"" + ACS + "\">"
                + "<saml:Issuer>" + issuer + "</saml:Issuer><samlp:Extensions>"
                + "<akdb:AuthenticationRequest xmlns:akdb=\"https://www.akdb.de/request/2018/09\" Version=\"2\">"
                + "<akdb:RequestedAttributes><akdb:RequestedAttribute Name=\"urn:oid:2.5.4.16\" RequiredAttribute=\"true\"/>"
                + "<akdb:RequestedAttribute Name=\"urn:oid:0.9.2342.19200300.100.1.3\" RequiredAttribute=\"false\"/></akdb:RequestedAttributes>"
                + (display ? "<akdb:DisplayInformation><classic-ui:Version xmlns:classic-ui=\"https://www.akdb.de/request/2018/09/classic-ui/v1\">"
                + "<classic-ui:OrganizationDisplayName>Amt &lt;X&gt;</classic-ui:OrganizationDisplayName>"
                + "<classic-ui:OnlineServiceId>svc</classic-ui:OnlineServiceId></classic-ui:Version></akdb:DisplayInformation>" : "")
                + "</akdb:AuthenticationRequest></samlp:Extensions>"
                + "<samlp:RequestedAuthnContext Comparison=\"minimum\"><saml:AuthnContextClassRef>STORK-QAA-Level-3"
                + "</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>";
    }

    private static String redirectQuery(String xml) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(xml.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return "SAMLRequest=" + URLEncoder.encode(Base64.getEncoder().encodeToString(out.toByteArray()), StandardCharsets.UTF_8);
    }

    @Test
    void redirectLoginOfAnOpenSp_yieldsASignedAssertionOfTheBundIdShape() throws Exception {
        Reply page = http("GET", base + "/sso?" + redirectQuery(request("_req1", "https://sp.example.org", true))
                + "&RelayState=rs%201", null, null);
        assertThat(page.status).isEqualTo(200);
        assertThat(page.body).contains("Amt &lt;X&gt;").doesNotContain("Amt <X>");
        Reply answer = http("POST", base + "/login", "session=" + field(page.body, "session") + "&identity=erika&level=4",
                "application/x-www-form-urlencoded");
        assertThat(answer.body).contains("action=\"" + ACS + "\"").contains("name=\"RelayState\" value=\"rs 1\"");
        Element response = parse(Base64.getDecoder().decode(field(answer.body, "SAMLResponse")));

        assertThat(response.getLocalName()).isEqualTo("Response");
        assertThat(response.getAttribute("Version")).isEqualTo("2.0");
        assertThat(response.getAttribute("Destination")).isEqualTo(ACS);
        assertThat(response.getAttribute("InResponseTo")).isEqualTo("_req1");
        assertThat(((Element) response.getElementsByTagNameNS(SAMLP, "StatusCode").item(0)).getAttribute("Value"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        Element assertion = (Element) response.getElementsByTagNameNS(SAML, "Assertion").item(0);
        assertThat(assertion.getElementsByTagNameNS(SAML, "Issuer").item(0).getTextContent()).isEqualTo(base);
        Element scd = (Element) assertion.getElementsByTagNameNS(SAML, "SubjectConfirmationData").item(0);
        assertThat(scd.getAttribute("Recipient")).isEqualTo(ACS);
        assertThat(scd.getAttribute("InResponseTo")).isEqualTo("_req1");
        assertThat(scd.getAttribute("NotOnOrAfter")).isNotEmpty();
        assertThat(assertion.getElementsByTagNameNS(SAML, "Audience").item(0).getTextContent()).isEqualTo("https://sp.example.org");
        assertThat(assertion.getElementsByTagNameNS(SAML, "AuthnContextClassRef").item(0).getTextContent())
                .isEqualTo("STORK-QAA-Level-4");
        Element address = (Element) assertion.getElementsByTagNameNS(SAML, "Attribute").item(0);
        assertThat(address.getAttribute("Name")).isEqualTo("urn:oid:2.5.4.16");
        assertThat(address.getAttributeNS("https://www.akdb.de/request/2018/09", "TrustLevel")).isEqualTo("HOCH");
        Element value = (Element) address.getElementsByTagNameNS(SAML, "AttributeValue").item(0);
        assertThat(value.getTextContent()).isEqualTo("GROẞE STRAẞE 7");
        assertThat(value.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).isEqualTo("xsd:string");
        Element mail = (Element) assertion.getElementsByTagNameNS(SAML, "Attribute").item(1);
        assertThat(mail.getAttributeNS("https://www.akdb.de/request/2018/09", "TrustLevel")).isEqualTo("NORMAL");

        // the signature: a direct child of the assertion, referring to it, exclusive c14n with a PrefixList
        Element signature = (Element) assertion.getElementsByTagNameNS(DS, "Signature").item(0);
        assertThat(signature.getParentNode()).isSameAs(assertion);
        assertThat(((Element) signature.getElementsByTagNameNS(DS, "Reference").item(0)).getAttribute("URI"))
                .isEqualTo("#" + assertion.getAttribute("ID"));
        assertThat(signature.getElementsByTagNameNS("http://www.w3.org/2001/10/xml-exc-c14n#", "InclusiveNamespaces")
                .getLength()).isEqualTo(1);
        DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(idpCert.getPublicKey()), signature);
        ctx.setIdAttributeNS(assertion, null, "ID");
        assertThat(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx)).isTrue();
    }

    @Test
    void requestWithoutDisplayInformation_isRefused() throws Exception {
        Reply page = http("GET", base + "/sso?" + redirectQuery(request("_req2", "https://sp.example.org", false)), null, null);
        assertThat(page.status).isEqualTo(400);
        assertThat(page.body).contains("OrganizationDisplayName");
    }

    @Test
    void registeredSp_mustSignAndHisRedirectSignatureIsVerified() throws Exception {
        IssuedCertificate sp = IssuedCertificate.selfSigned(CertificateSpec.builder().keyType(KeyType.RSA_2048).build());
        String metadata = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\" entityID=\"https://signed.example.org\">"
                + "<md:SPSSODescriptor protocolSupportEnumeration=\"" + SAMLP + "\"><md:KeyDescriptor use=\"signing\"><ds:KeyInfo>"
                + "<ds:X509Data><ds:X509Certificate>" + Base64.getEncoder().encodeToString(sp.certificate().getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"" + ACS
                + "\" index=\"0\"/></md:SPSSODescriptor></md:EntityDescriptor>";
        assertThat(http("POST", base + "/sp", metadata, "application/xml").status).isEqualTo(201);
        String query = redirectQuery(request("_req3", "https://signed.example.org", true));
        assertThat(http("GET", base + "/sso?" + query, null, null).status).isEqualTo(400);
        String toSign = query + "&SigAlg=" + URLEncoder.encode("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(sp.privateKey());
        s.update(toSign.getBytes(StandardCharsets.UTF_8));
        String signed = toSign + "&Signature=" + URLEncoder.encode(Base64.getEncoder().encodeToString(s.sign()), StandardCharsets.UTF_8);
        assertThat(http("GET", base + "/sso?" + signed, null, null).status).isEqualTo(200);
        String tampered = signed.replace("SAMLRequest=", "SAMLRequest=" + URLEncoder.encode("AAAA", StandardCharsets.UTF_8));
        assertThat(http("GET", base + "/sso?" + tampered, null, null).status).isEqualTo(400);
    }

    @Test
    void deflateBombAndGarbage_areRefusedWithAnErrorPage() throws Exception {
        String bomb = "<x>" + "a".repeat(2_000_000) + "</x>";
        assertThat(http("GET", base + "/sso?" + redirectQuery(bomb), null, null).status).isEqualTo(400);
        assertThat(http("GET", base + "/sso?SAMLRequest=not*base64!", null, null).status).isEqualTo(400);
        assertThat(http("POST", base + "/sso", "SAMLRequest=" + URLEncoder.encode(Base64.getEncoder().encodeToString(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8), "application/x-www-form-urlencoded").status).isEqualTo(400);
        assertThat(http("POST", base + "/login", "session=unknown&identity=erika&level=4",
                "application/x-www-form-urlencoded").status).isEqualTo(400);
    }

    private static Element parse(byte[] xml) {
        return SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }

    private record Reply(int status, String body) {
    }

    private static Reply http(String method, String uri, String body, String contentType) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        c.setRequestMethod(method);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Reply(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void unusableServiceProviderMetadata_isASandboxException() {
        IdpEngine engine = new IdpEngine("https://idp.example.org", java.time.Clock.systemUTC(), true, false);
        assertThatThrownBy(() -> engine.registerServiceProvider("not xml <".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SandboxException.class).hasMessageContaining("SP metadata is not readable");
        assertThatThrownBy(() -> engine.registerServiceProvider("<x/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SandboxException.class).hasMessageContaining("md:EntityDescriptor with entityID");
        String noAcs = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" entityID=\"urn:sp\"><md:SPSSODescriptor/>"
                + "</md:EntityDescriptor>";
        assertThatThrownBy(() -> engine.registerServiceProvider(noAcs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SandboxException.class).hasMessageContaining("no HTTP-POST AssertionConsumerService");
        String badCert = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\" entityID=\"urn:sp\">"
                + "<md:SPSSODescriptor><md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>@@@"
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:SPSSODescriptor>"
                + "</md:EntityDescriptor>";
        assertThatThrownBy(() -> engine.registerServiceProvider(badCert.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SandboxException.class).hasMessageContaining("certificate in the SP metadata is not readable");
    }
}
