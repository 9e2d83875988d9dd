package de.ozgkit.core.internal;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.ProxyConfig;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The default {@link HttpTransport}: Apache HttpClient 5 (classic API) with a connection pool,
 * timeouts, TLS from {@link TlsConfig}, an optional proxy and transparent gzip/deflate. Retries,
 * redirects and cookies are switched off: ozgkit's pipeline decides about retries, and services
 * are not expected to redirect API calls.
 */
public final class ApacheHttpTransport implements HttpTransport {

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;
    private final int maxResponseBytes;
    /** Set on the calling thread when a server asked for a client certificate during this call's handshake. */
    private final ThreadLocal<Boolean> clientCertificateRequested = new ThreadLocal<>();

    /**
     * Creates the transport.
     *
     * @param config timeouts, TLS, proxy, user agent and response limit
     */
    public ApacheHttpTransport(OzgClientConfig config) {
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
                .setTlsSocketStrategy(tlsBuilder.buildClassic())
                .setMaxConnTotal(config.maxConnections())
                .setMaxConnPerRoute(config.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setTimeToLive(org.apache.hc.core5.util.TimeValue.ofMinutes(5))
                        .setValidateAfterInactivity(org.apache.hc.core5.util.TimeValue.ofSeconds(2))
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
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        clientCertificateRequested.remove();
        try {
            return exchange(request);
        } catch (SSLException | InterruptedIOException | ResponseTooLargeException e) {
            throw e;
        } catch (IOException e) {
            if (Boolean.TRUE.equals(clientCertificateRequested.get())) {
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
            clientCertificateRequested.remove();
        }
    }

    private HttpResponse exchange(HttpRequest request) throws IOException {
        HttpMessages.Access messages = HttpMessages.access();
        HttpUriRequestBase req = new HttpUriRequestBase(request.method(), request.uri());
        messages.forEach(request.headers(), (name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                req.addHeader(name, value);
            }
        });
        byte[] requestBody = messages.body(request);
        if (requestBody != null) {
            req.setEntity(new ByteArrayEntity(requestBody, contentType(request.headers().first("Content-Type")
                    .orElse("application/octet-stream"))));
        }
        return client.execute(req, response -> {
            Header[] received = response.getHeaders();
            List<String> headers = new ArrayList<>(received.length * 2);
            for (Header h : received) {
                headers.add(h.getName());
                headers.add(h.getValue());
            }
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? EMPTY : readBounded(entity);
            return messages.newResponse(response.getCode(), messages.headers(headers), body);
        });
    }

    /** Parsed content types by header value; requests use a handful, so the cache stays tiny. */
    private static ContentType contentType(String value) {
        ContentType ct = CONTENT_TYPES.get(value);
        if (ct == null) {
            ct = ContentType.parse(value);
            if (CONTENT_TYPES.size() < 64) {
                CONTENT_TYPES.putIfAbsent(value, ct);
            }
        }
        return ct;
    }

    private static final byte[] EMPTY = new byte[0];
    private static final ConcurrentHashMap<String, ContentType> CONTENT_TYPES = new ConcurrentHashMap<>();

    /**
     * Reads the whole body within the size limit: into an array of exactly the declared length when
     * the server sent Content-Length, otherwise into a growing array (compressed or chunked answers).
     */
    private byte[] readBounded(HttpEntity entity) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxResponseBytes) {
            throw new ResponseTooLargeException(maxResponseBytes);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return EMPTY;
            }
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                if (read < body.length) {
                    throw new org.apache.hc.core5.http.ConnectionClosedException(
                            "the answer ended after " + read + " of " + declared + " announced bytes");
                }
                return body;
            }
            byte[] buf = new byte[1024];
            int total = 0;
            int n;
            while ((n = in.read(buf, total, buf.length - total)) > 0) {
                total += n;
                if (total > maxResponseBytes) {
                    throw new ResponseTooLargeException(maxResponseBytes);
                }
                if (total == buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) maxResponseBytes + 1));
                }
            }
            return total == buf.length ? buf : Arrays.copyOf(buf, total);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        pool.close(CloseMode.IMMEDIATE);
    }

    /** The response body exceeded the configured limit; the connection is discarded. */
    public static final class ResponseTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ResponseTooLargeException(int max) {
            super("response body is larger than the limit of " + max + " bytes (OzgClientConfig.maxResponseBytes)");
        }
    }

}
