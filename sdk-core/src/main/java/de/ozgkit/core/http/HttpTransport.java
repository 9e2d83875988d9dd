package de.ozgkit.core.http;

import de.ozgkit.core.OzgClientConfig;
import java.io.IOException;
import java.time.Duration;

/**
 * Performs exactly one HTTP exchange. ozgkit's clients add retries, authentication, interceptors
 * and error mapping on top, so an implementation only moves bytes: it must not retry, follow
 * redirects or throw for error statuses.
 *
 * <p>The default implementation ({@link #create(OzgClientConfig)}) runs on Apache HttpClient 5 with
 * a connection pool, the configured timeouts, TLS material and proxy, and transparent gzip. Plug in
 * another with {@link OzgClientConfig.Builder#transport(HttpTransport)}.
 *
 * <p>Implementations must be thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request and reads the whole response.
     *
     * @param request the request
     * @return the response, whatever its status
     * @throws IOException when no complete response was received; {@link javax.net.ssl.SSLException}
     *                     for TLS failures, {@link java.net.SocketTimeoutException} for read timeouts,
     *                     {@link java.net.ConnectException} when the connection could not be opened,
     *                     {@link ResponseTooLargeException} when the body exceeds the configured limit
     */
    HttpResponse execute(HttpRequest request) throws IOException;

    /**
     * Sends a request and reads the whole response within a time limit. When the time runs out,
     * the exchange is cancelled (its connection closed, not reused) and an
     * {@link java.io.InterruptedIOException} is thrown. ozgkit's pipeline calls this with the time
     * left of the call ({@link OzgClientConfig#callTimeout()}).
     *
     * <p>The default implementation cannot cancel and ignores the limit; the pipeline then enforces
     * the call timeout only between attempts. The default transport overrides it.
     *
     * @param request the request
     * @param timeout the time allowed for the whole exchange, positive
     * @return the response, whatever its status
     * @throws IOException as {@link #execute(HttpRequest)}; {@link java.io.InterruptedIOException} when the
     *                     time ran out
     */
    default HttpResponse execute(HttpRequest request, Duration timeout) throws IOException {
        return execute(request);
    }

    /** Releases pooled connections and threads. */
    @Override
    void close();

    /**
     * Creates the default transport on Apache HttpClient 5.
     *
     * @param config timeouts, TLS, proxy, user agent and response size limit are taken from here
     * @return a new transport; close it when done
     * @throws de.ozgkit.core.OzgClientException if the TLS material is unusable
     */
    static HttpTransport create(OzgClientConfig config) {
        return new ApacheHttpTransport(config);
    }
}
