package de.ozgkit.messaging;

import java.util.List;
import java.util.Objects;

/**
 * The intermediary's answer to a stored delivery.
 *
 * @param messageId   the delivery's message id
 * @param processCard the process card with the reception time, signed by the intermediary
 * @param feedback    the feedback entries (OK codes and warnings)
 */
public record StoreReceipt(MessageId messageId, ProcessCard processCard, List<Feedback> feedback) {

    /** Checks the components. */
    public StoreReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(processCard, "processCard");
        feedback = List.copyOf(feedback);
    }
}
