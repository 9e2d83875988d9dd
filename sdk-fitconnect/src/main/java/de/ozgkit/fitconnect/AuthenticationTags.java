package de.ozgkit.fitconnect;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The AES-GCM authentication tags (the last segment of each compact JWE) of a submission's parts,
 * as recorded in the {@code submit-submission} and {@code accept-submission} events. They bind the
 * event log to exactly the ciphertexts that were sent and received.
 *
 * @param metadata    the tag of the metadata JWE
 * @param data        the tag of the data JWE, may be {@code null} when there is no data
 * @param attachments the tag of each attachment JWE by attachment id
 */
public record AuthenticationTags(String metadata, String data, Map<UUID, String> attachments) {

    /** Checks the values. */
    public AuthenticationTags {
        Objects.requireNonNull(metadata, "metadata");
        attachments = Map.copyOf(attachments);
    }
}
