package de.ozgkit.fitconnect.internal;

import de.ozgkit.core.OzgClientException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The JSON mapper of the FIT-Connect module: strict syntax (no duplicate members, no trailing
 * tokens), decimals as {@link java.math.BigDecimal}, nesting bounded, and strings up to 256 MiB
 * because the submission resource carries the encrypted data inline.
 */
public final class FcJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxStringLength(256 * 1024 * 1024)
                            .maxNumberLength(64)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private FcJson() {
    }

    /** @return the shared mapper; do not reconfigure it */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * @param bytes JSON bytes
     * @return the tree
     * @throws IOException when the bytes are not JSON
     */
    public static JsonNode read(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null) {
            throw new IOException("empty document");
        }
        return node;
    }

    /**
     * @param node  an object
     * @param field a member name
     * @return the member's text, empty when absent, null or not a string
     */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
    }

    /**
     * @param node  an object
     * @param field a member name
     * @return the member as UUID, empty when absent or not a UUID
     */
    public static Optional<UUID> uuid(JsonNode node, String field) {
        return text(node, field).flatMap(FcJson::parseUuid);
    }

    /**
     * @param text a UUID's text
     * @return the UUID, empty when malformed
     */
    public static Optional<UUID> parseUuid(String text) {
        try {
            UUID u = UUID.fromString(text);
            return u.toString().equalsIgnoreCase(text) ? Optional.of(u) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param node  an object
     * @param field a member holding an array of strings
     * @return the strings, empty when absent
     */
    public static List<String> texts(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual()) {
                    out.add(e.textValue());
                }
            }
        }
        return out;
    }

    /**
     * @param node a tree
     * @return its compact JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "cannot write the JSON tree: " + e.getMessage(), e, 0);
        }
    }
}
