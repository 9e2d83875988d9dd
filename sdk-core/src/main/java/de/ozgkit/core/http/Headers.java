package de.ozgkit.core.http;

import de.ozgkit.core.OzgClientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable HTTP header fields; names are compared case-insensitively and kept in the order they
 * were first added.
 */
public final class Headers {

    /** No header fields. */
    public static final Headers EMPTY = new Headers(Map.of());

    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-api-key");

    /** lower-case name -> (original name, values) */
    private final Map<String, Map.Entry<String, List<String>>> fields;

    private Headers(Map<String, Map.Entry<String, List<String>>> fields) {
        this.fields = fields;
    }

    /**
     * Creates headers from a map of names to values.
     *
     * @param map header names to values
     * @return the headers
     */
    public static Headers of(Map<String, List<String>> map) {
        Builder b = builder();
        map.forEach((name, values) -> values.forEach(v -> b.add(name, v)));
        return b.build();
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds headers from name/value pairs that a parser already checked; no validation, one map.
     */
    static Headers trusted(List<String> namesAndValues) {
        Map<String, Map.Entry<String, List<String>>> map = new LinkedHashMap<>(namesAndValues.size());
        for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
            String name = namesAndValues.get(i);
            String value = namesAndValues.get(i + 1);
            String key = name.toLowerCase(Locale.ROOT);
            Map.Entry<String, List<String>> e = map.get(key);
            if (e == null) {
                map.put(key, Map.entry(name, List.of(value)));
            } else {
                List<String> values = new ArrayList<>(e.getValue());
                values.add(value);
                map.put(key, Map.entry(e.getKey(), List.copyOf(values)));
            }
        }
        return new Headers(Collections.unmodifiableMap(map));
    }

    void forEachField(java.util.function.BiConsumer<String, String> action) {
        for (Map.Entry<String, List<String>> e : fields.values()) {
            for (String v : e.getValue()) {
                action.accept(e.getKey(), v);
            }
        }
    }

    /** @return a builder holding these fields */
    public Builder toBuilder() {
        Builder b = new Builder();
        // the fields were checked when they were added; copy them as they are
        fields.forEach((key, e) -> b.fields.put(key, Map.entry(e.getKey(), new ArrayList<>(e.getValue()))));
        return b;
    }

    /**
     * @param name the header name, any case
     * @return the first value, empty when absent
     */
    public Optional<String> first(String name) {
        Map.Entry<String, List<String>> e = fields.get(name.toLowerCase(Locale.ROOT));
        return e == null || e.getValue().isEmpty() ? Optional.empty() : Optional.of(e.getValue().get(0));
    }

    /**
     * @param name the header name, any case
     * @return all values, empty when absent
     */
    public List<String> all(String name) {
        Map.Entry<String, List<String>> e = fields.get(name.toLowerCase(Locale.ROOT));
        return e == null ? List.of() : e.getValue();
    }

    /** @return the header names as first added */
    public List<String> names() {
        List<String> names = new ArrayList<>(fields.size());
        fields.values().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** @return the headers as a map of names to values */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        fields.values().forEach(e -> m.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(m);
    }

    /**
     * Whether a header carries credentials or session state and must never be logged.
     *
     * @param name the header name
     * @return {@code true} for Authorization, Proxy-Authorization, Cookie, Set-Cookie and X-Api-Key
     */
    public static boolean isSensitive(String name) {
        return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
    }

    /** @return the headers with the values of sensitive headers replaced by {@code <redacted>} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        fields.values().forEach(e -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(isSensitive(e.getKey()) ? "<redacted>" : e.getValue());
        });
        return sb.append('}').toString();
    }

    /** Collects header fields. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Map.Entry<String, List<String>>> fields = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a value, keeping earlier values of the same name.
         *
         * @param name  the name
         * @param value the value
         * @return this builder
         */
        public Builder add(String name, String value) {
            check(name, value);
            fields.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> Map.entry(name, new ArrayList<>()))
                    .getValue().add(value);
            return this;
        }

        /**
         * Sets a value, replacing earlier values of the same name.
         *
         * @param name  the name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            check(name, value);
            List<String> values = new ArrayList<>();
            values.add(value);
            fields.put(name.toLowerCase(Locale.ROOT), Map.entry(name, values));
            return this;
        }

        /**
         * Removes all values of a name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder remove(String name) {
            fields.remove(name.toLowerCase(Locale.ROOT));
            return this;
        }

        private static void check(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            boolean nameOk = !name.isEmpty();
            for (int i = 0; nameOk && i < name.length(); i++) {
                char c = name.charAt(i);
                nameOk = c > ' ' && c < 127 && c != ':';
            }
            if (!nameOk) {
                throw OzgClientException.invalidArgument("header name must be a non-empty token, was \"" + name + "\"");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw OzgClientException.invalidArgument("header " + name + " must not contain CR, LF or NUL");
                }
            }
        }

        /** @return the immutable headers */
        public Headers build() {
            Map<String, Map.Entry<String, List<String>>> copy = new LinkedHashMap<>();
            fields.forEach((k, e) -> copy.put(k, Map.entry(e.getKey(), List.copyOf(e.getValue()))));
            return new Headers(Collections.unmodifiableMap(copy));
        }
    }
}
