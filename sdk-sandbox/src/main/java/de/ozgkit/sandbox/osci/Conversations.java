package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.FeedbackCode;
import de.ozgkit.messaging.internal.ControlBlock;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dialogs the intermediary has open: per conversation id the client (its signature
 * certificate), the challenge the intermediary sent last and the sequence number it expects next.
 * Implicit dialogs get a conversation id that is never reused.
 *
 * <p>Thread-safe.
 */
final class Conversations {

    /** Why a control block was refused. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final FeedbackCode code;

        Refused(FeedbackCode code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static final class Conversation {
        final X509Certificate client;
        final X509Certificate clientCipher;
        String challenge;
        int nextSequence;

        Conversation(X509Certificate client, X509Certificate clientCipher, String challenge) {
            this.client = client;
            this.clientCipher = clientCipher;
            this.challenge = challenge;
        }
    }

    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
    private final Map<String, Conversation> open = new ConcurrentHashMap<>();

    /** @return a conversation id for an implicit dialog */
    String implicitId() {
        return Long.toString(ids.incrementAndGet());
    }

    /**
     * Opens an explicit dialog.
     *
     * @param client       the client's signature certificate
     * @param clientCipher the client's cipher certificate, may be {@code null}
     * @param challenge    the challenge the intermediary answers with
     * @return the new conversation id
     */
    String open(X509Certificate client, X509Certificate clientCipher, String challenge) {
        String id = Long.toString(ids.incrementAndGet());
        open.put(id, new Conversation(client, clientCipher, challenge));
        return id;
    }

    /**
     * @param conversationId a conversation id, may be {@code null}
     * @return the client's cipher certificate given when the dialog was opened
     */
    X509Certificate clientCipher(String conversationId) {
        Conversation c = conversationId == null ? null : open.get(conversationId);
        return c == null ? null : c.clientCipher;
    }

    /**
     * Checks a request of an explicit dialog and advances it.
     *
     * @param cb           the request's control block
     * @param client       the request's signer
     * @param newChallenge the challenge the intermediary answers with
     * @param close        whether the request ends the dialog
     * @return the sequence number the answer carries
     * @throws Refused when the conversation is unknown, belongs to someone else, or the sequence
     *                 number or response is wrong (a replay)
     */
    int advance(ControlBlock cb, X509Certificate client, String newChallenge, boolean close) throws Refused {
        if (cb.conversationId() == null) {
            throw new Refused(FeedbackCode.EXPLICIT_DIALOG_REQUIRED, "the request has no ConversationId; open a dialog first");
        }
        Conversation c = open.get(cb.conversationId());
        if (c == null) {
            throw new Refused(FeedbackCode.WRONG_CONTROL_BLOCK, "conversation " + cb.conversationId() + " is not open");
        }
        synchronized (c) {
            if (!c.client.equals(client)) {
                throw new Refused(FeedbackCode.WRONG_CONTROL_BLOCK, "conversation " + cb.conversationId()
                        + " belongs to another client");
            }
            if (cb.sequenceNumber() == null || cb.sequenceNumber() != c.nextSequence) {
                throw new Refused(FeedbackCode.WRONG_CONTROL_BLOCK, "sequence number " + cb.sequenceNumber() + " in conversation "
                        + cb.conversationId() + " is wrong, expected " + c.nextSequence + " (replayed or out of order)");
            }
            if (!Objects.equals(cb.response(), c.challenge)) {
                throw new Refused(FeedbackCode.WRONG_CONTROL_BLOCK, "the response in conversation " + cb.conversationId()
                        + " does not answer the last challenge");
            }
            if (cb.challenge() == null) {
                throw new Refused(FeedbackCode.WRONG_CONTROL_BLOCK, "the request has no challenge");
            }
            int seq = c.nextSequence;
            c.nextSequence++;
            c.challenge = newChallenge;
            if (close) {
                open.remove(cb.conversationId());
            }
            return seq;
        }
    }
}
