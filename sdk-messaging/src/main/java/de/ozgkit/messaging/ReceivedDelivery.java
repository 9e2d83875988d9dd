package de.ozgkit.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A delivery fetched from the intermediary, with its containers decrypted and verified. Attachments
 * are held in memory or temporary files until {@link #close()}.
 */
public final class ReceivedDelivery implements AutoCloseable {

    private final MessageId messageId;
    private final String subject;
    private final ProcessCard processCard;
    private final List<ReceivedContainer> containers;
    private final List<Feedback> feedback;
    private final List<AutoCloseable> resources;

    /**
     * @param messageId   the message id
     * @param subject     the subject, may be {@code null}
     * @param processCard the process card, may be {@code null}
     * @param containers  the containers
     * @param feedback    the intermediary's feedback
     * @param resources   released by {@link #close()}
     */
    public ReceivedDelivery(MessageId messageId, String subject, ProcessCard processCard, List<ReceivedContainer> containers,
                            List<Feedback> feedback, List<AutoCloseable> resources) {
        this.messageId = messageId;
        this.subject = subject;
        this.processCard = processCard;
        this.containers = List.copyOf(containers);
        this.feedback = List.copyOf(feedback);
        this.resources = new ArrayList<>(resources);
    }

    /** @return the message id */
    public MessageId messageId() {
        return messageId;
    }

    /** @return the subject */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return the process card as of the fetch, signed by the intermediary */
    public Optional<ProcessCard> processCard() {
        return Optional.ofNullable(processCard);
    }

    /** @return the containers in message order */
    public List<ReceivedContainer> containers() {
        return containers;
    }

    /** @return the intermediary's feedback (OK codes and warnings) */
    public List<Feedback> feedback() {
        return feedback;
    }

    /** @return whether the intermediary said more deliveries wait (code 3800) */
    public boolean moreDeliveries() {
        return feedback.stream().anyMatch(f -> f.code().equals(FeedbackCode.MORE_DELIVERIES.code()));
    }

    /** Deletes the temporary files of the attachments. */
    @Override
    public void close() {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                // temporary files only
            }
        }
        resources.clear();
    }
}
