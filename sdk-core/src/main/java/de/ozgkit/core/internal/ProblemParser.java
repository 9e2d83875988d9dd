package de.ozgkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.Problem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads RFC 9457 problem details. Lenient where the RFC is (members of the wrong type are ignored,
 * as section 3.1 asks), strict about JSON syntax: a body that is not a JSON object is no problem.
 */
public final class ProblemParser {

    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance");

    private ProblemParser() {
    }

    /**
     * Parses a problem body.
     *
     * @param body the response body
     * @return the problem, empty when the body is empty or not a JSON object
     */
    public static Optional<Problem> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        ObjectMapper mapper = Json.mapper();
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        root.properties().forEach(e -> {
            if (!STANDARD.contains(e.getKey())) {
                extensions.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
            }
        });
        JsonNode status = root.get("status");
        Integer statusValue = status != null && status.isInt() && status.intValue() >= 100 && status.intValue() <= 599
                ? status.intValue() : null;
        return Optional.of(new Problem(text(root, "type"), text(root, "title"), statusValue, text(root, "detail"),
                text(root, "instance"), extensions));
    }

    private static String text(JsonNode root, String name) {
        JsonNode n = root.get(name);
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
