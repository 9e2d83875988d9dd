package de.ozgkit.sandbox.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Thrown by a {@link RouteHandler} (or by {@link RouteRequest} when the request is unusable) to
 * answer with an RFC 9457 problem detail ({@code application/problem+json}).
 *
 * <pre>{@code
 * throw new ProblemException(400, "Invalid request", "purpose must be at most 27 characters, was 31")
 *         .with("functionalCode", "VALIDATION_ERROR");
 * }</pre>
 *
 * <p>Extension members are added with {@link #with(String, Object)} before the exception is
 * thrown; it is not meant to be shared between threads while being built.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int status;
    /** The problem type URI reference. */
    private final String type;
    /** The title. */
    private final String title;
    /** The detail, may be {@code null}. */
    private final String detail;
    /** The extension members; values are JSON-writable, not necessarily serializable. */
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();

    /**
     * Creates a problem of type {@code about:blank}.
     *
     * @param status the HTTP status, 400..599
     * @param title  a short summary of the problem type, e.g. {@code "Invalid request"}
     * @param detail what went wrong in this occurrence and how to fix it; may be {@code null}
     * @throws IllegalArgumentException if the status is not an error status
     */
    public ProblemException(int status, String title, String detail) {
        this(status, null, title, detail);
    }

    /**
     * Creates a problem.
     *
     * @param status the HTTP status, 400..599
     * @param type   the problem type URI reference; {@code null} for {@code about:blank}
     * @param title  a short summary of the problem type
     * @param detail what went wrong in this occurrence and how to fix it; may be {@code null}
     * @throws IllegalArgumentException if the status is not an error status
     */
    public ProblemException(int status, String type, String title, String detail) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("problem status must be 400..599, was " + status);
        }
        this.status = status;
        this.type = type == null || type.isBlank() ? "about:blank" : type;
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
    }

    /**
     * Adds an extension member such as {@code functionalCode}.
     *
     * @param name  the member name; not one of the standard members
     * @param value the value (anything Jackson can write)
     * @return this exception
     * @throws IllegalArgumentException if the name is a standard member
     */
    public ProblemException with(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (Reply.STANDARD_PROBLEM_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is a standard problem member, not an extension");
        }
        extensions.put(name, value);
        return this;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the problem type URI reference, {@code about:blank} by default */
    public String type() {
        return type;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the detail, may be {@code null} */
    public String detail() {
        return detail;
    }

    /** @return the extension members in insertion order (unmodifiable view) */
    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    /** @return this problem as a reply */
    public Reply toReply() {
        return Reply.problem(status, type, title, detail, extensions);
    }
}
