package de.ozgkit.fitconnect;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The major versions of the FIT-Connect metadata schema this client reads and writes. Metadata of
 * any 1.x.y is validated against the official schema 1.0.0 (later 1.x versions only added optional
 * members), metadata of any 2.x.y against the official schema 2.0.0.
 */
public enum MetadataVersion {
    /** Metadata 1.x, written as 1.0.0; still sent by older senders. */
    V1("1.0.0"),
    /** Metadata 2.x, written as 2.0.0. */
    V2("2.0.0");

    private static final Pattern URI = Pattern.compile(
            "^https://schema\\.fitko\\.de/fit-connect/metadata/(\\d+)\\.(\\d+)\\.(\\d+)/metadata\\.schema\\.json$");

    private final String written;

    MetadataVersion(String written) {
        this.written = written;
    }

    /** @return the exact version written by this client, e.g. {@code 2.0.0} */
    public String writtenVersion() {
        return written;
    }

    /** @return the schema URI written as {@code $schema} */
    public String schemaUri() {
        return "https://schema.fitko.de/fit-connect/metadata/" + written + "/metadata.schema.json";
    }

    /**
     * @param schemaUri the {@code $schema} of received metadata
     * @return the major version, empty when the URI is not a FIT-Connect metadata schema of a known major
     */
    public static Optional<MetadataVersion> ofSchemaUri(String schemaUri) {
        if (schemaUri == null) {
            return Optional.empty();
        }
        Matcher m = URI.matcher(schemaUri);
        if (!m.matches()) {
            return Optional.empty();
        }
        return switch (m.group(1)) {
            case "1" -> Optional.of(V1);
            case "2" -> Optional.of(V2);
            default -> Optional.empty();
        };
    }
}
