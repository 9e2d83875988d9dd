package de.ozgkit.core;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How a client authenticates to a service at the HTTP level. Mutual TLS is configured separately,
 * as a client certificate in {@link TlsConfig}, and combines with any of these.
 *
 * <ul>
 *   <li>{@link #none()}: no Authorization header;</li>
 *   <li>{@link #basic(String, String)}: HTTP Basic (e.g. epay21);</li>
 *   <li>{@link #bearer(String)}: a fixed bearer token;</li>
 *   <li>{@link #oauth2ClientCredentials(URI, String, String, List)}: OAuth 2.0 client credentials
 *       grant; the token is fetched from the token endpoint, cached, refreshed shortly before it
 *       expires and once more when the service answers 401 (e.g. pmPayment, GiroCheckout).</li>
 * </ul>
 *
 * <p>{@code toString()} never shows a secret.
 */
public sealed interface Credentials {

    /** @return no HTTP authentication */
    static Credentials none() {
        return None.INSTANCE;
    }

    /**
     * @param username the user name (must not contain ':')
     * @param password the password
     * @return HTTP Basic credentials
     */
    static Credentials basic(String username, String password) {
        return new Basic(username, password);
    }

    /**
     * @param token the bearer token
     * @return a fixed bearer token
     */
    static Credentials bearer(String token) {
        return new Bearer(token);
    }

    /**
     * @param tokenUri     the OAuth 2.0 token endpoint
     * @param clientId     the client id
     * @param clientSecret the client secret (sent with HTTP Basic to the token endpoint)
     * @param scopes       scopes to request, may be empty
     * @return OAuth 2.0 client credentials
     */
    static Credentials oauth2ClientCredentials(URI tokenUri, String clientId, String clientSecret, List<String> scopes) {
        return new OAuth2ClientCredentials(tokenUri, clientId, clientSecret, scopes);
    }

    /** No HTTP authentication. */
    enum None implements Credentials {
        /** The only instance. */
        INSTANCE
    }

    /**
     * HTTP Basic authentication.
     *
     * @param username the user name
     * @param password the password
     */
    record Basic(String username, String password) implements Credentials {
        /** Checks the values. */
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.indexOf(':') >= 0) {
                throw new IllegalArgumentException("Basic user name must not contain ':'");
            }
        }

        @Override
        public String toString() {
            return "Basic[username=" + username + ", password=<redacted>]";
        }
    }

    /**
     * A fixed bearer token.
     *
     * @param token the token
     */
    record Bearer(String token) implements Credentials {
        /** Checks the value. */
        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("bearer token must not be blank");
            }
        }

        @Override
        public String toString() {
            return "Bearer[token=<redacted>]";
        }
    }

    /**
     * OAuth 2.0 client credentials grant (RFC 6749 section 4.4).
     *
     * @param tokenUri     the token endpoint
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @param scopes       the scopes to request
     */
    record OAuth2ClientCredentials(URI tokenUri, String clientId, String clientSecret, List<String> scopes)
            implements Credentials {
        /** Checks the values. */
        public OAuth2ClientCredentials {
            Objects.requireNonNull(tokenUri, "tokenUri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            if (!tokenUri.isAbsolute()) {
                throw new IllegalArgumentException("OAuth2 token URI must be absolute, was " + tokenUri);
            }
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "OAuth2ClientCredentials[tokenUri=" + tokenUri + ", clientId=" + clientId
                    + ", clientSecret=<redacted>, scopes=" + scopes + "]";
        }
    }
}
