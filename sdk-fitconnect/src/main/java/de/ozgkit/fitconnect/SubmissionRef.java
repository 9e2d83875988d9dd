package de.ozgkit.fitconnect;

import java.util.Objects;
import java.util.UUID;

/**
 * A submission's identifiers, as listed for pickup and sent in callbacks.
 *
 * @param destinationId the destination
 * @param submissionId  the submission
 * @param caseId        the case (Vorgang) the submission belongs to
 */
public record SubmissionRef(UUID destinationId, UUID submissionId, UUID caseId) {
    /** Checks the values. */
    public SubmissionRef {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(caseId, "caseId");
    }
}
