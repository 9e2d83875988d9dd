package de.ozgkit.fitconnect;

import java.util.Objects;
import java.util.UUID;

/**
 * A submission the sender has submitted. Keep it (or its ids and tags) until the submission is
 * accepted: {@link FitConnectSender#status(SentSubmission)} checks the subscriber's acceptance against
 * the authentication tags recorded here.
 *
 * @param destinationId      the destination
 * @param submissionId       the submission
 * @param caseId             the case
 * @param authenticationTags the tags of the ciphertexts sent
 * @param metadata           the metadata sent
 */
public record SentSubmission(UUID destinationId, UUID submissionId, UUID caseId, AuthenticationTags authenticationTags,
                             Metadata metadata) {
    /** Checks the values. */
    public SentSubmission {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(authenticationTags, "authenticationTags");
        Objects.requireNonNull(metadata, "metadata");
    }
}
