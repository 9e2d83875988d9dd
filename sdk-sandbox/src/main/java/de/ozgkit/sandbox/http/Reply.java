package de.ozgkit.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import de.ozgkit.core.internal.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP answer of a simulator: status, headers and body bytes. Immutable and thread-safe.
 *
 * <pre>{@code
 * Reply.json(transaction);                                   // 200, application/json
 * Reply.json(201, Map.of("id", id)).withHeader("Location", uri);
 * Reply.html("<!doctype html><p>Paid</p>");
 * Reply.problem(400, "Invalid request", "currency must be EUR");
 * Reply.redirect("https://shop.example/return");             // 303 See Other
 * }</pre>
 */
public final class Reply {

    /** Media type of JSON bodies. */
    public static final String APPLICATION_JSON = "application/json";
    /** Media type of RFC 9457 problem details. */
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";
    /** Media type of HTML bodies (UTF-8). */
    public static final String TEXT_HTML = "text/html;charset=utf-8";
    /** Media type of plain text bodies (UTF-8). */
    public static final String TEXT_PLAIN = "text/plain;charset=utf-8";

    static final Set<String> STANDARD_PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private Reply(int status, Map<String, List<String>> headers, byte[] body) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100..599, was " + status);
        }
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A reply with the given body bytes.
     *
     * @param status      the HTTP status
     * @param contentType the media type, {@code null} for none
     * @param body        the body, {@code null} for none
     * @return the reply
     */
    public static Reply bytes(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return new Reply(status, Collections.unmodifiableMap(headers), body == null ? EMPTY : body.clone());
    }

    /**
     * A reply without body, e.g. {@code 204}.
     *
     * @param status the HTTP status
     * @return the reply
     */
    public static Reply status(int status) {
        return bytes(status, null, null);
    }

    /**
     * A {@code 200} JSON reply.
     *
     * @param body a value Jackson can write (records, maps, lists, {@code JsonNode})
     * @return the reply
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static Reply json(Object body) {
        return json(200, body);
    }

    /**
     * A JSON reply.
     *
     * @param status the HTTP status
     * @param body   a value Jackson can write (records, maps, lists, {@code JsonNode})
     * @return the reply
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static Reply json(int status, Object body) {
        return bytes(status, APPLICATION_JSON, writeJson(body));
    }

    /**
     * A {@code 200} HTML reply (UTF-8).
     *
     * @param html the page
     * @return the reply
     */
    public static Reply html(String html) {
        return html(200, html);
    }

    /**
     * An HTML reply (UTF-8).
     *
     * @param status the HTTP status
     * @param html   the page
     * @return the reply
     */
    public static Reply html(int status, String html) {
        return bytes(status, TEXT_HTML, Objects.requireNonNull(html, "html").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A plain text reply (UTF-8).
     *
     * @param status the HTTP status
     * @param text   the text
     * @return the reply
     */
    public static Reply text(int status, String text) {
        return bytes(status, TEXT_PLAIN, Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An {@code application/problem+json} reply of type {@code about:blank}.
     *
     * @param status the HTTP status
     * @param title  a short summary of the problem type
     * @param detail what went wrong and how to fix it; may be {@code null}
     * @return the reply
     */
    public static Reply problem(int status, String title, String detail) {
        return problem(status, null, title, detail, Map.of());
    }

    /**
     * An {@code application/problem+json} reply (RFC 9457).
     *
     * @param status     the HTTP status; also written as member {@code status}
     * @param type       the problem type URI reference, {@code null} for {@code about:blank}
     * @param title      a short summary of the problem type
     * @param detail     what went wrong and how to fix it; may be {@code null}
     * @param extensions extension members such as {@code functionalCode}; may be empty
     * @return the reply
     */
    public static Reply problem(int status, String type, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type == null || type.isBlank() ? "about:blank" : type);
        members.put("title", Objects.requireNonNull(title, "title"));
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
        if (extensions != null) {
            extensions.forEach((name, value) -> {
                if (!STANDARD_PROBLEM_MEMBERS.contains(name)) {
                    members.put(name, value);
                }
            });
        }
        return bytes(status, APPLICATION_PROBLEM_JSON, writeJson(members));
    }

    /**
     * A {@code 303 See Other} redirect, the answer to a form POST that leads the browser on.
     *
     * @param location the target, absolute or relative
     * @return the reply
     */
    public static Reply redirect(String location) {
        return redirect(303, location);
    }

    /**
     * A redirect.
     *
     * @param status   301, 302, 303, 307 or 308
     * @param location the target, absolute or relative
     * @return the reply
     * @throws IllegalArgumentException if the status is not a redirect status
     */
    public static Reply redirect(int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("redirect status must be 301, 302, 303, 307 or 308, was " + status);
        }
        return status(status).withHeader("Location", Objects.requireNonNull(location, "location"));
    }

    /**
     * Returns a copy with one more header value.
     *
     * @param name  the header name
     * @param value the value
     * @return the new reply
     * @throws IllegalArgumentException if name or value contain line breaks
     */
    public Reply withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0 || name.indexOf(':') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header name must be a token and the value a single line: " + name);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, List.copyOf(values));
        return new Reply(status, Collections.unmodifiableMap(copy), body);
    }

    /**
     * Returns a copy with a {@code Retry-After} header in whole seconds (rounded up).
     *
     * @param delay the delay the client should wait
     * @return the new reply
     */
    public Reply withRetryAfter(Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        return withHeader("Retry-After", Long.toString((millis + 999) / 1000));
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the headers (unmodifiable), names as given */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * Returns the first value of a header, matching the name case-insensitively.
     *
     * @param name the header name
     * @return the value, empty when absent
     */
    public Optional<String> header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /** @return a copy of the body bytes, empty when there is none */
    public byte[] body() {
        return body.clone();
    }

    /** @return the body length in bytes */
    public int bodyLength() {
        return body.length;
    }

    /** @return the body decoded as UTF-8 */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Reply[" + status + ", " + header("Content-Type").orElse("no body type") + ", "
                + body.length + " bytes]";
    }

    private static byte[] writeJson(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
