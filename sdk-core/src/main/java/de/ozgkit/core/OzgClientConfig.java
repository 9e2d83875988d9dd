package de.ozgkit.core;

import de.ozgkit.core.http.HttpTransport;
import de.ozgkit.core.http.Interceptor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a client needs to reach a service: base URI, timeouts, retry policy, credentials, TLS
 * material, proxy, user agent, interceptors and, optionally, a transport of its own.
 *
 * <pre>{@code
 * OzgClientConfig config = OzgClientConfig.builder()
 *         .baseUri(URI.create("https://payment.example.org/api/v1"))
 *         .credentials(Credentials.oauth2ClientCredentials(tokenUri, "client", secret, List.of()))
 *         .readTimeout(Duration.ofSeconds(20))
 *         .build();
 * OzgClientConfig slower = config.toBuilder().readTimeout(Duration.ofMinutes(1)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. There is no static or global configuration: each client gets its
 * own config object.
 */
public final class OzgClientConfig {

    /** Default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default read (response) timeout: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default largest accepted response body: 16 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    /** Default time a call may take in all, every attempt and every pause between attempts included: 2 minutes. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

    private final URI baseUri;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final Credentials credentials;
    private final TlsConfig tls;
    private final ProxyConfig proxy;
    private final String userAgent;
    private final List<Interceptor> interceptors;
    private final HttpTransport transport;
    private final int maxResponseBytes;
    private final int maxConnections;
    private final boolean allowCredentialsOverPlainHttp;

    private OzgClientConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.retryPolicy = b.retryPolicy;
        this.credentials = b.credentials;
        this.tls = b.tls;
        this.proxy = b.proxy;
        this.userAgent = b.userAgent;
        this.interceptors = List.copyOf(b.interceptors);
        this.transport = b.transport;
        this.maxResponseBytes = b.maxResponseBytes;
        this.maxConnections = b.maxConnections;
        this.allowCredentialsOverPlainHttp = b.allowCredentialsOverPlainHttp;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUri = baseUri;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.retryPolicy = retryPolicy;
        b.credentials = credentials;
        b.tls = tls;
        b.proxy = proxy;
        b.userAgent = userAgent;
        b.interceptors.addAll(interceptors);
        b.transport = transport;
        b.maxResponseBytes = maxResponseBytes;
        b.maxConnections = maxConnections;
        b.allowCredentialsOverPlainHttp = allowCredentialsOverPlainHttp;
        return b;
    }

    /** @return the base URI that request paths are resolved against, empty when not set */
    public Optional<URI> baseUri() {
        return Optional.ofNullable(baseUri);
    }

    /**
     * @return the base URI
     * @throws OzgClientException of kind CONFIGURATION when no base URI is configured
     */
    public URI requireBaseUri() {
        if (baseUri == null) {
            throw OzgClientException.configuration("no base URI is configured; set OzgClientConfig.builder().baseUri(...)");
        }
        return baseUri;
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the read (response) timeout */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * @return the time a call may take in all: every attempt (connecting, sending, waiting, reading)
     *         and every pause between attempts; when it runs out the exchange in flight is cancelled
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the HTTP credentials */
    public Credentials credentials() {
        return credentials;
    }

    /** @return the TLS settings, empty for the JDK defaults */
    public Optional<TlsConfig> tls() {
        return Optional.ofNullable(tls);
    }

    /** @return the proxy, empty for a direct connection */
    public Optional<ProxyConfig> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** @return the User-Agent header value */
    public String userAgent() {
        return userAgent;
    }

    /** @return the interceptors in the order they run */
    public List<Interceptor> interceptors() {
        return interceptors;
    }

    /** @return the transport supplied by the user, empty when the client creates the default one */
    public Optional<HttpTransport> transport() {
        return Optional.ofNullable(transport);
    }

    /** @return the largest accepted response body in bytes (after decompression) */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** @return the size of the connection pool per route and in all */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * @return whether credentials may be sent over plain {@code http://} to hosts other than the
     *         loopback interface (off by default)
     */
    public boolean allowCredentialsOverPlainHttp() {
        return allowCredentialsOverPlainHttp;
    }

    @Override
    public String toString() {
        return "OzgClientConfig[baseUri=" + baseUri + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy + ", credentials="
                + credentials + ", tls=" + tls + ", proxy=" + proxy + ", userAgent=" + userAgent + ", interceptors="
                + interceptors.size() + ", customTransport=" + (transport != null) + "]";
    }

    /** Builds an {@link OzgClientConfig}. Not thread-safe. */
    public static final class Builder {
        private URI baseUri;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Credentials credentials = Credentials.none();
        private TlsConfig tls;
        private ProxyConfig proxy;
        private String userAgent = defaultUserAgent();
        private final List<Interceptor> interceptors = new ArrayList<>();
        private HttpTransport transport;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxConnections = 20;
        private boolean allowCredentialsOverPlainHttp;

        private Builder() {
        }

        /**
         * @param baseUri absolute http(s) URI that request paths are resolved against
         * @return this builder
         * @throws OzgClientException of kind CONFIGURATION when the URI is not absolute http(s) or has a
         *                            query or fragment
         */
        public Builder baseUri(URI baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            if (!baseUri.isAbsolute() || baseUri.getHost() == null
                    || !("http".equalsIgnoreCase(baseUri.getScheme()) || "https".equalsIgnoreCase(baseUri.getScheme()))) {
                throw OzgClientException.configuration("base URI must be an absolute http or https URI, was " + baseUri);
            }
            if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
                throw OzgClientException.configuration("base URI must not have a query or fragment, was " + baseUri);
            }
            this.baseUri = baseUri;
            return this;
        }

        /**
         * @param baseUri absolute http(s) URI
         * @return this builder
         * @throws OzgClientException of kind CONFIGURATION when the text is no URI, or the URI is not absolute
         *                            http(s) or has a query or fragment
         */
        public Builder baseUri(String baseUri) {
            Objects.requireNonNull(baseUri, "baseUri");
            URI uri;
            try {
                uri = new URI(baseUri);
            } catch (java.net.URISyntaxException e) {
                throw OzgClientException.configuration("base URI is not a URI (" + e.getReason() + " at index "
                        + e.getIndex() + "); escape spaces and reserved characters");
            }
            return baseUri(uri);
        }

        /**
         * @param timeout time allowed to open a connection (including the TLS handshake)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout time allowed between sending the request and receiving the response, and
         *                between two packets of the response
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets the time a call may take in all, every attempt and the pauses between attempts
         * included. When it runs out, the exchange in flight is cancelled (its connection closed)
         * and the call fails with {@link OzgClientException.Kind#TIMEOUT}; a server that answers
         * slowly, one byte at a time, cannot hold a call longer. The OAuth2 token request of a call
         * counts towards it.
         *
         * @param timeout the time allowed for a call (default {@link #DEFAULT_CALL_TIMEOUT})
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "callTimeout");
            return this;
        }

        /**
         * @param policy how to retry failed attempts; {@link RetryPolicy#none()} to switch retries off
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * @param credentials HTTP authentication
         * @return this builder
         */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * @param tls trust anchors, client certificate, hostname verification; {@code null} for JDK defaults
         * @return this builder
         */
        public Builder tls(TlsConfig tls) {
            this.tls = tls;
            return this;
        }

        /**
         * @param proxy the HTTP proxy, {@code null} for a direct connection
         * @return this builder
         */
        public Builder proxy(ProxyConfig proxy) {
            this.proxy = proxy;
            return this;
        }

        /**
         * @param userAgent the User-Agent header value
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            Objects.requireNonNull(userAgent, "userAgent");
            if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c == 127)) {
                throw OzgClientException.configuration("user agent must be non-blank printable text");
            }
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Adds an interceptor; interceptors run in the order added, once per attempt.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Uses this transport instead of creating the default one. The caller keeps ownership and
         * closes it; clients built from this config do not.
         *
         * @param transport the transport, {@code null} for the default
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * @param bytes the largest response body accepted (after decompression); larger answers fail
         *              with {@link OzgClientException.Kind#PROTOCOL}
         * @return this builder
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024) {
                throw OzgClientException.configuration("maxResponseBytes must be at least 1024, was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * @param connections size of the connection pool
         * @return this builder
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw OzgClientException.configuration("maxConnections must be at least 1, was " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * Allows sending credentials (Basic, Bearer, the OAuth2 client secret) over plain
         * {@code http://} to any host. By default they are sent over {@code http://} only to the
         * loopback interface (for a local sandbox); anywhere else the client refuses with
         * {@link OzgClientException.Kind#CONFIGURATION}, since anyone on the way could read them.
         *
         * @param allow whether to allow it (for test networks that lack TLS)
         * @return this builder
         */
        public Builder allowCredentialsOverPlainHttp(boolean allow) {
            this.allowCredentialsOverPlainHttp = allow;
            return this;
        }

        /** @return the configuration */
        public OzgClientConfig build() {
            return new OzgClientConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw OzgClientException.configuration(name + " must be positive, was " + d);
            }
            return d;
        }

        private static String defaultUserAgent() {
            String version = OzgClientConfig.class.getPackage().getImplementationVersion();
            return "ozgkit/" + (version == null ? "dev" : version) + " Java/" + Runtime.version().feature();
        }
    }
}
