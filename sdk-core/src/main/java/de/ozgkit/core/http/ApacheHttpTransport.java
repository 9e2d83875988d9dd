package de.ozgkit.core.http;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.ProxyConfig;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.core.internal.RedactingConnections;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The default {@link HttpTransport}: Apache HttpClient 5 (classic API) with a connection pool,
 * timeouts, TLS from {@link TlsConfig}, an optional proxy and transparent gzip/deflate. Retries,
 * redirects and cookies are switched off: ozgkit's pipeline decides about retries, and services
 * are not expected to redirect API calls.
 *
 * <p>An exchange is aborted, and its connection discarded rather than drained for reuse, when the
 * answer grows beyond {@link OzgClientConfig#maxResponseBytes()} or when the time given to
 * {@link #execute(HttpRequest, Duration)} runs out: a hostile or broken server can neither make the
 * client read an endless body nor hold a call by sending one byte at a time.
 *
 * <p>HttpClient's header and wire logs ({@code org.apache.hc.client5.http.headers},
 * {@code ...wire}) are written with the values of {@code Authorization} and
 * {@code Proxy-Authorization} and OAuth2 secrets replaced (see {@link RedactingConnections}).
 */
final class ApacheHttpTransport implements HttpTransport {

    private static final byte[] EMPTY = new byte[0];
    private static final ConcurrentHashMap<String, ContentType> CONTENT_TYPES = new ConcurrentHashMap<>();

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;
    private final int maxResponseBytes;
    /**
     * How often the watchdog looks for exchanges whose time ran out. A timed exchange only registers
     * itself (no thread is woken per exchange); the watchdog cancels it at most this late.
     */
    static final long WATCHDOG_PERIOD_MILLIS = 50;

    /** An exchange with a time limit, as the watchdog sees it. */
    private static final class Timed {
        final HttpUriRequestBase request;
        final long deadline;
        volatile boolean timedOut;

        Timed(HttpUriRequestBase request, long deadline) {
            this.request = request;
            this.deadline = deadline;
        }
    }

    private final Set<Timed> timed = ConcurrentHashMap.newKeySet();
    /** Cancels exchanges whose time ran out; one daemon thread, started with the first timed call. */
    private volatile ScheduledThreadPoolExecutor watchdog;
    /** Set on the calling thread when a server asked for a client certificate during this call's handshake. */
    private final ThreadLocal<Boolean> clientCertificateRequested = new ThreadLocal<>();

    ApacheHttpTransport(OzgClientConfig config) {
        this.maxResponseBytes = config.maxResponseBytes();
        TlsConfig tls = config.tls().orElse(null);
        SSLContext ssl = tls == null ? defaultSslContext()
                : tls.createSslContext(() -> clientCertificateRequested.set(Boolean.TRUE));
        ClientTlsStrategyBuilder tlsBuilder = ClientTlsStrategyBuilder.create()
                .setSslContext(ssl)
                .setTlsVersions(tls == null ? new String[] {"TLSv1.3", "TLSv1.2"} : tls.protocols().toArray(String[]::new));
        if (tls != null && !tls.hostnameVerification()) {
            tlsBuilder.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            tlsBuilder.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT);
        }
        Timeout connect = Timeout.ofMilliseconds(config.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(config.readTimeout().toMillis());
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(RedactingConnections.factory())
                .setTlsSocketStrategy(tlsBuilder.buildClassic())
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect)
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent(config.userAgent())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement();
        ProxyConfig proxy = config.proxy().orElse(null);
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost("http", proxy.host(), proxy.port());
            builder.setProxy(proxyHost);
            if (proxy.username() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost),
                        new UsernamePasswordCredentials(proxy.username(), proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.client = builder.build();
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new de.ozgkit.core.OzgClientException(de.ozgkit.core.OzgClientException.Kind.TLS,
                    "the JDK has no default TLS context", e, 0);
        }
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        return execute(request, null, null);
    }

    @Override
    public HttpResponse execute(HttpRequest request, Duration timeout) throws IOException {
        return execute(request, null, timeout);
    }

    @Override
    public HttpResponse execute(HttpRequest request, BodyHandler handler) throws IOException {
        return execute(request, handler, null);
    }

    @Override
    public HttpResponse execute(HttpRequest request, BodyHandler handler, Duration timeout) throws IOException {
        clientCertificateRequested.remove();
        HttpUriRequestBase req = toApache(request);
        Timed watched = null;
        if (timeout != null) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new InterruptedIOException("no time is left for this exchange");
            }
            watched = new Timed(req, System.nanoTime() + timeout.toNanos());
            startWatchdog();
            timed.add(watched);
        }
        try {
            return client.execute(req, response -> {
                int status = response.getCode();
                if (status < 100 || status > 599) {
                    req.cancel();
                    throw new org.apache.hc.core5.http.ProtocolException("the status code " + status
                            + " is outside 100 to 599");
                }
                Header[] received = response.getHeaders();
                List<String> headers = new ArrayList<>(received.length * 2);
                for (Header h : received) {
                    headers.add(h.getName());
                    headers.add(h.getValue());
                }
                HttpEntity entity = response.getEntity();
                if (handler != null && status >= 200 && status < 300) {
                    streamTo(handler, status, Headers.trusted(headers), entity, req);
                    return new HttpResponse(status, Headers.trusted(headers), EMPTY, false);
                }
                byte[] body = entity == null ? EMPTY : readBounded(entity, req);
                return new HttpResponse(status, Headers.trusted(headers), body, false);
            });
        } catch (ResponseTooLargeException | SSLException e) {
            throw e;
        } catch (HandlerFailure e) {
            if (watched != null && watched.timedOut) {
                throw timedOut(timeout, e.getCause());
            }
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException e) {
            // HttpClient's parser refuses some malformed answers (a status of 000) with unchecked exceptions
            req.cancel();
            throw new java.net.ProtocolException("the answer is not valid HTTP (" + e.getMessage() + ")");
        } catch (IOException e) {
            if (watched != null && watched.timedOut) {
                throw timedOut(timeout, e);
            }
            if (!(e instanceof InterruptedIOException) && Boolean.TRUE.equals(clientCertificateRequested.get())) {
                // TLS 1.3: the server checks the client certificate after the handshake has completed on
                // the client's side and then usually just drops the connection, without a readable alert
                SSLHandshakeException tls = new SSLHandshakeException("the server closed the connection right after"
                        + " asking for a client certificate, so it most likely refused the client certificate"
                        + " (none configured, issued by a CA the server does not trust, expired or revoked)");
                tls.initCause(e);
                throw tls;
            }
            throw e;
        } finally {
            if (watched != null) {
                timed.remove(watched);
            }
            clientCertificateRequested.remove();
        }
    }

    private static InterruptedIOException timedOut(Duration timeout, Throwable cause) {
        InterruptedIOException t = new InterruptedIOException("the time for this exchange (" + timeout.toMillis()
                + " ms) ran out; the exchange was cancelled and its connection discarded");
        t.initCause(cause);
        return t;
    }

    private static HttpUriRequestBase toApache(HttpRequest request) {
        HttpUriRequestBase req = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().forEachField((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                req.addHeader(name, value);
            }
        });
        byte[] requestBody = request.rawBody();
        if (requestBody != null) {
            req.setEntity(new ByteArrayEntity(requestBody, contentType(request.headers().first("Content-Type")
                    .orElse("application/octet-stream"))));
        } else if (request.streamingBody().isPresent()) {
            req.setEntity(new StreamingEntity(request.streamingBody().get(), contentType(request.headers()
                    .first("Content-Type").orElse("application/octet-stream"))));
        }
        return req;
    }

    private void startWatchdog() {
        if (watchdog == null) {
            synchronized (this) {
                if (watchdog == null) {
                    ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
                        Thread thread = new Thread(r, "ozgkit-call-timeout");
                        thread.setDaemon(true);
                        return thread;
                    });
                    w.scheduleWithFixedDelay(this::cancelOverdue, WATCHDOG_PERIOD_MILLIS, WATCHDOG_PERIOD_MILLIS,
                            TimeUnit.MILLISECONDS);
                    watchdog = w;
                }
            }
        }
    }

    /** Cancels every registered exchange whose time has run out; its connection is closed, not reused. */
    private void cancelOverdue() {
        long now = System.nanoTime();
        for (Timed t : timed) {
            if (now - t.deadline >= 0) {
                t.timedOut = true;
                t.request.cancel();
                timed.remove(t);
            }
        }
    }

    /**
     * Parsed content types by header value; requests use a handful, so the cache stays tiny. Parsed
     * leniently: the body is already bytes, so a charset this Java runtime does not know is sent as
     * given instead of failing with an {@code UnsupportedCharsetException}.
     */
    private static ContentType contentType(String value) {
        ContentType ct = CONTENT_TYPES.get(value);
        if (ct == null) {
            ct = ContentType.parseLenient(value);
            if (CONTENT_TYPES.size() < 64) {
                CONTENT_TYPES.putIfAbsent(value, ct);
            }
        }
        return ct;
    }

    /**
     * Reads the whole body within the size limit: into an array of exactly the declared length when
     * the server sent Content-Length, otherwise into a growing array (compressed or chunked answers).
     * At the limit the exchange is cancelled, so that the connection is closed instead of being
     * drained for reuse (which would read the rest of an endless body).
     */
    private byte[] readBounded(HttpEntity entity, HttpUriRequestBase req) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxResponseBytes) {
            req.cancel();
            throw new ResponseTooLargeException(maxResponseBytes, declared);
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return EMPTY;
        }
        if (declared >= 0) {
            byte[] body = new byte[(int) declared];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                throw new ConnectionClosedException("the answer ended after " + read + " of " + declared
                        + " announced bytes");
            }
            in.close();
            return body;
        }
        byte[] buf = new byte[1024];
        int total = 0;
        int n;
        while ((n = in.read(buf, total, buf.length - total)) > 0) {
            total += n;
            if (total > maxResponseBytes) {
                req.cancel();
                throw new ResponseTooLargeException(maxResponseBytes, -1);
            }
            if (total == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) maxResponseBytes + 1));
            }
        }
        in.close();
        return total == buf.length ? buf : Arrays.copyOf(buf, total);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.IMMEDIATE);
        ScheduledThreadPoolExecutor w = watchdog;
        if (w != null) {
            w.shutdownNow();
        }
    }

    /**
     * Hands the body of a 2xx answer to the handler. The stream it reads ends at the body's end; when
     * the handler fails or returns before that end, the exchange is cancelled so that the connection is
     * closed rather than drained for reuse (which would read the rest of an endless or dripping body).
     */
    private static void streamTo(BodyHandler handler, int status, Headers headers, HttpEntity entity,
                                 HttpUriRequestBase req) throws IOException {
        InputStream content = entity == null ? null : entity.getContent();
        EndAware in = new EndAware(content == null ? InputStream.nullInputStream() : content);
        boolean done = false;
        try {
            handler.handle(status, headers, in);
            done = in.ended;
        } catch (RuntimeException e) {
            throw new HandlerFailure(e);
        } finally {
            if (!done) {
                req.cancel();
            }
        }
        in.close();
    }

    /** Carries an unchecked exception of a body handler past the handling of HttpClient's own failures. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /** A body stream that notes whether its reader reached the end. */
    private static final class EndAware extends java.io.FilterInputStream {
        boolean ended;

        EndAware(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }
    }

    /** A request body written to the connection by its {@link HttpRequest.BodyWriter} on each attempt. */
    private static final class StreamingEntity extends AbstractHttpEntity {
        private final HttpRequest.StreamingBody body;

        StreamingEntity(HttpRequest.StreamingBody body, ContentType contentType) {
            super(contentType, null, body.contentLength() < 0);
            this.body = body;
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public long getContentLength() {
            return body.contentLength();
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("a streaming request body is written, not read");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            body.writer().writeTo(out);
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
