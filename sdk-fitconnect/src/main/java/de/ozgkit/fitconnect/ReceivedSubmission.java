package de.ozgkit.fitconnect;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A submission the subscriber fetched, decrypted and verified: every authentication tag matched the
 * {@code submit-submission} event, every hash matched the metadata, and the metadata is valid
 * against the official schema. Accept it with {@link FitConnectSubscriber#accept(ReceivedSubmission)}
 * once the specialist procedure has taken it over.
 *
 * <p>Close it to delete the temporary attachment files.
 *
 * @param destinationId      the destination
 * @param submissionId       the submission
 * @param caseId             the case
 * @param serviceType        the service as announced by the sender
 * @param metadata           the verified metadata
 * @param data               the decrypted specialist data, {@code null} when there is none
 * @param attachments        the verified attachments
 * @param authenticationTags the tags of all parts, as the acceptance will name them
 * @param events             the verified events of the submission so far
 */
public record ReceivedSubmission(UUID destinationId, UUID submissionId, UUID caseId, ServiceType serviceType,
                                 Metadata metadata, byte[] data, List<ReceivedAttachment> attachments,
                                 AuthenticationTags authenticationTags, List<EventLogEntry> events)
        implements AutoCloseable {

    /** Checks and copies the values. */
    public ReceivedSubmission {
        Objects.requireNonNull(submissionId, "submissionId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(metadata, "metadata");
        attachments = List.copyOf(attachments);
        events = List.copyOf(events);
        Objects.requireNonNull(authenticationTags, "authenticationTags");
    }

    /** @return a copy of the specialist data, empty when there is none */
    public Optional<byte[]> dataBytes() {
        return Optional.ofNullable(data).map(byte[]::clone);
    }

    /**
     * @param attachmentId an attachment's id
     * @return the attachment, empty when the submission has none with that id
     */
    public Optional<ReceivedAttachment> attachment(UUID attachmentId) {
        return attachments.stream().filter(a -> a.attachmentId().equals(attachmentId)).findFirst();
    }

    /** @return the submission's identifiers */
    public SubmissionRef ref() {
        return new SubmissionRef(destinationId, submissionId, caseId);
    }

    /** Deletes the temporary attachment files; files saved elsewhere stay. */
    @Override
    public void close() {
        for (ReceivedAttachment a : attachments) {
            try {
                Files.deleteIfExists(a.file());
            } catch (IOException e) {
                // best effort: the file lies in the configured work directory
            }
        }
    }

    @Override
    public String toString() {
        return "ReceivedSubmission[" + submissionId + ", case " + caseId + ", " + attachments.size() + " attachments]";
    }
}
