package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgClientConfig;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What sender and subscriber share: how to reach the submission API, the API client's credentials
 * and the trust anchors for destination keys. Immutable.
 *
 * <pre>{@code
 * ClientSettings settings = ClientSettings.builder()
 *         .config(OzgClientConfig.builder().baseUri("https://submission-api-testing.fit-connect.fitko.dev").build())
 *         .credentials(URI.create("https://auth-testing.fit-connect.fitko.dev/token"), clientId, clientSecret)
 *         .trustAnchors(verwaltungsPkiRoot)
 *         .build();
 * }</pre>
 *
 * @param config       timeouts, TLS, proxy and retries; the base URI is the submission API's root
 *                     (the part before {@code /v1})
 * @param tokenUri     the OAuth 2.0 token endpoint
 * @param clientId     the API client's id
 * @param clientSecret the API client's secret
 * @param scopes       scopes to request, empty for none (the default)
 * @param trustAnchors the roots destination keys' {@code x5c} chains must lead to
 * @param clock        the clock for token expiry, callbacks and SET times
 */
public record ClientSettings(OzgClientConfig config, URI tokenUri, String clientId, String clientSecret,
                             List<String> scopes, List<X509Certificate> trustAnchors, Clock clock) {

    /** Checks and copies the values. */
    public ClientSettings {
        Objects.requireNonNull(config, "config");
        config.requireBaseUri();
        Objects.requireNonNull(tokenUri, "tokenUri");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scopes = List.copyOf(scopes);
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(clock, "clock");
        if (trustAnchors.isEmpty()) {
            throw new InvalidSubmissionException("at least one trust anchor is needed to check destination keys"
                    + " (in production the root of the Verwaltungs-PKI)");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ClientSettings[" + config.requireBaseUri() + ", tokenUri=" + tokenUri + ", clientId=" + clientId
                + ", clientSecret=<redacted>, scopes=" + scopes + ", trustAnchors=" + trustAnchors.size() + "]";
    }

    /** Builds {@link ClientSettings}. Not thread-safe. */
    public static final class Builder {
        private OzgClientConfig config;
        private URI tokenUri;
        private String clientId;
        private String clientSecret;
        private final List<String> scopes = new ArrayList<>();
        private final List<X509Certificate> trustAnchors = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param config client configuration; its base URI is the submission API's root
         * @return this builder
         */
        public Builder config(OzgClientConfig config) {
            this.config = config;
            return this;
        }

        /**
         * @param tokenUri     the token endpoint
         * @param clientId     the client id
         * @param clientSecret the client secret (sent in the form body)
         * @return this builder
         */
        public Builder credentials(URI tokenUri, String clientId, String clientSecret) {
            this.tokenUri = tokenUri;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * @param scope scopes to request (none by default)
         * @return this builder
         */
        public Builder scopes(String... scope) {
            scopes.addAll(List.of(scope));
            return this;
        }

        /**
         * @param anchors trusted root certificates for destination keys
         * @return this builder
         */
        public Builder trustAnchors(X509Certificate... anchors) {
            trustAnchors.addAll(List.of(anchors));
            return this;
        }

        /**
         * @param clock the clock (the system clock by default)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @return the settings */
        public ClientSettings build() {
            return new ClientSettings(config, tokenUri, clientId, clientSecret, scopes, trustAnchors, clock);
        }
    }
}
