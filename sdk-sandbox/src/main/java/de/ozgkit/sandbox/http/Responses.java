package de.ozgkit.sandbox.http;

import de.ozgkit.sandbox.SandboxException;
import com.fasterxml.jackson.core.JsonProcessingException;
import de.ozgkit.core.internal.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Static helpers for answering with a Jetty {@link Response} where Jetty has none: a JSON body
 * written with Jackson, an RFC 9457 problem detail ({@code application/problem+json}), a
 * {@code Retry-After} header. Each {@code write} sets status and {@code Content-Type}, writes the
 * whole body as the last content and completes the callback. For the rest use Jetty's own:
 * {@code Content.Sink.write(response, true, text, callback)} for text and HTML (set the
 * {@code Content-Type} first), {@link Response#sendRedirect} for redirects,
 * {@code response.getHeaders().put(...)} for headers.
 *
 * <pre>{@code
 * Responses.json(response, callback, 200, transaction);
 * Responses.problem(response, callback, 403, "Forbidden", "this originator may not use the end point",
 *         Map.of("functionalCode", "FORBIDDEN"));
 * }</pre>
 */
public final class Responses {

    /** Media type of JSON bodies. */
    public static final String APPLICATION_JSON = "application/json";
    /** Media type of RFC 9457 problem details. */
    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

    private static final Set<String> STANDARD_PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private Responses() {
    }

    /**
     * Writes a JSON answer.
     *
     * @param response the response
     * @param callback the callback of the handler, completed when the body is written
     * @param status   the HTTP status
     * @param body     a value Jackson can write (records, maps, lists, {@code JsonNode})
     * @throws SandboxException if the value cannot be written as JSON (nothing is sent)
     */
    public static void json(Response response, Callback callback, int status, Object body) {
        bytes(response, callback, status, APPLICATION_JSON, writeJson(body));
    }

    /**
     * Writes an answer with the given body bytes.
     *
     * @param response    the response
     * @param callback    the callback of the handler
     * @param status      the HTTP status
     * @param contentType the media type, {@code null} for none
     * @param body        the body, may be empty
     */
    public static void bytes(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        if (contentType != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Writes an {@code application/problem+json} answer of type {@code about:blank}.
     *
     * @param response the response
     * @param callback the callback of the handler
     * @param status   the HTTP status, also written as member {@code status}
     * @param title    a short summary of the problem type, e.g. {@code "Bad Request"}
     * @param detail   what went wrong and how to fix it; may be {@code null}
     */
    public static void problem(Response response, Callback callback, int status, String title, String detail) {
        problem(response, callback, status, title, detail, Map.of());
    }

    /**
     * Writes an {@code application/problem+json} answer of type {@code about:blank} with extension
     * members.
     *
     * @param response   the response
     * @param callback   the callback of the handler
     * @param status     the HTTP status, also written as member {@code status}
     * @param title      a short summary of the problem type
     * @param detail     what went wrong and how to fix it; may be {@code null}
     * @param extensions extension members such as {@code functionalCode}, written after the standard
     *                   ones; standard member names among them are ignored
     */
    public static void problem(Response response, Callback callback, int status, String title, String detail,
                               Map<String, ?> extensions) {
        bytes(response, callback, status, APPLICATION_PROBLEM_JSON, writeJson(problemMembers(status, title, detail, extensions)));
    }

    /**
     * Builds the members of a problem detail, for services that write their own error shape.
     *
     * @param status     the HTTP status
     * @param title      a short summary of the problem type
     * @param detail     what went wrong; may be {@code null} (then left out)
     * @param extensions extension members; standard member names among them are ignored
     * @return {@code type} ({@code about:blank}), {@code title}, {@code status}, {@code detail}, then
     *         the extensions, in this order (a new mutable map)
     */
    public static Map<String, Object> problemMembers(int status, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", "about:blank");
        members.put("title", Objects.requireNonNull(title, "title"));
        members.put("status", status);
        if (detail != null) {
            members.put("detail", detail);
        }
        extensions.forEach((name, value) -> {
            if (!STANDARD_PROBLEM_MEMBERS.contains(name)) {
                members.put(name, value);
            }
        });
        return members;
    }

    /**
     * Sets {@code Retry-After} in whole seconds, rounded up.
     *
     * @param response the response, before its body is written
     * @param delay    how long the client should wait
     */
    public static void retryAfter(Response response, Duration delay) {
        long millis = Math.max(0, delay.toMillis());
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString((millis + 999) / 1000));
    }

    private static byte[] writeJson(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SandboxException("cannot write " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
