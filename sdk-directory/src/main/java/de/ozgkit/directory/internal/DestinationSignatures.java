package de.ozgkit.directory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import de.ozgkit.directory.FitConnectDestination;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the payload of a FIT-Connect destination signature (a compact JWT) without verifying it:
 * {@code destinationId} and {@code submissionHost}. Anything else than three base64url parts with
 * a JSON object payload naming a destination id is "unreadable".
 */
final class DestinationSignatures {

    /** Longest signature read; real ones are well below 4 KiB. */
    static final int MAX_LENGTH = 16 * 1024;

    private DestinationSignatures() {
    }

    static Optional<FitConnectDestination> read(String signature) {
        if (signature == null || signature.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = signature.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode node = Json.mapper().readTree(payload);
            if (node == null || !node.isObject() || !node.path("destinationId").isTextual()
                    || node.path("destinationId").textValue().isBlank()) {
                return Optional.empty();
            }
            JsonNode host = node.get("submissionHost");
            return Optional.of(new FitConnectDestination(node.get("destinationId").textValue(),
                    host != null && host.isTextual() ? host.textValue() : null, signature));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}
