package de.ozgkit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.UnknownCodeException;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The AuthnRequest of both bindings checked against SAML Bindings 3.4/3.5 and the akdb profile by
 * the test's own decoding and signature verification; SP and IdP metadata.
 */
class AuthnRequestAndMetadataTest {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String AKDB = "https://www.akdb.de/request/2018/09";
    private static final String UI = "https://www.akdb.de/request/2018/09/classic-ui/v1";
    private static final Identity SIGNING = IdpFixture.identity("CN=sp signing");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T10:15:30Z"), ZoneOffset.UTC);
    private static final IdentityProviderMetadata IDP = new IdentityProviderMetadata("https://idp.example.org",
            List.of(SIGNING.certificate()), Map.of(SamlBinding.HTTP_REDIRECT, URI.create("https://idp.example.org/sso?tenant=a"),
            SamlBinding.HTTP_POST, URI.create("https://idp.example.org/sso")), true);

    private static ServiceProvider sp() {
        return ServiceProvider.builder().entityId("https://sp.example.org").assertionConsumerService(
                URI.create("https://sp.example.org/acs")).signingIdentity(SIGNING).identityProvider(IDP).clock(CLOCK).build();
    }

    @Test
    void redirectBinding_deflatesAndSignsTheQueryString() throws Exception {
        AuthnRequestMessage m = sp().createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        URI redirect = m.redirect().orElseThrow();
        assertThat(redirect.toString()).startsWith("https://idp.example.org/sso?tenant=a&SAMLRequest=");
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : redirect.getRawQuery().split("&")) {
            raw.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(raw.keySet()).containsExactly("tenant", "SAMLRequest", "RelayState", "SigAlg", "Signature");
        String signed = "SAMLRequest=" + raw.get("SAMLRequest") + "&RelayState=" + raw.get("RelayState") + "&SigAlg=" + raw.get("SigAlg");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(SIGNING.certificate().getPublicKey());
        s.update(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(s.verify(Base64.getDecoder().decode(URLDecoder.decode(raw.get("Signature"), StandardCharsets.UTF_8)))).isTrue();
        assertThat(URLDecoder.decode(raw.get("SigAlg"), StandardCharsets.UTF_8))
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        byte[] xml = inflate(Base64.getDecoder().decode(URLDecoder.decode(raw.get("SAMLRequest"), StandardCharsets.UTF_8)));
        Element root = SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength()).isZero();
        checkBundIdShape(root, m);
    }

    @Test
    void postBinding_carriesAnEnvelopedSignatureOverTheRequest() throws Exception {
        AuthnRequestMessage m = sp().createRequest(IdpFixture.login(), SamlBinding.HTTP_POST);
        byte[] xml = Base64.getDecoder().decode(m.formFields().get("SAMLRequest"));
        Document doc = SecureXml.parse(new ByteArrayInputStream(xml));
        Element root = doc.getDocumentElement();
        checkBundIdShape(root, m);
        NodeList sigs = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        assertThat(sigs.getLength()).isEqualTo(1);
        assertThat(sigs.item(0).getParentNode()).isSameAs(root);
        assertThat(sigs.item(0).getPreviousSibling().getLocalName()).isEqualTo("Issuer");
        DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(SIGNING.certificate().getPublicKey()),
                sigs.item(0));
        ctx.setIdAttributeNS(root, null, "ID");
        assertThat(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx)).isTrue();
        assertThat(m.formFields()).containsEntry("RelayState", "case-4711");
        assertThat(m.autoSubmitForm()).contains("action=\"https://idp.example.org/sso\"").contains("name=\"SAMLRequest\"");
    }

    private static void checkBundIdShape(Element root, AuthnRequestMessage m) {
        assertThat(root.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(root.getAttribute("ID")).isEqualTo(m.id()).startsWith("_");
        assertThat(root.getAttribute("Version")).isEqualTo("2.0");
        assertThat(root.getAttribute("IssueInstant")).isEqualTo("2026-05-04T10:15:30Z");
        assertThat(root.getAttribute("AssertionConsumerServiceURL")).isEqualTo("https://sp.example.org/acs");
        assertThat(root.getAttribute("ProtocolBinding")).isEqualTo(SamlBinding.HTTP_POST.uri());
        assertThat(root.getAttribute("Destination")).isEqualTo(m.destination().toString());
        Element ar = (Element) root.getElementsByTagNameNS(AKDB, "AuthenticationRequest").item(0);
        assertThat(ar.getParentNode().getLocalName()).isEqualTo("Extensions");
        assertThat(ar.getAttribute("Version")).isEqualTo("2");
        List<String> order = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = ar.getFirstChild(); n != null; n = n.getNextSibling()) {
            order.add(n.getLocalName());
        }
        assertThat(order).containsExactly("AuthnMethods", "RequestedAttributes", "DisplayInformation");
        NodeList requested = ar.getElementsByTagNameNS(AKDB, "RequestedAttribute");
        assertThat(((Element) requested.item(0)).getAttribute("Name")).isEqualTo("urn:oid:1.3.6.1.4.1.25484.494450.3");
        assertThat(((Element) requested.item(0)).getAttribute("RequiredAttribute")).isEqualTo("true");
        assertThat(((Element) requested.item(4)).getAttribute("RequiredAttribute")).isEqualTo("false");
        assertThat(ar.getElementsByTagNameNS(UI, "OrganizationDisplayName").item(0).getTextContent())
                .isEqualTo("Stadt Musterstadt <Bürgerbüro>");
        assertThat(ar.getElementsByTagNameNS(UI, "OnlineServiceId").item(0).getTextContent()).isEqualTo("anwohnerparken");
        assertThat(ar.getElementsByTagNameNS(AKDB, "eID").getLength()).isEqualTo(1);
        Element rac = (Element) root.getElementsByTagNameNS(SAMLP, "RequestedAuthnContext").item(0);
        assertThat(rac.getAttribute("Comparison")).isEqualTo("minimum");
        assertThat(rac.getTextContent()).isEqualTo("STORK-QAA-Level-3");
        List<String> top = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            top.add(n.getLocalName());
        }
        top.remove("Signature");
        assertThat(top).containsExactly("Issuer", "Extensions", "NameIDPolicy", "RequestedAuthnContext");
    }

    @Test
    void loginRequest_refusesWhatTheProfileForbids() {
        assertThatThrownBy(() -> LoginRequest.builder().onlineServiceId("svc").build())
                .isInstanceOf(AccountConfigurationException.class).hasMessageContaining("organizationDisplayName");
        assertThatThrownBy(() -> LoginRequest.builder().organizationDisplayName("a").build())
                .isInstanceOf(AccountConfigurationException.class).hasMessageContaining("onlineServiceId");
        assertThatThrownBy(() -> LoginRequest.builder().organizationDisplayName("a").onlineServiceId("b")
                .relayState("x".repeat(81)).build()).hasMessageContaining("80 bytes");
        assertThatThrownBy(() -> LoginRequest.builder().organizationDisplayName("a\u0007").onlineServiceId("b").build())
                .hasMessageContaining("control");
    }

    @Test
    void unsignedRequests_areRefusedWhenTheIdpWantsSignedOnes() {
        ServiceProvider unsigned = ServiceProvider.builder().entityId("https://sp.example.org")
                .assertionConsumerService(URI.create("https://sp.example.org/acs")).identityProvider(IDP).build();
        assertThatThrownBy(() -> unsigned.createRequest(IdpFixture.login(), SamlBinding.HTTP_POST))
                .isInstanceOf(AccountConfigurationException.class).hasMessageContaining("signingIdentity");
    }

    @Test
    void spMetadata_namesKeysAndTheAssertionConsumerService() {
        Element root = SecureXml.parse(new ByteArrayInputStream(sp().metadata().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertThat(root.getAttribute("entityID")).isEqualTo("https://sp.example.org");
        Element spsso = (Element) root.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "SPSSODescriptor").item(0);
        assertThat(spsso.getAttribute("AuthnRequestsSigned")).isEqualTo("true");
        assertThat(spsso.getAttribute("WantAssertionsSigned")).isEqualTo("true");
        NodeList kd = spsso.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor");
        assertThat(((Element) kd.item(0)).getAttribute("use")).isEqualTo("signing");
        assertThat(((Element) kd.item(1)).getAttribute("use")).isEqualTo("encryption");
        Element acs = (Element) spsso.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "AssertionConsumerService").item(0);
        assertThat(acs.getAttribute("Location")).isEqualTo("https://sp.example.org/acs");
        assertThat(acs.getAttribute("Binding")).isEqualTo(SamlBinding.HTTP_POST.uri());
    }

    @Test
    void idpMetadata_isReadFromAFileAndRefusedWhenUnusable(@TempDir Path dir) throws Exception {
        String cert = Base64.getMimeEncoder().encodeToString(SIGNING.certificate().getEncoded());
        String md = "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                + "<md:EntityDescriptor entityID=\"https://idp.example.org\"><md:IDPSSODescriptor WantAuthnRequestsSigned=\"true\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:KeyDescriptor use=\"signing\"><ds:KeyInfo>"
                + "<ds:X509Data><ds:X509Certificate>\n" + cert + "\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:KeyDescriptor use=\"encryption\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example.org/r\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>"
                + "<md:EntityDescriptor entityID=\"https://sp.example.org\"><md:SPSSODescriptor protocolSupportEnumeration=\"x\"/></md:EntityDescriptor>"
                + "</md:EntitiesDescriptor>";
        Path file = Files.writeString(dir.resolve("idp.xml"), md);
        IdentityProviderMetadata read = IdentityProviderMetadata.read(file);
        assertThat(read.entityId()).isEqualTo("https://idp.example.org");
        assertThat(read.signingCertificates()).containsExactly(SIGNING.certificate());
        assertThat(read.singleSignOnService(SamlBinding.HTTP_REDIRECT)).contains(URI.create("https://idp.example.org/r"));
        assertThat(read.singleSignOnService(SamlBinding.HTTP_POST)).isEmpty();
        assertThat(read.wantAuthnRequestsSigned()).isTrue();

        assertThatThrownBy(() -> IdentityProviderMetadata.parse(md.replace("use=\"signing\"", "use=\"encryption\"")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SamlMetadataException.class).hasMessageContaining("no signing certificate");
        assertThatThrownBy(() -> IdentityProviderMetadata.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SamlMetadataException.class).hasMessageContaining("DTD");
        assertThatThrownBy(() -> IdentityProviderMetadata.parse(md.getBytes(StandardCharsets.UTF_8), "https://other.example.org"))
                .isInstanceOf(SamlMetadataException.class).hasMessageContaining("no identity provider");
        assertThatThrownBy(() -> IdentityProviderMetadata.read(dir.resolve("missing.xml")))
                .isInstanceOf(SamlMetadataException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> IdentityProviderMetadata.parse(md.replace("https://idp.example.org/r", "https://idp example/r")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SamlMetadataException.class)
                .hasMessageContaining("SingleSignOnService Location is not a URI");
    }

    @Test
    void codeLists_failWithTheOzgkitException() {
        assertThat(TrustLevel.fromCode("STORK-QAA-Level-3")).isEqualTo(TrustLevel.SUBSTANTIELL);
        assertThat(TrustLevel.lookup(" hoch ")).contains(TrustLevel.HOCH);
        assertThatThrownBy(() -> TrustLevel.fromCode("MITTEL")).isInstanceOf(UnknownCodeException.class);
        assertThat(ServicekontoAttribute.lookup("urn:oid: 2.5.4.42")).contains(ServicekontoAttribute.GIVEN_NAME);
        assertThat(ServicekontoAttribute.lookup("2.5.4.42")).contains(ServicekontoAttribute.GIVEN_NAME);
        assertThat(ServicekontoAttribute.lookup("URN:OID:2.5.4.4")).contains(ServicekontoAttribute.SURNAME);
        assertThatThrownBy(() -> ServicekontoAttribute.fromCode("urn:oid:9.9")).isInstanceOf(UnknownCodeException.class);
        assertThatThrownBy(() -> AuthnMethod.fromCode("Fax")).isInstanceOf(UnknownCodeException.class);
        assertThatThrownBy(() -> SamlBinding.fromCode("urn:x")).isInstanceOf(UnknownCodeException.class);
    }

    @Test
    void inMemoryReplayCache_remembersUntilExpiryAndFailsClosedWhenFull() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        ReplayCache cache = ReplayCache.inMemory(2, clock);
        Instant in5 = now.get().plusSeconds(300);
        assertThat(cache.markUsed("idp", "a", in5)).isTrue();
        assertThat(cache.markUsed("idp", "a", in5)).isFalse();
        assertThat(cache.markUsed("other-idp", "a", in5)).isTrue();
        assertThatThrownBy(() -> cache.markUsed("idp", "b", in5))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(SamlCheck.REPLAY));
        now.set(now.get().plusSeconds(301));
        assertThat(cache.markUsed("idp", "b", now.get().plusSeconds(300))).isTrue();
    }

    private static byte[] inflate(byte[] data) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        while (!inflater.finished()) {
            out.write(buf, 0, inflater.inflate(buf));
        }
        return out.toByteArray();
    }
}
