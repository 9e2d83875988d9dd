package de.ozgkit.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed AuthnRequest, ready to send the citizen's browser to the identity provider with one of
 * the two bindings.
 *
 * @param id          the request's ID; keep it (see {@link #expectation()}) to check InResponseTo
 * @param binding     the binding
 * @param destination the identity provider's single sign-on endpoint
 * @param xml         the AuthnRequest document (for the POST binding with its enveloped signature;
 *                    for the redirect binding unsigned, the signature travels in the query)
 * @param redirectUri for {@link SamlBinding#HTTP_REDIRECT}: the full URI with {@code SAMLRequest},
 *                    {@code RelayState}, {@code SigAlg} and {@code Signature}; {@code null} otherwise
 * @param relayState  the RelayState, may be {@code null}
 * @param minimumLevel the requested minimum level of assurance, may be {@code null}
 */
public record AuthnRequestMessage(String id, SamlBinding binding, URI destination, String xml, URI redirectUri,
                                  String relayState, TrustLevel minimumLevel) {

    /** Checks the components. */
    public AuthnRequestMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(xml, "xml");
    }

    /** @return what to check the answer against */
    public ResponseExpectation expectation() {
        return new ResponseExpectation(id, minimumLevel);
    }

    /** @return the redirect URI for the HTTP-Redirect binding */
    public Optional<URI> redirect() {
        return Optional.ofNullable(redirectUri);
    }

    /**
     * The form fields of the HTTP-POST binding: {@code SAMLRequest} (base64 of the signed document)
     * and, if set, {@code RelayState}.
     *
     * @return the fields in order
     */
    public Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SAMLRequest", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        if (relayState != null) {
            fields.put("RelayState", relayState);
        }
        return fields;
    }

    /**
     * An HTML page that posts {@link #formFields()} to the destination on load (HTTP-POST binding),
     * with a button for browsers without JavaScript.
     *
     * @return the page
     */
    public String autoSubmitForm() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Anmeldung</title></head>"
                + "<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
                .append(escape(destination.toString())).append("\">");
        for (Map.Entry<String, String> f : formFields().entrySet()) {
            sb.append("<input type=\"hidden\" name=\"").append(escape(f.getKey())).append("\" value=\"")
                    .append(escape(f.getValue())).append("\">");
        }
        return sb.append("<noscript><button type=\"submit\">Weiter</button></noscript></form></body></html>\n").toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
