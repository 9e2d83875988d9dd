package de.ozgkit.account.postfach;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** The status of a Postfach message, from its creation to the end of its processing. */
public enum MessageStatus {
    /** Accepted by the mailbox; attachments still outstanding. */
    INITIATED,
    /** Complete and delivered into the citizen's mailbox. */
    SUBMITTED,
    /** The citizen has opened it. */
    RECEIVED,
    /** The authority is processing the matter. */
    PROCESSING,
    /** The citizen has to act (e.g. send documents). */
    ACTION_REQUIRED,
    /** The matter is closed. */
    COMPLETED;

    /** @return the status as written on the wire */
    public String code() {
        return name();
    }

    /**
     * @param code the wire value
     * @return the status, empty when unknown
     */
    public static Optional<MessageStatus> lookup(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /**
     * @param code the wire value
     * @return the status
     * @throws UnknownCodeException when unknown
     */
    public static MessageStatus fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("Postfach message status", code,
                Arrays.stream(values()).map(Enum::name).toList()));
    }
}
