package de.ozgkit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}) as a service sent it.
 *
 * <p>The standard members are {@code type}, {@code title}, {@code status}, {@code detail} and
 * {@code instance}; every other member is an extension member (for example XBezahldienste's
 * {@code functionalCode}) and is kept in {@link #extensions()} with its JSON value mapped to
 * {@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map} or {@code null}.
 *
 * @param type       problem type URI reference; {@code "about:blank"} when the service sent none
 * @param title      short human-readable summary, may be {@code null}
 * @param status     HTTP status the service put into the body, may be {@code null}
 * @param detail     human-readable explanation of this occurrence, may be {@code null}
 * @param instance   URI reference of this occurrence, may be {@code null}
 * @param extensions extension members by name, never {@code null}
 */
public record Problem(String type, String title, Integer status, String detail, String instance,
                      Map<String, Object> extensions) {

    /** The default problem type of RFC 9457. */
    public static final String ABOUT_BLANK = "about:blank";

    /** Canonical constructor; copies the extension map. */
    public Problem {
        type = type == null || type.isBlank() ? ABOUT_BLANK : type;
        extensions = extensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /**
     * Returns an extension member as text.
     *
     * @param name the member name, e.g. {@code "functionalCode"}
     * @return the member's value as a string, empty when absent or JSON {@code null}
     */
    public Optional<String> extension(String name) {
        Object value = extensions.get(Objects.requireNonNull(name, "name"));
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /**
     * Shortcut for the {@code functionalCode} extension member that XBezahldienste and other FIT
     * standards use to say which business rule failed.
     *
     * @return the functional code, empty when absent
     */
    public Optional<String> functionalCode() {
        return extension("functionalCode");
    }
}
