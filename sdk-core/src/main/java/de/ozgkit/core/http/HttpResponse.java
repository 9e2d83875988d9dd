package de.ozgkit.core.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP response: status, header fields and the complete body (bounded by the client's
 * maximum response size). Immutable and thread-safe.
 */
public final class HttpResponse {

    private static final byte[] EMPTY_BODY = new byte[0];

    private final int status;
    private final Headers headers;
    private final byte[] body;

    /**
     * Creates a response.
     *
     * @param status  the status code
     * @param headers the header fields
     * @param body    the body (copied), empty for none
     */
    public HttpResponse(int status, Headers headers, byte[] body) {
        this(status, headers, body, true);
    }

    HttpResponse(int status, Headers headers, byte[] body, boolean copy) {
        this.status = status;
        this.headers = headers == null ? Headers.EMPTY : headers;
        this.body = body == null ? EMPTY_BODY : copy ? body.clone() : body;
    }

    byte[] rawBody() {
        return body;
    }

    /** @return the status code */
    public int status() {
        return status;
    }

    /** @return the header fields */
    public Headers headers() {
        return headers;
    }

    /** @return a copy of the body */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body as a stream, read straight from the response without a copy */
    public java.io.InputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body);
    }

    /** @return the body length in bytes */
    public int bodyLength() {
        return body.length;
    }

    /** @return the media type without parameters, lower case, e.g. {@code "application/problem+json"} */
    public Optional<String> mediaType() {
        return headers.first("Content-Type")
                .map(ct -> ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty());
    }

    /** @return the body decoded with the charset of its Content-Type, UTF-8 by default */
    public String bodyAsString() {
        Charset charset = StandardCharsets.UTF_8;
        Optional<String> ct = headers.first("Content-Type");
        if (ct.isPresent()) {
            for (String param : ct.get().split(";")) {
                String p = param.trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        charset = Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        // keep UTF-8 for an unknown charset
                    }
                }
            }
        }
        return new String(body, charset);
    }

    /** @return whether the status is 2xx */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
