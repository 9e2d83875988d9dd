package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.account.AuthnRequestMessage;
import de.ozgkit.account.IdentityProviderMetadata;
import de.ozgkit.account.LoginRequest;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.account.ServiceProvider;
import de.ozgkit.account.ServicekontoAttribute;
import de.ozgkit.account.TrustLevel;
import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.account.SamlIdpSimulator;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ozgkit account check|request} against responses of the sandbox identity provider. */
class AccountCommandTest {

    private static final String ENTITY = "https://fachverfahren.example.org/saml";
    private static final String ACS = "https://fachverfahren.example.org/saml/acs";

    static Sandbox sandbox;
    static IssuedCertificate encryption;
    static ServiceProvider sp;
    static String idpCertPem;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.builder().service(SamlIdpSimulator.create()).start();
        IdentityProviderMetadata idp = IdentityProviderMetadata.fetch(URI.create(sandbox.baseUri("saml-idp") + "/metadata"),
                OzgClientConfig.builder().build());
        idpCertPem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                idp.signingCertificates().get(0).getEncoded()) + "\n-----END CERTIFICATE-----\n";
        encryption = IssuedCertificate.selfSigned(CertificateSpec.builder().keyType(KeyType.RSA_2048).build());
        sp = ServiceProvider.builder().entityId(ENTITY).assertionConsumerService(URI.create(ACS)).identityProvider(idp)
                .encryptionIdentity(Identity.of(encryption.privateKey(), encryption.chain())).build();
        post(URI.create(sandbox.baseUri("saml-idp") + "/sp"), sp.metadata());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Logs in over HTTP like a browser and returns the SAMLResponse field. */
    private static String[] login(boolean encrypt) throws IOException {
        LoginRequest login = LoginRequest.builder().organizationDisplayName("Stadt").onlineServiceId("svc")
                .requestAttribute(ServicekontoAttribute.POSTAL_ADDRESS, true)
                .requestAttribute(ServicekontoAttribute.MAIL, false).minimumLevel(TrustLevel.SUBSTANTIELL).build();
        AuthnRequestMessage request = sp.createRequest(login, SamlBinding.HTTP_REDIRECT);
        String page = get(request.redirect().orElseThrow());
        String session = field(page, "session");
        String answer = post(URI.create(sandbox.baseUri("saml-idp") + "/login"), form(Map.of("session", session,
                "identity", "erika", "level", "4", "encrypt", Boolean.toString(encrypt))));
        return new String[] {field(answer, "SAMLResponse"), request.id()};
    }

    @Test
    void check_validResponse_printsTheIdentityWithTrustLevelsAndExits0() throws Exception {
        String[] login = login(false);
        Path file = Files.writeString(dir.resolve("response.b64"), login[0]);
        Path cert = Files.writeString(dir.resolve("idp.pem"), idpCertPem);
        Run run = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY,
                "--recipient", ACS, "--in-response-to", login[1], "--issuer", sandbox.baseUri("saml-idp").toString(),
                "--min-level", "4");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(file + ": valid\n").contains("level: STORK-QAA-Level-4 (HOCH)\n")
                .contains("  postalAddress | 2.5.4.16 | HOCH | GROẞE STRAẞE 7\n")
                .contains("  mail | 0.9.2342.19200300.100.1.3 | NORMAL | erika.mustermann@example.org\n")
                .doesNotContain("note:");

        Run json = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY,
                "--json", "--at", Instant.now().toString());
        // the same response twice: a second CLI run has its own replay cache, and the checks hold
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"valid\" : true").contains("\"trustLevel\" : \"HOCH\"")
                .contains("\"oid\" : \"2.5.4.16\"").contains("in-response-to not checked");
    }

    @Test
    void check_encryptedResponse_needsTheServiceProvidersKey() throws Exception {
        String[] login = login(true);
        Path file = Files.writeString(dir.resolve("encrypted.b64"), login[0]);
        Path cert = Files.writeString(dir.resolve("idp2.pem"), idpCertPem);
        Path key = Files.writeString(dir.resolve("sp-key.pem"), encryption.privateKeyPem());
        Path spCert = Files.writeString(dir.resolve("sp-cert.pem"), encryption.certificatePem());
        Run without = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY);
        assertThat(without.code()).isEqualTo(1);
        assertThat(without.out()).contains("refused by check DECRYPTION");
        Run with = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY,
                "--sp-key", key.toString(), "--sp-cert", spCert.toString(), "--in-response-to", login[1]);
        assertThat(with.code()).as(with.out() + with.err()).isZero();
        assertThat(with.out()).contains("GROẞE STRAẞE 7").contains("note: recipient not checked");
    }

    @Test
    void check_refusedResponses_nameTheCheckAndExit1() throws Exception {
        String[] login = login(false);
        Path file = Files.writeString(dir.resolve("refused.b64"), login[0]);
        Path cert = Files.writeString(dir.resolve("idp3.pem"), idpCertPem);
        Run audience = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", "https://other");
        assertThat(audience.code()).isEqualTo(1);
        assertThat(audience.out()).startsWith(file + ": refused by check AUDIENCE\n");
        Run late = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY,
                "--at", Instant.now().plusSeconds(3600).toString(), "--json");
        assertThat(late.code()).isEqualTo(1);
        assertThat(late.out()).contains("\"check\" : \"SUBJECT_CONFIRMATION\"");
        Run otherKey = Run.of("account", "check", file.toString(), "--idp-cert",
                Files.writeString(dir.resolve("other.pem"), encryption.certificatePem()).toString(), "--audience", ENTITY);
        assertThat(otherKey.code()).isEqualTo(1);
        assertThat(otherKey.out()).contains("refused by check SIGNATURE");
        Run request = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY,
                "--in-response-to", "_another");
        assertThat(request.out()).contains("refused by check IN_RESPONSE_TO");
    }

    @Test
    void check_bareAssertionFromABrowserTrace_isChecked() throws Exception {
        String[] login = login(false);
        // the assertion element on its own, with the namespace declarations it inherits made explicit
        org.w3c.dom.Document doc = de.ozgkit.core.xml.SecureXml.parse(new java.io.ByteArrayInputStream(
                Base64.getDecoder().decode(login[0])));
        org.w3c.dom.Node assertion = doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        java.io.StringWriter text = new java.io.StringWriter();
        de.ozgkit.core.xml.SecureXml.transformerFactory().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(assertion), new javax.xml.transform.stream.StreamResult(text));
        Path file = Files.writeString(dir.resolve("assertion.xml"), text.toString());
        Path cert = Files.writeString(dir.resolve("idp4.pem"), idpCertPem);
        Run run = Run.of("account", "check", file.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("name-id: erika-7f3c9a1e");
    }

    @Test
    void check_unreadableInput_exits2() throws Exception {
        Path cert = Files.writeString(dir.resolve("idp5.pem"), idpCertPem);
        Path garbage = Files.writeString(dir.resolve("garbage.txt"), "*** not base64 ***");
        Run run = Run.of("account", "check", garbage.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unreadable");
        Path xxe = Files.writeString(dir.resolve("xxe.xml"), "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
        assertThat(Run.of("account", "check", xxe.toString(), "--idp-cert", cert.toString(), "--audience", ENTITY).code())
                .isEqualTo(2);
        assertThat(Run.of("account", "check", dir.resolve("missing").toString(), "--idp-cert", cert.toString(),
                "--audience", ENTITY).code()).isEqualTo(2);
        assertThat(Run.of("account", "check", garbage.toString(), "--audience", ENTITY).code()).isEqualTo(2);
    }

    @Test
    void request_printsBothBindingsAndTheRedirectReachesTheLoginPage() throws Exception {
        Run run = Run.of("account", "request", "--idp-metadata", sandbox.baseUri("saml-idp") + "/metadata",
                "--entity-id", "https://try.example.org", "--acs", "https://try.example.org/acs",
                "--attribute", "POSTKORB_HANDLE!", "--attribute", "2.5.4.42", "--level", "3");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        String redirect = lines.stream().filter(l -> l.startsWith("redirect: ")).findFirst().orElseThrow().substring(10);
        assertThat(get(URI.create(redirect))).contains("Anmeldung").contains("urn:oid:2.5.4.18, urn:oid:2.5.4.42");
        assertThat(run.out()).contains("post-form:").contains("name=\"SAMLRequest\"");
        assertThat(Run.of("account", "request", "--idp-metadata", "/nonexistent", "--entity-id", "x", "--acs", "https://a")
                .code()).isEqualTo(2);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no field " + name + " in " + html);
        }
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static String get(URI uri) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String post(URI uri, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", body.startsWith("<") ? "application/xml" : "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = c.getResponseCode() < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
