package de.ozgkit.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The process card (Laufzettel) of a delivery: what the intermediary recorded and signed about it.
 * It is the legal proof that and when a delivery was received by the intermediary, forwarded and
 * fetched, and how each certificate was inspected.
 *
 * <p>A process card that came in an intermediary's answer carries the signed evidence: the
 * intermediary's signature over the element that holds the card. {@link #verify()} checks it again,
 * for example after the card was kept.
 *
 * @param messageId          the delivery's message id
 * @param recentModification when the card last changed
 * @param creation           when the intermediary received the delivery, may be {@code null}
 * @param forwarding         when the delivery was forwarded or handed out, may be {@code null}
 * @param reception          when the addressee received (fetched) the delivery, may be {@code null}
 * @param subject            the delivery's subject, may be {@code null}
 * @param inspections        the inspection of each certificate of the delivery
 * @param evidence           the intermediary's signature over the card, may be {@code null}
 */
public record ProcessCard(MessageId messageId, Instant recentModification, Instant creation, Instant forwarding,
                          Instant reception, String subject, List<Inspection> inspections, SignedEvidence evidence) {

    /** Checks the required components and copies the list. */
    public ProcessCard {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recentModification, "recentModification");
        inspections = List.copyOf(inspections);
    }

    /** @return when the intermediary received the delivery */
    public Optional<Instant> creationTime() {
        return Optional.ofNullable(creation);
    }

    /** @return when the delivery was forwarded or handed out */
    public Optional<Instant> forwardingTime() {
        return Optional.ofNullable(forwarding);
    }

    /** @return when the addressee received the delivery */
    public Optional<Instant> receptionTime() {
        return Optional.ofNullable(reception);
    }

    /** @return the subject */
    public Optional<String> subjectText() {
        return Optional.ofNullable(subject);
    }

    /**
     * Checks the intermediary's signature over this card again.
     *
     * @throws OsciException of check MESSAGE_SIGNATURE when the card carries no evidence or the
     *                       evidence does not verify
     */
    public void verify() {
        if (evidence == null) {
            throw new OsciException(OsciCheck.MESSAGE_SIGNATURE, "this process card carries no signed evidence");
        }
        evidence.verify();
    }
}
