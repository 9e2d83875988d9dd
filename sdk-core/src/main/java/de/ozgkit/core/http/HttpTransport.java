package de.ozgkit.core.http;

import de.ozgkit.core.OzgClientConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Reads the body of a successful answer (2xx) as a stream, for answers too large to hold in
     * memory. It is called at most once per exchange; when a retried request gets another
     * successful answer, it is called again and must start over.
     */
    @FunctionalInterface
    interface BodyHandler {
        /**
         * Consumes the body.
         *
         * @param status  the status code (2xx)
         * @param headers the response header fields
         * @param body    the body as it arrives; the transport closes it afterwards
         * @throws IOException when reading fails; the exchange fails as an I/O failure
         */
        void handle(int status, Headers headers, InputStream body) throws IOException;
    }

    /**
     * Sends a request and hands the body of a successful answer (2xx) to a handler instead of
     * reading it into memory; error answers are read whole as by {@link #execute(HttpRequest)}.
     *
     * <p>The default implementation works with any transport by buffering (the body array of the
     * request is written from a streaming body first, the response body is read whole, both within
     * memory); the default transport streams both ways.
     *
     * @param request the request
     * @param handler consumes the body of a 2xx answer
     * @return the response; for a 2xx answer its body is empty
     * @throws IOException when no complete response was received or the handler failed
     */
    default HttpResponse execute(HttpRequest request, BodyHandler handler) throws IOException {
        HttpRequest buffered = request;
        if (request.streamingBody().isPresent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            request.streamingBody().get().writer().writeTo(out);
            buffered = request.toBuilder().body(request.headers().first("Content-Type")
                    .orElse("application/octet-stream"), out.toByteArray()).build();
        }
        HttpResponse response = execute(buffered);
        if (!response.isSuccessful()) {
            return response;
        }
        try (InputStream in = new ByteArrayInputStream(response.body())) {
            handler.handle(response.status(), response.headers(), in);
        }
        return new HttpResponse(response.status(), response.headers(), null, false);
    }

    /**
     * Sends a request within a time limit and hands the body of a successful answer (2xx) to a
     * handler, or reads it whole when the handler is {@code null}. The default transport cancels
     * the exchange when the time runs out, also while the handler reads or a streaming request body
     * is written, and when the handler returns before the end of the body (the connection is closed,
     * never drained for reuse).
     *
     * <p>The default implementation ignores the limit and calls {@link #execute(HttpRequest, Duration)}
     * or {@link #execute(HttpRequest, BodyHandler)}.
     *
     * @param request the request
     * @param handler consumes the body of a 2xx answer; {@code null} to read it into the response
     * @param timeout the time allowed for the whole exchange, positive
     * @return the response; for a 2xx answer read by the handler its body is empty
     * @throws IOException as {@link #execute(HttpRequest)}; {@link java.io.InterruptedIOException} when the
     *                     time ran out
     */
    default HttpResponse execute(HttpRequest request, BodyHandler handler, Duration timeout) throws IOException {
        return handler == null ? execute(request, timeout) : execute(request, handler);
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
