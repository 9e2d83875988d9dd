package de.ozgkit.sandbox.account;

import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The logic of the sandbox SAML identity provider, free of HTTP: metadata, the SSO endpoint of both
 * bindings (request in, login page out), the login (form in, auto-submitted response out), the
 * registry of service providers (by their metadata) and deliberately broken responses. Thread-safe.
 */
public final class IdpEngine {

    private static final int MAX_PENDING = 10_000;
    private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(30);

    private final String base;
    private final Clock clock;
    private final boolean requireRegistration;
    private final List<TestIdentity> identities = new java.util.concurrent.CopyOnWriteArrayList<>();
    private IssuedCertificate signing;
    private ResponseWriter writer;
    private final Map<String, Sp> serviceProviders = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicReference<IdpDefect> nextDefect = new AtomicReference<>(IdpDefect.NONE);
    private volatile boolean encryptAssertions;

    /** A registered service provider. */
    private record Sp(String entityId, X509Certificate signing, X509Certificate encryption, List<String> acs) {
    }

    /** A request waiting for the citizen to log in. */
    private record Pending(AuthnRequestReader.Request request, String acs, String relayState, Sp sp, Instant created) {
    }

    /**
     * @param base                the IdP's base URI (its entity id), without trailing slash
     * @param clock               the clock
     * @param requireRegistration whether only registered service providers may log in
     * @param encryptAssertions   whether assertions are encrypted for SPs with an encryption key
     */
    public IdpEngine(String base, Clock clock, boolean requireRegistration, boolean encryptAssertions) {
        this.base = Objects.requireNonNull(base, "base");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requireRegistration = requireRegistration;
        this.encryptAssertions = encryptAssertions;
        this.identities.addAll(TestIdentity.defaults());
    }

    /** The signing key, generated on first use so that a sandbox starts without waiting for RSA key generation. */
    private synchronized IssuedCertificate signing() {
        if (signing == null) {
            signing = IssuedCertificate.selfSigned(CertificateSpec.builder().subject("CN=ozgkit sandbox IdP signing")
                    .keyType(KeyType.RSA_2048).validity(clock.instant().minus(Duration.ofDays(1)),
                            clock.instant().plus(Duration.ofDays(3650))).build());
        }
        return signing;
    }

    private synchronized ResponseWriter writer() {
        if (writer == null) {
            IssuedCertificate s = signing();
            writer = new ResponseWriter(s.privateKey(), s.certificate(), () -> IssuedCertificate.selfSigned(
                    CertificateSpec.builder().subject("CN=not the sandbox IdP").keyType(KeyType.RSA_2048).build()).privateKey());
        }
        return writer;
    }

    /** @return the entity id (the base URI) */
    public String entityId() {
        return base;
    }

    /** @return the SSO endpoint of both bindings */
    public String ssoUrl() {
        return base + "/sso";
    }

    /** @return the certificate whose key signs responses */
    public X509Certificate signingCertificate() {
        return signing().certificate();
    }

    /** @return the test identities offered on the login page */
    public List<TestIdentity> identities() {
        return List.copyOf(identities);
    }

    /**
     * Adds a test identity to the login page (e.g. one with hostile attribute values).
     *
     * @param identity the identity; its key must be new
     */
    public void addIdentity(TestIdentity identity) {
        if (identities.stream().anyMatch(i -> i.key().equals(identity.key()))) {
            throw new SandboxException("a test identity with key " + identity.key() + " exists", null);
        }
        identities.add(identity);
    }

    /** @param encrypt whether assertions are encrypted for service providers with an encryption key */
    public void encryptAssertions(boolean encrypt) {
        this.encryptAssertions = encrypt;
    }

    /** @param defect the defect of the next response (then back to none) */
    public void breakNextResponse(IdpDefect defect) {
        nextDefect.set(Objects.requireNonNull(defect, "defect"));
    }

    /** @return the IdP metadata (SAML Metadata 2.4.3) */
    public String metadata() {
        String cert = base64(signing().certificate());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + Answer.escape(base) + "\">\n"
                + "  <md:IDPSSODescriptor WantAuthnRequestsSigned=\"" + requireRegistration + "\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                + "    <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
                + "    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>\n"
                + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + Answer.escape(ssoUrl()) + "\"/>\n"
                + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\""
                + Answer.escape(ssoUrl()) + "\"/>\n"
                + "  </md:IDPSSODescriptor>\n</md:EntityDescriptor>\n";
    }

    /**
     * Registers a service provider by its metadata: its signing certificate is then required on its
     * requests, its encryption certificate encrypts assertions, only its ACS URLs are answered.
     *
     * @param metadata the SP metadata document
     * @return the entity id
     * @throws SandboxException when the metadata is not usable
     */
    public String registerServiceProvider(byte[] metadata) {
        Element root;
        try {
            root = SecureXml.parse(new ByteArrayInputStream(metadata), XmlLimits.DEFAULT.withMaxBytes(1 << 20))
                    .getDocumentElement();
        } catch (XmlParseException e) {
            throw new SandboxException("SP metadata is not readable: " + e.getMessage(), e);
        }
        String md = "urn:oasis:names:tc:SAML:2.0:metadata";
        Element sp = AuthnRequestReader.child(root, md, "SPSSODescriptor");
        if (!"EntityDescriptor".equals(root.getLocalName()) || sp == null || root.getAttribute("entityID").isEmpty()) {
            throw new SandboxException("SP metadata must be an md:EntityDescriptor with entityID and an md:SPSSODescriptor", null);
        }
        X509Certificate sign = null;
        X509Certificate enc = null;
        List<String> acs = new ArrayList<>();
        for (Node n = sp.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !md.equals(e.getNamespaceURI())) {
                continue;
            }
            if (e.getLocalName().equals("KeyDescriptor")) {
                X509Certificate c = certificate(e);
                String use = e.getAttribute("use");
                if (use.isEmpty() || use.equals("signing")) {
                    sign = sign == null ? c : sign;
                }
                if (use.isEmpty() || use.equals("encryption")) {
                    enc = enc == null ? c : enc;
                }
            } else if (e.getLocalName().equals("AssertionConsumerService")
                    && "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST".equals(e.getAttribute("Binding"))) {
                acs.add(e.getAttribute("Location"));
            }
        }
        if (acs.isEmpty()) {
            throw new SandboxException("SP metadata has no HTTP-POST AssertionConsumerService", null);
        }
        String entityId = root.getAttribute("entityID");
        serviceProviders.put(entityId, new Sp(entityId, sign, enc, List.copyOf(acs)));
        return entityId;
    }

    /**
     * The SSO endpoint, redirect binding.
     *
     * @param rawQuery the query string as received
     * @return the login page, or an error page
     */
    public Answer ssoRedirect(String rawQuery) {
        try {
            AuthnRequestReader.Request r = AuthnRequestReader.redirect(rawQuery, ssoUrl(), this::spSigning, requireRegistration);
            String relay = null;
            for (String pair : rawQuery.split("&")) {
                if (pair.startsWith("RelayState=")) {
                    relay = java.net.URLDecoder.decode(pair.substring(11), StandardCharsets.UTF_8);
                }
            }
            return loginPage(r, relay);
        } catch (AuthnRequestReader.Refused e) {
            return errorPage(e.getMessage());
        }
    }

    /**
     * The SSO endpoint, POST binding.
     *
     * @param form the form fields
     * @return the login page, or an error page
     */
    public Answer ssoPost(Map<String, String> form) {
        try {
            AuthnRequestReader.Request r = AuthnRequestReader.post(form.get("SAMLRequest"), ssoUrl(), this::spSigning,
                    requireRegistration);
            return loginPage(r, form.get("RelayState"));
        } catch (AuthnRequestReader.Refused e) {
            return errorPage(e.getMessage());
        }
    }

    /**
     * The login form's target: builds the response for the chosen identity and level and answers
     * with a page that posts it to the service provider.
     *
     * @param form fields {@code session}, {@code identity}, {@code level} (1..4), optional
     *             {@code defect} ({@link IdpDefect} name) and {@code encrypt} ({@code true}/{@code false})
     * @return the auto-submit page, or an error page
     */
    public Answer login(Map<String, String> form) {
        Pending p = pending.remove(String.valueOf(form.get("session")));
        if (p == null || p.created().plus(LOGIN_TIMEOUT).isBefore(clock.instant())) {
            return errorPage("the login session is unknown or expired; start again at the service");
        }
        TestIdentity identity = identities.stream().filter(i -> i.key().equals(form.get("identity"))).findFirst().orElse(null);
        String levelText = String.valueOf(form.get("level"));
        if (identity == null || !levelText.matches("[1-4]")) {
            return errorPage("choose one of the test identities and a level 1..4");
        }
        IdpDefect defect = IdpDefect.NONE;
        if (form.get("defect") != null && !form.get("defect").isEmpty()) {
            try {
                defect = IdpDefect.valueOf(form.get("defect"));
            } catch (IllegalArgumentException e) {
                return errorPage("unknown defect " + form.get("defect"));
            }
        }
        IdpDefect once = nextDefect.getAndSet(IdpDefect.NONE);
        if (defect == IdpDefect.NONE) {
            defect = once;
        }
        boolean encrypt = form.containsKey("encrypt") ? "true".equals(form.get("encrypt")) : encryptAssertions;
        byte[] response = respond(p, identity, levelText.charAt(0) - '0', defect, encrypt);
        return autoPost(p.acs(), response, p.relayState());
    }

    private byte[] respond(Pending p, TestIdentity identity, int level, IdpDefect defect, boolean encrypt) {
        AuthnRequestReader.Request r = p.request();
        Instant now = clock.instant();
        if (level < r.minimumLevel()) {
            return writer().error(base, p.acs(), r.id(), "urn:oasis:names:tc:SAML:2.0:status:Responder",
                    "urn:oasis:names:tc:SAML:2.0:status:NoAuthnContext", "the login did not reach STORK-QAA-Level-"
                            + r.minimumLevel(), List.of(), now);
        }
        List<String> missing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (r.attributes().isEmpty()) {
            names.addAll(identity.attributes().keySet());
        } else {
            for (Map.Entry<String, Boolean> a : r.attributes().entrySet()) {
                boolean has = identity.attributes().containsKey(a.getKey()) || a.getKey().equals(TestIdentity.QAA_LEVEL);
                if (has) {
                    names.add(a.getKey());
                } else if (a.getValue()) {
                    missing.add(a.getKey());
                }
            }
        }
        if (!missing.isEmpty()) {
            return writer().error(base, p.acs(), r.id(), "urn:oasis:names:tc:SAML:2.0:status:Requester",
                    "urn:oasis:names:tc:SAML:2.0:status:RequestDenied", "required attributes are missing: "
                            + String.join(", ", missing), List.of("IDP_REQUIRED_ATTRIBUTES_MISSING"), now);
        }
        X509Certificate encryptFor = encrypt && p.sp() != null ? p.sp().encryption() : null;
        return writer().success(new ResponseWriter.Spec(base, p.acs(), r.id(), r.issuer(), identity, level, names,
                encryptFor, defect, now));
    }

    private X509Certificate spSigning(String entityId) {
        Sp sp = serviceProviders.get(entityId);
        return sp == null ? null : sp.signing();
    }

    private Answer loginPage(AuthnRequestReader.Request r, String relayState) {
        Sp sp = serviceProviders.get(r.issuer());
        String acs = r.acs();
        if (sp != null) {
            if (acs == null) {
                acs = sp.acs().get(0);
            } else if (!sp.acs().contains(acs)) {
                return errorPage("AssertionConsumerServiceURL " + acs + " is not in the metadata of " + r.issuer());
            }
        } else if (acs == null) {
            return errorPage("the request names no AssertionConsumerServiceURL and " + r.issuer() + " is not registered");
        }
        if (pending.size() >= MAX_PENDING) {
            Instant cutoff = clock.instant().minus(LOGIN_TIMEOUT);
            pending.values().removeIf(p -> p.created().isBefore(cutoff));
            if (pending.size() >= MAX_PENDING) {
                return errorPage("too many logins in progress; try again later");
            }
        }
        String session = ResponseWriter.newId();
        pending.put(session, new Pending(r, acs, relayState, sp, clock.instant()));
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
                + "<title>Anmeldung – ozgkit Sandbox-IdP</title></head><body>\n<h1>Anmeldung</h1>\n<p>für <strong>")
                .append(Answer.escape(r.organization())).append("</strong> (Onlinedienst <code>")
                .append(Answer.escape(r.serviceId())).append("</code>)</p>\n<form method=\"post\" action=\"")
                .append(Answer.escape(base + "/login")).append("\">\n<input type=\"hidden\" name=\"session\" value=\"")
                .append(session).append("\">\n<fieldset><legend>Testidentität</legend>\n");
        for (int i = 0; i < identities.size(); i++) {
            TestIdentity t = identities.get(i);
            html.append("<label><input type=\"radio\" name=\"identity\" value=\"").append(Answer.escape(t.key()))
                    .append(i == 0 ? "\" checked>" : "\">").append(Answer.escape(t.label())).append("</label><br>\n");
        }
        int preselected = Math.max(r.minimumLevel(), 3);
        html.append("</fieldset>\n<label>Vertrauensniveau <select name=\"level\">\n");
        String[] labels = {"", "basisregistrierung (STORK-QAA-Level-1)", "basisregistrierung (STORK-QAA-Level-2)",
                "substantiell (STORK-QAA-Level-3)", "hoch (STORK-QAA-Level-4)"};
        for (int l = 1; l <= 4; l++) {
            html.append("<option value=\"").append(l).append(l == preselected ? "\" selected>" : "\">")
                    .append(labels[l]).append("</option>\n");
        }
        html.append("</select></label>\n<details><summary>Für Tests: fehlerhafte Antwort</summary>"
                + "<select name=\"defect\">\n");
        for (IdpDefect d : IdpDefect.values()) {
            html.append("<option>").append(d.name()).append("</option>\n");
        }
        html.append("</select></details>\n<p>Angefragte Attribute: ");
        List<String> requested = AuthnRequestReader.names(r);
        html.append(requested.isEmpty() ? "alle" : Answer.escape(String.join(", ", requested)));
        html.append("</p>\n<button type=\"submit\">Anmelden</button>\n</form>\n</body></html>\n");
        return Answer.html(200, html.toString());
    }

    private static Answer autoPost(String acs, byte[] response, String relayState) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Weiter</title>"
                + "</head><body onload=\"document.forms[0].submit()\">\n<form method=\"post\" action=\"")
                .append(Answer.escape(acs)).append("\">\n<input type=\"hidden\" name=\"SAMLResponse\" value=\"")
                .append(Base64.getEncoder().encodeToString(response)).append("\">\n");
        if (relayState != null) {
            html.append("<input type=\"hidden\" name=\"RelayState\" value=\"").append(Answer.escape(relayState)).append("\">\n");
        }
        html.append("<noscript><button type=\"submit\">Weiter</button></noscript>\n</form>\n</body></html>\n");
        return Answer.html(200, html.toString());
    }

    private static Answer errorPage(String message) {
        return Answer.html(400, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Anmeldung nicht möglich</title>"
                + "</head><body><h1>Anmeldung nicht möglich</h1><p class=\"error\">" + Answer.escape(message)
                + "</p></body></html>\n");
    }

    private static X509Certificate certificate(Element keyDescriptor) {
        String ds = "http://www.w3.org/2000/09/xmldsig#";
        Element ki = AuthnRequestReader.child(keyDescriptor, ds, "KeyInfo");
        Element data = ki == null ? null : AuthnRequestReader.child(ki, ds, "X509Data");
        Element cert = data == null ? null : AuthnRequestReader.child(data, ds, "X509Certificate");
        if (cert == null) {
            throw new SandboxException("a KeyDescriptor of the SP metadata has no ds:X509Certificate", null);
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                    Base64.getMimeDecoder().decode(cert.getTextContent().replaceAll("\\s", ""))));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SandboxException("a certificate in the SP metadata is not readable", e);
        }
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new SandboxException("cannot encode the certificate " + c.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }

    /** @return the parsed form fields of an {@code application/x-www-form-urlencoded} body */
    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = new String(body, StandardCharsets.US_ASCII);
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                out.putIfAbsent(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed pair is left out; the engine then reports what is missing
            }
        }
        return out;
    }
}
