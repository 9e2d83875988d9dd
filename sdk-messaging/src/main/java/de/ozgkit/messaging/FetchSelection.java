package de.ozgkit.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * Which delivery FetchDelivery asks for: the next one not yet fetched, the one with a message id,
 * or the first one received after a time.
 *
 * @param messageId  the message id, may be {@code null}
 * @param receivedAfter the reception time after which to look, may be {@code null}
 */
public record FetchSelection(MessageId messageId, Instant receivedAfter) {

    /** Checks at most one criterion is set. */
    public FetchSelection {
        if (messageId != null && receivedAfter != null) {
            throw new OsciException(OsciCheck.STRUCTURE, "select a delivery by message id or by reception time, not both");
        }
    }

    /** @return the next delivery that was not fetched yet */
    public static FetchSelection next() {
        return new FetchSelection(null, null);
    }

    /**
     * @param id a message id
     * @return the delivery with that id
     */
    public static FetchSelection byMessageId(MessageId id) {
        return new FetchSelection(Objects.requireNonNull(id, "id"), null);
    }

    /**
     * @param time a time
     * @return the first delivery received after that time
     */
    public static FetchSelection receivedAfter(Instant time) {
        return new FetchSelection(null, Objects.requireNonNull(time, "time"));
    }
}
