package de.ozgkit.core.internal;

import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.Sleeper;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import de.ozgkit.core.http.Interceptor;
import de.ozgkit.core.http.ResponseTooLargeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every ozgkit client runs its requests through: interceptors, authentication, retries with
 * backoff and {@code Retry-After}, and the mapping of error answers to exceptions.
 *
 * <p>Order per attempt: user interceptors, then authentication, then the transport. A request id
 * ({@code X-Request-Id}) is added once per call and kept across retries so the service can
 * correlate them.
 *
 * <p>Thread-safe; create one per client and close it with the client.
 */
public final class HttpPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("de.ozgkit.http");

    private final OzgClientConfig config;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final OAuth2TokenSource oauth2;
    private final Sleeper sleeper;

    /**
     * The outcome of a call: the last response and how many attempts it took.
     *
     * @param response the final response, whatever its status
     * @param attempts attempts made, at least 1
     * @param request  the request as sent on the last attempt (with request id)
     */
    public record Exchange(HttpResponse response, int attempts, HttpRequest request) {
    }

    /**
     * Creates a pipeline; uses the configured transport or creates (and then owns) the default one.
     *
     * @param config the client configuration
     */
    public HttpPipeline(OzgClientConfig config) {
        this(config, Sleeper.SYSTEM);
    }

    /**
     * Creates a pipeline with a custom way to wait between attempts.
     *
     * @param config  the client configuration
     * @param sleeper waits between attempts
     */
    public HttpPipeline(OzgClientConfig config, Sleeper sleeper) {
        this(config, sleeper, Clock.systemUTC());
    }

    /**
     * Creates a pipeline with a custom way to wait and a custom clock (deciding token expiry).
     *
     * @param config  the client configuration
     * @param sleeper waits between attempts
     * @param clock   the clock for OAuth2 token expiry
     */
    public HttpPipeline(OzgClientConfig config, Sleeper sleeper, Clock clock) {
        this.config = config;
        // refuse credentials over plain http before anything is opened
        config.baseUri().ifPresent(this::checkCredentialsTransport);
        if (config.credentials() instanceof Credentials.OAuth2ClientCredentials c
                && !config.allowCredentialsOverPlainHttp() && !isSafeForCredentials(c.tokenUri())) {
            throw OzgClientException.configuration("refusing to send the OAuth2 client secret over plain http to "
                    + c.tokenUri().getHost() + ": anyone on the way could read it. Use an https:// token URI, or,"
                    + " for a test network without TLS, OzgClientConfig.builder().allowCredentialsOverPlainHttp(true)");
        }
        this.ownsTransport = config.transport().isEmpty();
        this.transport = config.transport().orElseGet(() -> HttpTransport.create(config));
        this.oauth2 = config.credentials() instanceof Credentials.OAuth2ClientCredentials c
                ? new OAuth2TokenSource(c, transport, clock) : null;
        this.sleeper = sleeper;
    }

    /** @return the configuration */
    public OzgClientConfig config() {
        return config;
    }

    /** @return the OAuth2 token source, when the credentials are OAuth2 client credentials */
    public Optional<OAuth2TokenSource> oauth2() {
        return Optional.ofNullable(oauth2);
    }

    /**
     * Resolves path segments against the base URI, percent-encoding each segment.
     *
     * @param segments the path segments, e.g. {@code "paymenttransaction", originatorId, endPointId}
     * @return the absolute URI
     * @throws OzgClientException of kind CONFIGURATION when no base URI is configured, of kind
     *                            INVALID_ARGUMENT for an empty segment or one of dots only ({@code .},
     *                            {@code ..}), which would change the path instead of naming a resource
     */
    public URI resolve(String... segments) {
        URI base = config.requireBaseUri();
        StringBuilder path = new StringBuilder(base.getRawPath() == null ? "" : base.getRawPath());
        if (path.length() > 0 && path.charAt(path.length() - 1) == '/') {
            path.setLength(path.length() - 1);
        }
        for (String s : segments) {
            path.append('/').append(PathSegments.encode(s));
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }

    /**
     * Sends a request with retries and returns the last response whatever its status. The whole
     * call, every attempt and every pause between attempts, is bounded by
     * {@link OzgClientConfig#callTimeout()}.
     *
     * @param request the request
     * @return the exchange
     * @throws OzgClientException when no usable response was received within the retry policy and the
     *                            call timeout
     */
    public Exchange send(HttpRequest request) {
        return send(request, null);
    }

    /**
     * Sends a request with retries; the body of a successful answer (2xx) goes to the handler as a
     * stream instead of into memory. A retry after a failure while the handler read calls the
     * handler again, which then starts over.
     *
     * @param request the request
     * @param handler consumes the body of a 2xx answer; {@code null} to read it into the response
     * @return the exchange; its response body is empty for a 2xx answer read by the handler
     * @throws OzgClientException when no usable response was received within the retry policy and the
     *                            call timeout
     */
    public Exchange send(HttpRequest request, HttpTransport.BodyHandler handler) {
        checkCredentialsTransport(request.uri());
        HttpRequest req = request.headers().first(ErrorMapper.REQUEST_ID_HEADERS[0]).isPresent() ? request
                : request.toBuilder().header(ErrorMapper.REQUEST_ID_HEADERS[0], newRequestId()).build();
        RetryPolicy policy = config.retryPolicy();
        long deadline = System.nanoTime() + config.callTimeout().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            long start = System.nanoTime();
            HttpResponse response;
            try {
                response = new Chain(req, attempt, 0, deadline, handler).proceed(req);
            } catch (IOException e) {
                if (deadline - System.nanoTime() <= 0) {
                    throw callTimeout(req, attempt, e);
                }
                Failure f = classify(e);
                boolean retry = f.retryable && attempt < policy.maxAttempts() && (f.notSent || req.isRetrySafe());
                LOG.debug("{} attempt {} failed: {} ({})", req, attempt, f.kind, e.getClass().getSimpleName());
                if (!retry) {
                    throw new OzgClientException(f.kind, req + ": " + f.message, e, attempt);
                }
                pause(policy.backoff(attempt), req, attempt, deadline, e);
                continue;
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> {} in {} ms (attempt {})", req, response.status(),
                        (System.nanoTime() - start) / 1_000_000, attempt);
            }
            if (policy.retryStatuses().contains(response.status()) && req.isRetrySafe() && attempt < policy.maxAttempts()) {
                Optional<Duration> retryAfter = ErrorMapper.retryAfter(response);
                Duration wait = retryAfter.isPresent() ? retryAfter.get() : policy.backoff(attempt);
                if (retryAfter.isPresent() && retryAfter.get().compareTo(policy.maxRetryAfter()) > 0
                        || wait.toNanos() >= deadline - System.nanoTime()) {
                    // waiting as asked would pass the cap or the call timeout: the answer stands
                    return new Exchange(response, attempt, req);
                }
                pause(wait, req, attempt, deadline, null);
                continue;
            }
            return new Exchange(response, attempt, req);
        }
    }

    /**
     * A random version 4 UUID for the {@code X-Request-Id} header. It only correlates log lines, so
     * it comes from the fast per-thread generator rather than a shared {@code SecureRandom}.
     *
     * @return the id
     */
    static String newRequestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /**
     * Sends a request with retries and throws the mapped exception for an error answer.
     *
     * @param request the request
     * @return the successful exchange (status below 400)
     * @throws OzgServiceException for an error answer (status 400 and above)
     * @throws OzgClientException  when no usable response was received
     */
    public Exchange call(HttpRequest request) {
        return call(request, null, ErrorMapper.STATUS_ONLY);
    }

    /**
     * Sends a request with retries and throws the exception the service's hook (or the status)
     * chooses for an error answer.
     *
     * @param request the request
     * @param hook    the service's part of the error mapping
     * @return the successful exchange (status below 400)
     * @throws OzgServiceException for an error answer (status 400 and above)
     * @throws OzgClientException  when no usable response was received
     */
    public Exchange call(HttpRequest request, ErrorMapper.Hook hook) {
        return call(request, null, hook);
    }

    /**
     * Sends a request with retries, streams the body of a successful answer to the handler and
     * throws the mapped exception for an error answer. The call timeout covers the handler's reading:
     * when it runs out, the exchange is cancelled.
     *
     * @param request the request
     * @param handler consumes the body of a 2xx answer; {@code null} to read it into the response
     * @return the successful exchange (status below 400)
     * @throws OzgServiceException for an error answer (status 400 and above)
     * @throws OzgClientException  when no usable response was received
     */
    public Exchange call(HttpRequest request, HttpTransport.BodyHandler handler) {
        return call(request, handler, ErrorMapper.STATUS_ONLY);
    }

    /**
     * Sends a request with retries, streams the body of a successful answer to the handler and
     * throws the exception the service's hook (or the status) chooses for an error answer.
     *
     * @param request the request
     * @param handler consumes the body of a 2xx answer; {@code null} to read it into the response
     * @param hook    the service's part of the error mapping
     * @return the successful exchange (status below 400)
     * @throws OzgServiceException for an error answer (status 400 and above)
     * @throws OzgClientException  when no usable response was received
     */
    public Exchange call(HttpRequest request, HttpTransport.BodyHandler handler, ErrorMapper.Hook hook) {
        Exchange ex = send(request, handler);
        if (ex.response().status() >= 400) {
            throw ErrorMapper.toException(ex.request(), ex.response(), ex.attempts(), hook);
        }
        return ex;
    }

    private void pause(Duration wait, HttpRequest req, int attempt, long deadline, IOException last) {
        if (wait.toNanos() >= deadline - System.nanoTime()) {
            // the next attempt would start after the call timeout
            throw callTimeout(req, attempt, last);
        }
        LOG.debug("{} retrying in {} ms after attempt {}", req, wait.toMillis(), attempt);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new OzgClientException(OzgClientException.Kind.IO, req + ": interrupted while waiting to retry", ie, attempt);
        }
    }

    private OzgClientException callTimeout(HttpRequest req, int attempt, IOException last) {
        return new OzgClientException(OzgClientException.Kind.TIMEOUT, req + ": the call did not complete within the"
                + " call timeout of " + config.callTimeout().toMillis() + " ms (OzgClientConfig.callTimeout)"
                + (last == null ? "" : "; the last attempt failed with " + last.getClass().getSimpleName())
                + "; the service answers too slowly or not at all, try again later", last, attempt);
    }

    /**
     * Refuses to send credentials over plain http to anything but the loopback interface, unless the
     * configuration allows it.
     */
    private void checkCredentialsTransport(URI uri) {
        if (!(config.credentials() instanceof Credentials.None) && !config.allowCredentialsOverPlainHttp()
                && !isSafeForCredentials(uri)) {
            throw OzgClientException.configuration("refusing to send " + credentialsName() + " over plain http to "
                    + uri.getHost() + ": anyone on the way could read them. Use an https:// URI, or, for a test"
                    + " network without TLS, OzgClientConfig.builder().allowCredentialsOverPlainHttp(true)");
        }
    }

    private String credentialsName() {
        Credentials c = config.credentials();
        return c instanceof Credentials.Basic ? "HTTP Basic credentials"
                : c instanceof Credentials.Bearer ? "a bearer token" : "OAuth2 client credentials and tokens";
    }

    /**
     * Whether credentials may travel to this URI: https, or http to the loopback interface.
     *
     * @param uri the URI
     * @return {@code true} for https and for http to localhost, 127.0.0.0/8 or ::1
     */
    static boolean isSafeForCredentials(URI uri) {
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return true;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private HttpResponse authorizedExchange(HttpRequest request, long deadline, HttpTransport.BodyHandler handler) throws IOException {
        Credentials credentials = config.credentials();
        if (!(credentials instanceof Credentials.None)) {
            checkCredentialsTransport(request.uri());
        }
        if (credentials instanceof Credentials.Basic b) {
            String pair = b.username() + ":" + b.password();
            return execute(request.toBuilder().header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))).build(),
                    deadline, handler);
        } else if (credentials instanceof Credentials.Bearer t) {
            return execute(request.toBuilder().header("Authorization", "Bearer " + t.token()).build(), deadline,
                    handler);
        } else if (oauth2 != null) {
            String token = oauth2.token(remaining(deadline));
            HttpResponse response = execute(request.toBuilder().header("Authorization", "Bearer " + token).build(),
                    deadline, handler);
            if (response.status() == 401) {
                // the token may have been revoked or expired early: renew once; a 401 means the
                // request was not processed, so sending it again is safe
                LOG.debug("{} answered 401; renewing the OAuth2 token once", request);
                oauth2.invalidate(token);
                token = oauth2.token(remaining(deadline));
                response = execute(request.toBuilder().header("Authorization", "Bearer " + token).build(), deadline,
                        handler);
            }
            return response;
        }
        return execute(request, deadline, handler);
    }

    private HttpResponse execute(HttpRequest request, long deadline, HttpTransport.BodyHandler handler)
            throws IOException {
        return transport.execute(request, handler, remaining(deadline));
    }

    /** The time left until the deadline; an exchange that would start without time left fails at once. */
    private static Duration remaining(long deadline) throws InterruptedIOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new InterruptedIOException("the call timeout ran out before the exchange could start");
        }
        return Duration.ofNanos(left);
    }

    private final class Chain implements Interceptor.Chain {
        private final HttpRequest request;
        private final int attempt;
        private final int index;
        private final long deadline;
        private final HttpTransport.BodyHandler handler;

        Chain(HttpRequest request, int attempt, int index, long deadline, HttpTransport.BodyHandler handler) {
            this.request = request;
            this.attempt = attempt;
            this.index = index;
            this.deadline = deadline;
            this.handler = handler;
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public HttpResponse proceed(HttpRequest next) throws IOException {
            List<Interceptor> interceptors = config.interceptors();
            if (index < interceptors.size()) {
                HttpResponse r = interceptors.get(index).intercept(
                        new Chain(next, attempt, index + 1, deadline, handler));
                if (r == null) {
                    throw OzgClientException.configuration("interceptor " + interceptors.get(index) + " returned null;"
                            + " an interceptor must return chain.proceed(request) or a response of its own");
                }
                return r;
            }
            return authorizedExchange(next, deadline, handler);
        }
    }

    private record Failure(OzgClientException.Kind kind, boolean retryable, boolean notSent, String message) {
    }

    static Failure classify(IOException e) {
        if (e instanceof ResponseTooLargeException) {
            return new Failure(OzgClientException.Kind.PROTOCOL, false, false, e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return new Failure(OzgClientException.Kind.IO, false, true,
                    "host name could not be resolved; check the base URI and DNS");
        }
        if (e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            return new Failure(OzgClientException.Kind.TIMEOUT, true, true,
                    "connect timeout; the service did not accept the connection in time");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new Failure(OzgClientException.Kind.IO, true, true,
                    "connection refused or unreachable; check the base URI and that the service runs");
        }
        if (e instanceof SSLException) {
            return new Failure(OzgClientException.Kind.TLS, false, false,
                    "TLS handshake failed (" + e.getMessage() + "); check the trusted certificates, the server's"
                            + " certificate and, for mutual TLS, the client certificate");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new Failure(OzgClientException.Kind.TIMEOUT, true, false,
                    "read timeout; the service did not answer in time");
        }
        return new Failure(OzgClientException.Kind.IO, true, false,
                "I/O failure (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "); the connection broke before a complete answer arrived");
    }

    /**
     * Closes the transport if this pipeline created it.
     */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }
}
