package de.ozgkit.messaging;

import java.util.List;

/**
 * Hears about the chunks of large transfers (PartialStoreDelivery and PartialFetchDelivery of the
 * OSCI supplement on efficient message transfer), e.g. to show progress or to log resumptions.
 * Set it with {@link OsciClient.Builder#transferListener(TransferListener)}. Called on the thread
 * that runs the transfer; implementations must be quick and must not throw.
 *
 * <pre>{@code
 * OsciClient.builder()...chunkSize(16 * 1024)
 *         .transferListener(new TransferListener() {
 *             public void chunk(MessageId id, int number, int total) { progress.set(number, total); }
 *         })
 * }</pre>
 */
public interface TransferListener {

    /**
     * A chunk was acknowledged by the intermediary (storing) or received and checked (fetching).
     *
     * @param messageId the message id of the whole message (fetching: once the intermediary named it)
     * @param number    the chunk's number, from 1
     * @param total     the number of chunks
     */
    default void chunk(MessageId messageId, int number, int total) {
    }

    /**
     * The transfer continues after a failure (a broken connection, a lost answer, an error of the
     * intermediary) in a new dialog, at the next chunk the other side does not hold yet.
     *
     * @param messageId the message id of the whole message, may be {@code null} before the first chunk
     * @param done      the numbers of the chunks that are through
     * @param cause     what broke
     */
    default void resumed(MessageId messageId, List<Integer> done, RuntimeException cause) {
    }
}
