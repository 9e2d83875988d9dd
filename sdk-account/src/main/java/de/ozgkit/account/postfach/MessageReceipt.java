package de.ozgkit.account.postfach;

import java.util.Objects;

/**
 * The mailbox's answer to a message: its id there and its status.
 *
 * @param messageId the mailbox's id of the message
 * @param status    the status after the call
 */
public record MessageReceipt(String messageId, MessageStatus status) {

    /** Checks the components. */
    public MessageReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }
}
