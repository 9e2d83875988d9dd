package de.ozgkit.fitconnect;

import de.ozgkit.fitconnect.internal.DefaultSender;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The sending side of FIT-Connect (an online service): reads the destination, checks its key against
 * the trust anchors, creates the submission, uploads every attachment as a streamed compact JWE,
 * sends metadata (validated against the official schema, with SHA-512 hashes of every part) and
 * data as JWEs, and follows the event log to the submission's status.
 *
 * <pre>{@code
 * try (FitConnectSender sender = FitConnectSender.create(settings)) {
 *     SentSubmission sent = sender.send(submission);
 *     SubmissionStatus status = sender.awaitFinalStatus(sent, Duration.ofMinutes(5));
 *     if (status.state() == SubmissionState.REJECTED) { status.problems().forEach(...); }
 * }
 * }</pre>
 *
 * <p>Thread-safe; create one and share it.
 */
public interface FitConnectSender extends AutoCloseable {

    /**
     * @param settings API, credentials and trust anchors
     * @return a sender
     */
    static FitConnectSender create(ClientSettings settings) {
        return create(settings, Duration.ofSeconds(2));
    }

    /**
     * @param settings     API, credentials and trust anchors
     * @param pollInterval pause between event log reads in {@link #awaitFinalStatus}
     * @return a sender
     */
    static FitConnectSender create(ClientSettings settings, Duration pollInterval) {
        return new DefaultSender(Objects.requireNonNull(settings, "settings"), pollInterval);
    }

    /**
     * @param destinationId the destination
     * @return its public information
     * @throws de.ozgkit.core.OzgServiceException e.g. {@link de.ozgkit.core.NotFoundException} for an unknown destination
     */
    Destination destination(UUID destinationId);

    /**
     * Sends a submission.
     *
     * @param submission what to send
     * @return the sent submission with its ids and authentication tags
     * @throws InvalidSubmissionException      when the submission breaks a rule or the destination does not take it
     *                                         (checked before anything is created where possible)
     * @throws FitConnectVerificationException when the destination's key fails a check
     * @throws de.ozgkit.core.OzgException     for service errors and transport failures
     */
    SentSubmission send(OutgoingSubmission submission);

    /**
     * Reads and verifies the case's event log and derives the submission's state.
     *
     * @param sent the sent submission
     * @return the status
     * @throws FitConnectVerificationException when a SET fails a check or the acceptance names other ciphertexts
     */
    SubmissionStatus status(SentSubmission sent);

    /**
     * Polls {@link #status} until the state is final or the time is up.
     *
     * @param sent    the sent submission
     * @param timeout how long to wait
     * @return the last status read (final unless the time ran out)
     */
    SubmissionStatus awaitFinalStatus(SentSubmission sent, Duration timeout);

    /**
     * Verifies a single Security Event Token about a submission, e.g. a proof of acceptance handed on.
     *
     * @param token        the compact SET
     * @param sent         the submission it must be about
     * @return the verified entry
     * @throws FitConnectVerificationException naming the failed check ({@code sub} and {@code txn} included)
     */
    EventLogEntry verifyEvent(String token, SentSubmission sent);

    /** Releases connections. */
    @Override
    void close();
}
