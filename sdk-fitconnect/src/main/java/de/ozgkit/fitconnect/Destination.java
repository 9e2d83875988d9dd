package de.ozgkit.fitconnect;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The public information of a destination (Zustellpunkt): whether it accepts submissions, for which
 * services and data schemas, and which key to encrypt for.
 *
 * @param destinationId    the destination's id
 * @param status           {@code active}, {@code inactive} or {@code archived}
 * @param services         the services it accepts submissions for
 * @param encryptionKid    the id of its current encryption key
 * @param metadataVersions the metadata schema versions it reads, e.g. {@code 1.0.0}, {@code 2.0.0}
 * @param replyChannels    the reply channels it offers (member names such as {@code eMail})
 */
public record Destination(UUID destinationId, String status, List<Service> services, String encryptionKid,
                          List<String> metadataVersions, List<String> replyChannels) {

    /** Checks and copies the values. */
    public Destination {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(status, "status");
        services = List.copyOf(services);
        metadataVersions = List.copyOf(metadataVersions);
        replyChannels = List.copyOf(replyChannels);
    }

    /** @return whether the destination accepts submissions */
    public boolean isActive() {
        return "active".equals(status);
    }

    /**
     * A service of the destination.
     *
     * @param identifier        the service URN
     * @param submissionSchemas the data schemas accepted for it
     * @param regions           the regions (e.g. {@code DE09162000}) it serves
     */
    public record Service(String identifier, List<SubmissionSchema> submissionSchemas, List<String> regions) {
        /** Copies the lists. */
        public Service {
            Objects.requireNonNull(identifier, "identifier");
            submissionSchemas = List.copyOf(submissionSchemas);
            regions = List.copyOf(regions);
        }
    }
}
