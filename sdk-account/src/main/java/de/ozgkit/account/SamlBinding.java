package de.ozgkit.account;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** The SAML 2.0 bindings ozgkit speaks (SAML Bindings 3.4 and 3.5). */
public enum SamlBinding {
    /** HTTP-Redirect: the request deflated in the query string, with a detached signature. */
    HTTP_REDIRECT("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"),
    /** HTTP-POST: the message base64 encoded in an auto-submitted form, with an enveloped signature. */
    HTTP_POST("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");

    private final String uri;

    SamlBinding(String uri) {
        this.uri = uri;
    }

    /** @return the binding's URI as used in metadata */
    public String uri() {
        return uri;
    }

    /**
     * @param uri a binding URI
     * @return the binding, empty when not one of these
     */
    public static Optional<SamlBinding> lookup(String uri) {
        return Arrays.stream(values()).filter(b -> b.uri.equals(uri)).findFirst();
    }

    /**
     * @param uri a binding URI
     * @return the binding
     * @throws UnknownCodeException when not one of these
     */
    public static SamlBinding fromCode(String uri) {
        return lookup(uri).orElseThrow(() -> new UnknownCodeException("SAML binding", uri,
                Arrays.stream(values()).map(SamlBinding::uri).toList()));
    }
}
