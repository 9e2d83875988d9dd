package de.ozgkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.account.AssertedAttribute;
import de.ozgkit.account.AuthnRequestMessage;
import de.ozgkit.account.IdentityProviderMetadata;
import de.ozgkit.account.LoginRequest;
import de.ozgkit.account.ResponseExpectation;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.account.SamlCheck;
import de.ozgkit.account.SamlMetadataException;
import de.ozgkit.account.SamlStatusException;
import de.ozgkit.account.SamlValidationException;
import de.ozgkit.account.ServiceProvider;
import de.ozgkit.account.ServicekontoAttribute;
import de.ozgkit.account.ServicekontoIdentity;
import de.ozgkit.account.TrustLevel;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgException;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.security.KeyMaterial;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ozgkit account}: check a SAML response or assertion of a Servicekonto / BundID login as
 * the relying party would, and print AuthnRequests for trying an identity provider by hand.
 */
@Command(name = "account",
        mixinStandardHelpOptions = true,
        description = "Servicekonto / BundID logins: check a SAML response, print an AuthnRequest.",
        subcommands = {AccountCommand.Check.class, AccountCommand.Request.class})
public final class AccountCommand {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    /** Creates the command (picocli instantiates it). */
    public AccountCommand() {
    }

    /** {@code ozgkit account check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a SAML Response or a bare Assertion (XML, or base64 as in the SAMLResponse form field)",
                    "with every check of the relying party, and print the identity or the check that failed.",
                    "Exit codes: 0 valid, 1 refused, 2 unreadable input or usage error."})
    public static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the response or assertion")
        Path file;

        @Option(names = "--idp-cert", paramLabel = "PEM", required = true,
                description = "PEM file with the identity provider's signing certificate(s)")
        Path idpCert;

        @Option(names = "--audience", paramLabel = "URI", required = true,
                description = "this service provider's entity id (the expected Audience)")
        String audience;

        @Option(names = "--issuer", paramLabel = "ID",
                description = "the identity provider's entity id; default: taken from the document (then not checked)")
        String issuer;

        @Option(names = "--recipient", paramLabel = "URL",
                description = "the assertion consumer service URL (Destination, Recipient); default: taken from the document")
        String recipient;

        @Option(names = "--in-response-to", paramLabel = "ID",
                description = "the AuthnRequest's ID; default: taken from the document (then not checked)")
        String inResponseTo;

        @Option(names = "--at", paramLabel = "INSTANT",
                description = "check as of this instant (ISO-8601, e.g. 2026-05-04T10:15:30Z); default: now")
        String at;

        @Option(names = "--min-level", paramLabel = "LEVEL",
                description = "required level of assurance: 1..4, an akdb name or STORK-QAA-Level-n")
        String minLevel;

        @Option(names = "--sp-key", paramLabel = "PEM", description = "PEM private key that decrypts encrypted assertions")
        Path spKey;

        @Option(names = "--sp-cert", paramLabel = "PEM", description = "PEM certificate of --sp-key")
        Path spCert;

        @Option(names = "--allow-aes-cbc", description = "accept AES-CBC encrypted assertions (old identity providers)")
        boolean allowAesCbc;

        @Option(names = "--json", description = "print the result as JSON")
        boolean json;

        /** Creates the command (picocli instantiates it). */
        public Check() {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            byte[] xml = decode(CliFiles.readAll(file, 16L << 20, "SAML response"));
            Instant now = instant();
            Document peek = peek(xml);
            List<String> notes = new ArrayList<>();
            String idp = issuer != null ? issuer : note(peek.issuer, "issuer", notes);
            String acs = recipient != null ? recipient : note(peek.recipient, "recipient", notes);
            String requestId = inResponseTo != null ? inResponseTo : note(peek.inResponseTo, "in-response-to", notes);
            List<X509Certificate> certs = readCertificates(idpCert);
            ServiceProvider.Builder b = ServiceProvider.builder().entityId(audience)
                    .assertionConsumerService(URI.create(acs == null ? "urn:unknown" : acs))
                    .identityProvider(new IdentityProviderMetadata(idp == null ? "" : idp, certs, Map.of(), false))
                    .clock(Clock.fixed(now, ZoneOffset.UTC)).allowAesCbc(allowAesCbc)
                    .allowUnsolicitedResponses(requestId == null)
                    .limits(XmlLimits.DEFAULT.withMaxBytes(16L << 20).withMaxDepth(64));
            if (spKey != null || spCert != null) {
                b.encryptionIdentity(spIdentity());
            }
            TrustLevel level = minLevel == null ? null : parseLevel(minLevel);
            ResponseExpectation expectation = new ResponseExpectation(requestId, level);
            try {
                ServicekontoIdentity identity = b.build().acceptDocument(xml, expectation);
                print(out, identity, notes);
                return ExitCode.OK;
            } catch (SamlStatusException e) {
                return refused(out, "STATUS", e.getMessage(), notes);
            } catch (SamlValidationException e) {
                if (e.check() == SamlCheck.XML) {
                    throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": unreadable: " + e.getMessage());
                }
                return refused(out, e.check().name(), e.getMessage(), notes);
            }
        }

        private int refused(PrintWriter out, String check, String message, List<String> notes) {
            if (json) {
                ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                o.put("file", file.toString()).put("valid", false).put("check", check).put("message", message);
                notes.forEach(o.putArray("notes")::add);
                out.println(o.toPrettyString());
            } else {
                out.println(file + ": refused by check " + check);
                out.println("  " + OzgkitCommand.oneLine(message));
                notes.forEach(n -> out.println("note: " + n));
            }
            out.flush();
            return ExitCode.NEGATIVE;
        }

        private void print(PrintWriter out, ServicekontoIdentity id, List<String> notes) {
            if (json) {
                ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                o.put("file", file.toString()).put("valid", true).put("issuer", id.issuer()).put("nameId", id.nameId())
                        .put("assertionId", id.assertionId()).put("authnInstant", id.authnInstant().toString())
                        .put("authnContext", id.authnContext())
                        .put("levelOfAssurance", id.levelOfAssurance() == null ? null : id.levelOfAssurance().name());
                ArrayNode attrs = o.putArray("attributes");
                for (AssertedAttribute a : id.attributes()) {
                    ObjectNode n = attrs.addObject().put("name", a.known().map(ServicekontoAttribute::friendlyName)
                            .orElse(a.friendlyName())).put("samlName", a.name()).put("oid", a.oid())
                            .put("trustLevel", a.trustLevel() == null ? null : a.trustLevel().name());
                    a.values().forEach(n.putArray("values")::add);
                }
                notes.forEach(o.putArray("notes")::add);
                out.println(o.toPrettyString());
            } else {
                out.println(file + ": valid");
                out.println("issuer: " + visible(id.issuer()));
                out.println("name-id: " + visible(id.nameId()));
                out.println("level: " + (id.authnContext() == null ? "-" : visible(id.authnContext()))
                        + (id.levelOfAssurance() == null ? "" : " (" + id.levelOfAssurance() + ")"));
                out.println("attributes:");
                for (AssertedAttribute a : id.attributes()) {
                    out.println("  " + a.known().map(ServicekontoAttribute::friendlyName).orElse(visible(a.name()))
                            + " | " + visible(a.oid()) + " | " + (a.trustLevel() == null ? "-" : a.trustLevel().name())
                            + " | " + String.join(" ; ", a.values().stream().map(AccountCommand::visible).toList()));
                }
                notes.forEach(n -> out.println("note: " + n));
            }
            out.flush();
        }

        private Instant instant() {
            if (at == null) {
                return Instant.now();
            }
            try {
                return Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--at must be an ISO-8601 instant such as"
                        + " 2026-05-04T10:15:30Z, was " + at);
            }
        }

        private TrustLevel parseLevel(String text) {
            if (text.matches("[1-4]")) {
                return TrustLevel.values()[text.charAt(0) - '1'];
            }
            return TrustLevel.lookup(text).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--min-level must be 1..4, UNTERGEORDNET, NORMAL, SUBSTANTIELL, HOCH or STORK-QAA-Level-n, was " + text));
        }

        private Identity spIdentity() {
            if (spKey == null || spCert == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sp-key and --sp-cert go together");
            }
            try {
                return KeyMaterial.pem(spKey, spCert, null);
            } catch (OzgException e) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, spKey + ": " + e.getMessage());
            }
        }

        private byte[] decode(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8).strip();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.startsWith("<")) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            try {
                if (text.contains("%")) {
                    text = URLDecoder.decode(text, StandardCharsets.UTF_8);
                }
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": unreadable: neither XML nor base64");
            }
        }
    }

    /** What the document says of itself, for the checks whose expected value was not given. */
    private record Document(String issuer, String recipient, String inResponseTo) {
    }

    private static Document peek(byte[] xml) {
        try {
            Element root = SecureXml.parse(new ByteArrayInputStream(xml), XmlLimits.DEFAULT.withMaxBytes(16L << 20))
                    .getDocumentElement();
            NodeList issuers = root.getElementsByTagNameNS(SAML, "Issuer");
            String issuer = issuers.getLength() == 0 ? null : issuers.item(0).getTextContent();
            String recipient = root.hasAttribute("Destination") ? root.getAttribute("Destination") : null;
            String inResponseTo = root.hasAttribute("InResponseTo") ? root.getAttribute("InResponseTo") : null;
            NodeList data = root.getElementsByTagNameNS(SAML, "SubjectConfirmationData");
            if (data.getLength() > 0) {
                Element d = (Element) data.item(0);
                recipient = recipient != null ? recipient : d.hasAttribute("Recipient") ? d.getAttribute("Recipient") : null;
                inResponseTo = inResponseTo != null ? inResponseTo
                        : d.hasAttribute("InResponseTo") ? d.getAttribute("InResponseTo") : null;
            }
            return new Document(issuer, recipient, inResponseTo);
        } catch (OzgException e) {
            return new Document(null, null, null);
        }
    }

    private static String note(String fromDocument, String option, List<String> notes) {
        if (fromDocument != null) {
            notes.add(option + " not checked: taken from the document (" + visible(fromDocument) + "); pass --" + option
                    + " to check it");
        }
        return fromDocument;
    }

    private static List<X509Certificate> readCertificates(Path pem) {
        CliFiles.requireReadable(pem);
        try {
            List<X509Certificate> certs = KeyMaterial.certificates(pem);
            if (certs.isEmpty()) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, pem + ": holds no certificate");
            }
            return certs;
        } catch (OzgException e) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, pem + ": " + e.getMessage());
        }
    }

    /** Control characters shown as escapes, so that a hostile value cannot rewrite the terminal. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** {@code ozgkit account request}. */
    @Command(name = "request", mixinStandardHelpOptions = true,
            description = {"Print an AuthnRequest of the BundID profile (akdb extension) for both bindings,",
                    "for trying an identity provider by hand: the redirect URL and the auto-submit form of the POST binding."})
    public static final class Request implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--idp-metadata", paramLabel = "FILE|URL", required = true,
                description = "the IdP's metadata: a file, or an http(s) URL such as the 'saml-idp' line of 'ozgkit sandbox' + /metadata")
        String idpMetadata;

        @Option(names = "--entity-id", paramLabel = "URI", required = true, description = "this service provider's entity id")
        String entityId;

        @Option(names = "--acs", paramLabel = "URL", required = true, description = "the assertion consumer service URL")
        URI acs;

        @Option(names = "--sign-key", paramLabel = "PEM", description = "PEM private key that signs the request")
        Path signKey;

        @Option(names = "--sign-cert", paramLabel = "PEM", description = "PEM certificate of --sign-key")
        Path signCert;

        @Option(names = "--binding", paramLabel = "BINDING", defaultValue = "both",
                description = "redirect, post or both (default: ${DEFAULT-VALUE})")
        String binding;

        @Option(names = "--attribute", paramLabel = "OID[!]",
                description = "request an attribute by OID or name (e.g. 2.5.4.18 or POSTKORB_HANDLE); a trailing ! makes it required")
        List<String> attributes = new ArrayList<>();

        @Option(names = "--level", paramLabel = "1-4", description = "minimum level of assurance (STORK-QAA-Level-n)")
        Integer level;

        @Option(names = "--organization", paramLabel = "NAME", defaultValue = "ozgkit",
                description = "OrganizationDisplayName (default: ${DEFAULT-VALUE})")
        String organization;

        @Option(names = "--service-id", paramLabel = "ID", defaultValue = "ozgkit-cli",
                description = "OnlineServiceId (default: ${DEFAULT-VALUE})")
        String serviceId;

        @Option(names = "--relay-state", paramLabel = "TEXT", description = "RelayState (at most 80 bytes)")
        String relayState;

        /** Creates the command (picocli instantiates it). */
        public Request() {
        }

        @Override
        public Integer call() {
            if (!List.of("redirect", "post", "both").contains(binding)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--binding must be redirect, post or both");
            }
            if (level != null && (level < 1 || level > 4)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--level must be 1..4, was " + level);
            }
            IdentityProviderMetadata idp;
            try {
                idp = idpMetadata.startsWith("http://") || idpMetadata.startsWith("https://")
                        ? IdentityProviderMetadata.fetch(URI.create(idpMetadata), OzgClientConfig.builder().build())
                        : IdentityProviderMetadata.read(Path.of(idpMetadata));
            } catch (SamlMetadataException e) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, idpMetadata + ": " + e.getMessage());
            }
            ServiceProvider.Builder b = ServiceProvider.builder().entityId(entityId).assertionConsumerService(acs)
                    .identityProvider(idp);
            if (signKey != null || signCert != null) {
                if (signKey == null || signCert == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--sign-key and --sign-cert go together");
                }
                b.signingIdentity(KeyMaterial.pem(signKey, signCert, null));
            }
            LoginRequest.Builder login = LoginRequest.builder().organizationDisplayName(organization)
                    .onlineServiceId(serviceId).relayState(relayState)
                    .minimumLevel(level == null ? null : TrustLevel.values()[level - 1]);
            for (String a : attributes) {
                boolean required = a.endsWith("!");
                String name = required ? a.substring(0, a.length() - 1) : a;
                String urn = ServicekontoAttribute.lookup(name).map(ServicekontoAttribute::urn)
                        .or(() -> java.util.Arrays.stream(ServicekontoAttribute.values())
                                .filter(x -> x.name().equalsIgnoreCase(name)).findFirst().map(ServicekontoAttribute::urn))
                        .orElse(name.startsWith("urn:") ? name : ServicekontoAttribute.URN_OID + name);
                login.requestAttribute(urn, required);
            }
            ServiceProvider sp = b.build();
            PrintWriter out = spec.commandLine().getOut();
            LoginRequest request = login.build();
            if (!binding.equals("post")) {
                AuthnRequestMessage m = sp.createRequest(request, SamlBinding.HTTP_REDIRECT);
                out.println("request-id: " + m.id());
                out.println("redirect: " + m.redirect().orElseThrow());
            }
            if (!binding.equals("redirect")) {
                AuthnRequestMessage m = sp.createRequest(request, SamlBinding.HTTP_POST);
                out.println("request-id: " + m.id());
                out.println("post-form:");
                out.print(m.autoSubmitForm());
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
