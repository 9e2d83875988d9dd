package de.ozgkit.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An explicit OSCI dialog (InitDialog ... ExitDialog): the requests that need one, each chained to
 * the previous answer by the control block's challenge, response and sequence number.
 *
 * <p>Not thread-safe: a dialog is a sequence. {@link #close()} sends ExitDialog.
 */
public interface OsciDialog extends AutoCloseable {

    /** @return the conversation id the intermediary assigned */
    String conversationId();

    /**
     * Fetches a delivery from the mailbox of this dialog's client (its cipher certificate), decrypts
     * the containers encrypted for one of the reader keys and verifies every signature.
     *
     * @param selection which delivery
     * @param readers   keys that may decrypt content; the client's own decrypter is always tried
     * @return the delivery, empty when none matches (feedback 9803)
     * @throws OsciException when a check fails
     */
    Optional<ReceivedDelivery> fetch(FetchSelection selection, Decrypter... readers);

    /**
     * @param ids message ids
     * @return the process cards of these deliveries the client may see, each signed by the intermediary
     */
    List<ProcessCard> processCards(MessageId... ids);

    /**
     * @param time a time
     * @return the process cards of deliveries received after the time
     */
    List<ProcessCard> processCardsReceivedAfter(Instant time);

    /** Sends ExitDialog. */
    @Override
    void close();
}
