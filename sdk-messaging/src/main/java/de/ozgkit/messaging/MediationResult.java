package de.ozgkit.messaging;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a MediateDelivery: the intermediary's process card of the request and the
 * recipient's reply, decrypted and verified. Close it to delete the reply's attachment buffers.
 *
 * @param requestCard the process card of the request (creation, forwarding, reception)
 * @param reply       the reply: its containers, subject and process card
 * @param feedback    the intermediary's feedback
 * @param metaData    the MessageMetaData header of the reply, may be {@code null}
 */
public record MediationResult(ProcessCard requestCard, ReceivedDelivery reply, List<Feedback> feedback,
                              MessageMetaData metaData)
        implements AutoCloseable {

    /** Checks the components. */
    public MediationResult {
        Objects.requireNonNull(requestCard, "requestCard");
        Objects.requireNonNull(reply, "reply");
        feedback = List.copyOf(feedback);
    }

    /** Deletes the reply's temporary files. */
    @Override
    public void close() {
        reply.close();
    }
}
