package de.ozgkit.messaging;

import java.util.Objects;

/**
 * The id of a delivery, issued by the intermediary (GetMessageId) and fixed before the delivery is
 * sent, so that a retried StoreDelivery cannot create a second delivery. On the wire it travels
 * base64-encoded.
 *
 * @param value the id as the intermediary issued it
 */
public record MessageId(String value) {

    /** Checks the id is present and printable. */
    public MessageId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 1024) {
            throw new OsciException(OsciCheck.STRUCTURE, "a message id must have 1 to 1024 characters, had " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
