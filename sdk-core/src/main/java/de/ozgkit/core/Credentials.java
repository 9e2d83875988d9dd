package de.ozgkit.core;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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
 *       expires and once more when the service answers 401 (e.g. pmPayment, GiroCheckout). The
 *       client authenticates at the token endpoint with HTTP Basic ({@code client_secret_basic}) or
 *       in the form body ({@code client_secret_post}), see {@link ClientAuthentication}.</li>
 * </ul>
 *
 * <p>Credentials are sent over plain {@code http://} only to the loopback interface unless the
 * configuration allows more ({@link OzgClientConfig.Builder#allowCredentialsOverPlainHttp(boolean)}).
 * {@code toString()} never shows a secret.
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
     * @return OAuth 2.0 client credentials with {@link ClientAuthentication#CLIENT_SECRET_BASIC}
     */
    static Credentials oauth2ClientCredentials(URI tokenUri, String clientId, String clientSecret,
                                               List<String> scopes) {
        return new OAuth2ClientCredentials(tokenUri, clientId, clientSecret, scopes,
                ClientAuthentication.CLIENT_SECRET_BASIC);
    }

    /**
     * @param tokenUri       the OAuth 2.0 token endpoint
     * @param clientId       the client id
     * @param clientSecret   the client secret
     * @param scopes         scopes to request, may be empty
     * @param authentication how the client authenticates at the token endpoint
     * @return OAuth 2.0 client credentials
     */
    static Credentials oauth2ClientCredentials(URI tokenUri, String clientId, String clientSecret, List<String> scopes,
                                               ClientAuthentication authentication) {
        return new OAuth2ClientCredentials(tokenUri, clientId, clientSecret, scopes, authentication);
    }

    /**
     * How an OAuth 2.0 client authenticates at the token endpoint (RFC 6749 section 2.3.1; the names
     * are those of OAuth 2.0 dynamic client registration, RFC 7591). Providers differ: ask which one
     * yours expects.
     */
    enum ClientAuthentication {
        /** Client id and secret in an HTTP Basic {@code Authorization} header (form-encoded first). */
        CLIENT_SECRET_BASIC("client_secret_basic"),
        /** {@code client_id} and {@code client_secret} as fields of the form body (e.g. pmPayment). */
        CLIENT_SECRET_POST("client_secret_post");

        private final String code;

        ClientAuthentication(String code) {
            this.code = code;
        }

        /** @return the name as OAuth 2.0 writes it, e.g. {@code client_secret_basic} */
        public String code() {
            return code;
        }

        /**
         * @param code e.g. {@code "client_secret_post"}
         * @return the method
         * @throws UnknownCodeException for another code
         */
        public static ClientAuthentication fromCode(String code) {
            return lookup(code).orElseThrow(() -> new UnknownCodeException("OAuth 2.0 client authentication method",
                    code, List.of(CLIENT_SECRET_BASIC.code, CLIENT_SECRET_POST.code)));
        }

        /**
         * @param code e.g. {@code "client_secret_post"}, may be {@code null}
         * @return the method, empty when unknown
         */
        public static Optional<ClientAuthentication> lookup(String code) {
            if (code != null) {
                String lower = code.trim().toLowerCase(Locale.ROOT);
                for (ClientAuthentication a : values()) {
                    if (a.code.equals(lower)) {
                        return Optional.of(a);
                    }
                }
            }
            return Optional.empty();
        }
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
        /**
         * Checks the values.
         *
         * @throws OzgClientException of kind CONFIGURATION when the user name contains ':'
         */
        public Basic {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.indexOf(':') >= 0) {
                throw OzgClientException.configuration("Basic user name must not contain ':' (HTTP Basic separates"
                        + " user and password with it)");
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
        /**
         * Checks the value.
         *
         * @throws OzgClientException of kind CONFIGURATION when the token is blank or holds white space or
         *                            control characters
         */
        public Bearer {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw OzgClientException.configuration("bearer token must not be blank");
            }
            if (token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
                throw OzgClientException.configuration("bearer token must not contain white space or control"
                        + " characters; check where it was copied from");
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
     * @param tokenUri       the token endpoint, an absolute http(s) URI
     * @param clientId       the client id
     * @param clientSecret   the client secret
     * @param scopes         the scopes to request, never {@code null} (empty for none)
     * @param authentication how the client authenticates at the token endpoint
     */
    record OAuth2ClientCredentials(URI tokenUri, String clientId, String clientSecret, List<String> scopes,
                                   ClientAuthentication authentication) implements Credentials {
        /**
         * Checks the values.
         *
         * @throws OzgClientException of kind CONFIGURATION when the token URI is not an absolute http(s) URI
         */
        public OAuth2ClientCredentials {
            Objects.requireNonNull(tokenUri, "tokenUri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(authentication, "authentication");
            String scheme = tokenUri.getScheme() == null ? "" : tokenUri.getScheme().toLowerCase(Locale.ROOT);
            if (!tokenUri.isAbsolute() || tokenUri.getHost() == null
                    || !(scheme.equals("http") || scheme.equals("https"))) {
                throw OzgClientException.configuration("OAuth2 token URI must be an absolute http or https URI, was "
                        + tokenUri);
            }
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        /**
         * OAuth 2.0 client credentials with HTTP Basic at the token endpoint.
         *
         * @param tokenUri     the token endpoint
         * @param clientId     the client id
         * @param clientSecret the client secret
         * @param scopes       the scopes to request, may be {@code null}
         */
        public OAuth2ClientCredentials(URI tokenUri, String clientId, String clientSecret, List<String> scopes) {
            this(tokenUri, clientId, clientSecret, scopes, ClientAuthentication.CLIENT_SECRET_BASIC);
        }

        /**
         * @param method how the client authenticates at the token endpoint
         * @return these credentials with another client authentication method
         */
        public OAuth2ClientCredentials withAuthentication(ClientAuthentication method) {
            return new OAuth2ClientCredentials(tokenUri, clientId, clientSecret, scopes, method);
        }

        @Override
        public String toString() {
            return "OAuth2ClientCredentials[tokenUri=" + tokenUri + ", clientId=" + clientId
                    + ", clientSecret=<redacted>, scopes=" + scopes + ", authentication=" + authentication.code() + "]";
        }
    }
}
