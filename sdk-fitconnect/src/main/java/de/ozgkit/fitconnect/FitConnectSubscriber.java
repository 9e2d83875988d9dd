package de.ozgkit.fitconnect;

import de.ozgkit.fitconnect.internal.DefaultSubscriber;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The receiving side of FIT-Connect (the specialist procedure behind a destination): lists the
 * submissions waiting for pickup, fetches one, decrypts metadata, data and attachments (streamed to
 * temporary files), verifies every authentication tag against the submission service's signed
 * {@code submit-submission} event, every SHA-512 hash against the metadata and the metadata against
 * the official schema; then accepts or rejects it with a SET signed by the destination's key.
 *
 * <pre>{@code
 * try (FitConnectSubscriber subscriber = FitConnectSubscriber.create(settings, keys, Path.of("/var/spool/fv"))) {
 *     for (SubmissionRef ref : subscriber.pendingSubmissions(0, 100).submissions()) {
 *         try (ReceivedSubmission s = subscriber.receive(ref.submissionId())) {
 *             store(s);                                  // hand over to the specialist procedure
 *             subscriber.accept(s);
 *         } catch (FitConnectVerificationException e) {
 *             subscriber.reject(ref.submissionId(), List.of(e.problem().orElse(Problem.technicalError("..."))));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface FitConnectSubscriber extends AutoCloseable {

    /** The most plaintext bytes of metadata accepted. */
    int MAX_METADATA_BYTES = 16 * 1024 * 1024;

    /**
     * @param settings      API, credentials and trust anchors
     * @param keys          the destination and its private keys
     * @param workDirectory where decrypted attachments are written (owner-only files)
     * @return a subscriber
     */
    static FitConnectSubscriber create(ClientSettings settings, DestinationKeys keys, Path workDirectory) {
        return create(settings, keys, workDirectory, 64 * 1024 * 1024, 500L * 1024 * 1024);
    }

    /**
     * @param settings         API, credentials and trust anchors
     * @param keys             the destination and its private keys
     * @param workDirectory    where decrypted attachments are written
     * @param maxDataBytes     the most plaintext bytes of specialist data accepted
     * @param maxAttachmentBytes the most plaintext bytes of one attachment accepted
     * @return a subscriber
     */
    static FitConnectSubscriber create(ClientSettings settings, DestinationKeys keys, Path workDirectory, int maxDataBytes,
                                       long maxAttachmentBytes) {
        return new DefaultSubscriber(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(workDirectory, "workDirectory"), maxDataBytes, maxAttachmentBytes);
    }

    /**
     * @param offset the first entry (0 for the first page)
     * @param limit  the page size, 1 to 500
     * @return the submissions waiting for pickup at the destination
     */
    SubmissionPage pendingSubmissions(int offset, int limit);

    /**
     * Fetches, decrypts and verifies a submission.
     *
     * @param submissionId the submission
     * @return the verified submission; close it to delete its temporary files
     * @throws FitConnectVerificationException naming the failed check, with the problem to reject with
     */
    ReceivedSubmission receive(UUID submissionId);

    /**
     * Accepts a submission: posts an {@code accept-submission} SET with the authentication tags of all
     * its parts, signed with the destination's signature key.
     *
     * @param submission the verified submission
     */
    void accept(ReceivedSubmission submission);

    /**
     * Rejects a submission with problems (e.g. {@link FitConnectVerificationException#problem()}).
     *
     * @param submissionId the submission
     * @param problems     at least one problem
     */
    void reject(UUID submissionId, List<Problem> problems);

    /**
     * Reads and verifies the event log of a submission.
     *
     * @param submissionId the submission
     * @return its status
     */
    SubmissionStatus status(UUID submissionId);

    /** Releases connections. */
    @Override
    void close();
}
