package de.ozgkit.fitconnect.internal;

import de.ozgkit.core.OzgClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import de.ozgkit.fitconnect.MetadataVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Validates metadata against the official FIT-Connect metadata schemas 1.0.0 and 2.0.0 (JSON Schema
 * 2020-12, bundled unchanged as resources), with networknt's json-schema-validator and format
 * assertions on ({@code uuid}, {@code uri}, {@code email}, {@code date}, {@code date-time}).
 */
public final class MetadataSchemas {

    private static final Map<MetadataVersion, Schema> SCHEMAS = load();
    /** Findings reported at most; a hostile document could produce thousands. */
    private static final int MAX_FINDINGS = 50;

    private MetadataSchemas() {
    }

    private static Map<MetadataVersion, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<MetadataVersion, Schema> schemas = new EnumMap<>(MetadataVersion.class);
        for (MetadataVersion v : MetadataVersion.values()) {
            String resource = "metadata-" + v.writtenVersion() + ".schema.json";
            try (InputStream in = MetadataSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "the metadata schema "
                            + resource + " is missing from the class path; the sdk-fitconnect jar is incomplete", null, 0);
                }
                schemas.put(v, registry.getSchema(in));
            } catch (IOException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "cannot read the metadata schema " + resource + ": " + e.getMessage(), e, 0);
            }
        }
        return schemas;
    }

    /**
     * @param metadata the metadata tree
     * @param version  the schema version to validate against
     * @return the violations as {@code <location>: <message>}, empty when valid
     */
    public static List<String> validate(JsonNode metadata, MetadataVersion version) {
        List<Error> errors = SCHEMAS.get(version).validate(metadata);
        List<String> out = new ArrayList<>();
        for (Error e : errors) {
            if (out.size() == MAX_FINDINGS) {
                out.add("... " + (errors.size() - MAX_FINDINGS) + " more");
                break;
            }
            out.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }
}
