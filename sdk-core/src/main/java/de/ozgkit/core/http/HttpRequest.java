package de.ozgkit.core.http;

import de.ozgkit.core.OzgClientException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One HTTP request as ozgkit sends it: method, absolute URI, header fields and an optional body.
 *
 * <p>Whether a failed request may be retried depends on {@link #isRetrySafe()}: requests with an
 * idempotent method (GET, HEAD, OPTIONS, PUT, DELETE) are, and so are requests that carry an
 * {@linkplain Builder#idempotencyKey(String) idempotency key} such as the XBezahldienste
 * {@code requestId}, which lets the service recognise a repeated request.
 *
 * <p>A body is either an array ({@link Builder#body(String, byte[])}) or a {@linkplain StreamingBody
 * streaming body} written straight to the connection ({@link Builder#body(String, long, BodyWriter)}),
 * for bodies too large to hold in memory.
 *
 * <p>Instances are immutable and thread-safe (the body array is copied in and out).
 */
public final class HttpRequest {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    private final String method;
    private final URI uri;
    private final Headers headers;
    private final byte[] body;
    private final StreamingBody streamingBody;
    private final String idempotencyKey;

    private HttpRequest(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = b.headers.build();
        this.body = b.body;
        this.streamingBody = b.streamingBody;
        this.idempotencyKey = b.idempotencyKey;
    }

    /**
     * Writes a streaming request body to the connection. It is called once per attempt, so a
     * retried request writes the same content again; it must write exactly the announced length.
     */
    @FunctionalInterface
    public interface BodyWriter {
        /**
         * Writes the whole body.
         *
         * @param out the connection's stream; do not close it
         * @throws IOException when the body cannot be produced or written
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A body written straight to the connection instead of held in memory.
     *
     * @param contentLength the exact length in bytes, or -1 for chunked transfer
     * @param writer        writes the body, once per attempt
     */
    public record StreamingBody(long contentLength, BodyWriter writer) {
        /** Checks the values. */
        public StreamingBody {
            Objects.requireNonNull(writer, "writer");
            if (contentLength < -1) {
                throw OzgClientException.invalidArgument("contentLength must be -1 (unknown) or at least 0, was " + contentLength);
            }
        }
    }

    /**
     * @param method the HTTP method, e.g. {@code "GET"}
     * @param uri    the absolute URI
     * @return a builder
     */
    public static Builder builder(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** @return a builder holding this request's values */
    public Builder toBuilder() {
        Builder b = new Builder(method, uri);
        b.headers = headers.toBuilder();
        b.body = body;
        b.streamingBody = streamingBody;
        b.idempotencyKey = idempotencyKey;
        return b;
    }

    /** @return the upper-case HTTP method */
    public String method() {
        return method;
    }

    /** @return the absolute request URI */
    public URI uri() {
        return uri;
    }

    /** @return the header fields */
    public Headers headers() {
        return headers;
    }

    /** @return a copy of the body, empty when the request has none */
    public Optional<byte[]> body() {
        return body == null ? Optional.empty() : Optional.of(body.clone());
    }

    byte[] rawBody() {
        return body;
    }

    /** @return the streaming body, when the request has one instead of a body array */
    public Optional<StreamingBody> streamingBody() {
        return Optional.ofNullable(streamingBody);
    }

    /** @return the body length in bytes, 0 when there is none or the body streams */
    public int bodyLength() {
        return body == null ? 0 : body.length;
    }

    /** @return the idempotency key, if the request carries one */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * Whether repeating this request cannot cause a second effect: the method is idempotent or the
     * request carries an idempotency key.
     *
     * @return {@code true} if retries are safe
     */
    public boolean isRetrySafe() {
        return IDEMPOTENT.contains(method) || idempotencyKey != null;
    }

    /** @return method and URI path, never the query (which may carry personal data) */
    @Override
    public String toString() {
        return method + " " + uri.getRawPath();
    }

    /** Builds a request. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private Headers.Builder headers = Headers.builder();
        private byte[] body;
        private StreamingBody streamingBody;
        private String idempotencyKey;

        private Builder(String method, URI uri) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw OzgClientException.invalidArgument("request URI must be absolute with a host, was " + uri);
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw OzgClientException.invalidArgument("request URI must use http or https, was " + scheme);
            }
            this.method = method.toUpperCase(Locale.ROOT);
            this.uri = uri;
        }

        /**
         * Sets a header, replacing earlier values.
         *
         * @param name  header name
         * @param value header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /**
         * Sets the body and its content type.
         *
         * @param contentType e.g. {@code "application/json"}
         * @param content     the body bytes (copied)
         * @return this builder
         */
        public Builder body(String contentType, byte[] content) {
            headers.set("Content-Type", contentType);
            this.body = content.clone();
            this.streamingBody = null;
            return this;
        }

        /**
         * Sets a streaming body: the writer writes it to the connection on each attempt, so the
         * body is never held in memory as a whole.
         *
         * @param contentType   e.g. {@code "application/jose"}
         * @param contentLength the exact length in bytes, or -1 to send it chunked
         * @param writer        writes the body, once per attempt
         * @return this builder
         */
        public Builder body(String contentType, long contentLength, BodyWriter writer) {
            headers.set("Content-Type", contentType);
            this.streamingBody = new StreamingBody(contentLength, writer);
            this.body = null;
            return this;
        }

        /**
         * Sets a UTF-8 text body and its content type.
         *
         * @param contentType e.g. {@code "application/json"}
         * @param content     the body text
         * @return this builder
         */
        public Builder body(String contentType, String content) {
            headers.set("Content-Type", contentType);
            this.body = content.getBytes(StandardCharsets.UTF_8);
            this.streamingBody = null;
            return this;
        }

        /**
         * Marks the request as carrying an idempotency key, which makes retries safe even for POST.
         * The key is not sent as a header by ozgkit; it is the protocol's job to carry it (e.g. in
         * the body).
         *
         * @param key the key, e.g. the XBezahldienste {@code requestId}
         * @return this builder
         */
        public Builder idempotencyKey(String key) {
            this.idempotencyKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** @return the request */
        public HttpRequest build() {
            return new HttpRequest(this);
        }
    }
}
