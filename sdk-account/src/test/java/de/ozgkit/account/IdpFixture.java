package de.ozgkit.account;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.account.SamlIdpSimulator;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox with the SAML identity provider, service provider keys, and a "browser" that follows
 * the login over real HTTP: request to the IdP, login form, auto-submitted response.
 */
final class IdpFixture implements AutoCloseable {

    static final String SP_ENTITY = "https://fachverfahren.example.org/saml";
    static final URI ACS = URI.create("https://fachverfahren.example.org/saml/acs");

    private static final Pattern INPUT = Pattern.compile("<input type=\"hidden\" name=\"([A-Za-z]+)\" value=\"([^\"]*)\">");

    final Sandbox sandbox;
    final SamlIdpSimulator idp;
    final IdentityProviderMetadata metadata;
    final Identity spSigning;
    final Identity spEncryption;
    final HttpClient browser = HttpClient.newHttpClient();

    /** A login's outcome as the browser sees it. */
    record Posted(int status, String page, String samlResponse, String relayState) {
    }

    IdpFixture() {
        idp = SamlIdpSimulator.create();
        sandbox = Sandbox.builder().service(idp).start();
        metadata = IdentityProviderMetadata.fetch(URI.create(sandbox.baseUri("saml-idp") + "/metadata"),
                OzgClientConfig.builder().build());
        spSigning = identity("CN=fachverfahren signing");
        spEncryption = identity("CN=fachverfahren encryption");
    }

    static Identity identity(String subject) {
        IssuedCertificate c = IssuedCertificate.selfSigned(CertificateSpec.builder().subject(subject)
                .keyType(KeyType.RSA_2048).build());
        return Identity.of(c.privateKey(), java.util.List.of(c.certificate()));
    }

    ServiceProvider.Builder sp() {
        return ServiceProvider.builder().entityId(SP_ENTITY).assertionConsumerService(ACS)
                .signingIdentity(spSigning).encryptionIdentity(spEncryption).identityProvider(metadata);
    }

    /** Registers the SP's metadata at the IdP over HTTP, as an operator would upload it. */
    ServiceProvider register(ServiceProvider sp) throws IOException, InterruptedException {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri("saml-idp") + "/sp"))
                .POST(HttpRequest.BodyPublishers.ofString(sp.metadata())).header("Content-Type", "application/xml").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("registration refused: " + r.body());
        }
        return sp;
    }

    static LoginRequest login() {
        return LoginRequest.builder().organizationDisplayName("Stadt Musterstadt <Bürgerbüro>")
                .onlineServiceId("anwohnerparken").relayState("case-4711")
                .requestAttribute(ServicekontoAttribute.BPK2, true)
                .requestAttribute(ServicekontoAttribute.POSTKORB_HANDLE, true)
                .requestAttribute(ServicekontoAttribute.GIVEN_NAME, true)
                .requestAttribute(ServicekontoAttribute.SURNAME, true)
                .requestAttribute(ServicekontoAttribute.POSTAL_ADDRESS, false)
                .requestAttribute(ServicekontoAttribute.POSTAL_CODE, false)
                .requestAttribute(ServicekontoAttribute.LOCALITY, false)
                .requestAttribute(ServicekontoAttribute.MAIL, false)
                .requestAttribute(ServicekontoAttribute.TRUST_LEVEL, false)
                .minimumLevel(TrustLevel.SUBSTANTIELL)
                .authnMethods(AuthnMethod.EID, AuthnMethod.BENUTZERNAME)
                .build();
    }

    /**
     * Sends the request with its binding, picks identity and level on the login page, and returns
     * the page the IdP answers (normally the auto-submit form with the response).
     */
    Posted loginAs(AuthnRequestMessage request, String identity, int level, Map<String, String> extra)
            throws IOException, InterruptedException {
        HttpResponse<String> page;
        if (request.binding() == SamlBinding.HTTP_REDIRECT) {
            page = browser.send(HttpRequest.newBuilder(request.redirect().orElseThrow()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } else {
            page = post(request.destination(), request.formFields());
        }
        if (page.statusCode() != 200) {
            return new Posted(page.statusCode(), page.body(), null, null);
        }
        Map<String, String> hidden = hidden(page.body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("session", hidden.get("session"));
        form.put("identity", identity);
        form.put("level", Integer.toString(level));
        form.putAll(extra);
        HttpResponse<String> answer = post(URI.create(sandbox.baseUri("saml-idp") + "/login"), form);
        Map<String, String> fields = hidden(answer.body());
        return new Posted(answer.statusCode(), answer.body(), fields.get("SAMLResponse"), unescape(fields.get("RelayState")));
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> f : form.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> hidden(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = INPUT.matcher(html);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private static String unescape(String s) {
        return s == null ? null : s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
