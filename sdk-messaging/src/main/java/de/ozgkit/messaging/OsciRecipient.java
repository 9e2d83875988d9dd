package de.ozgkit.messaging;

/**
 * What a Fachverfahren does with the messages an OSCI intermediary hands to it as passive
 * recipient: forwarded deliveries (AcceptDelivery, the intermediary's side of a ForwardDelivery)
 * and requests that await a reply (ProcessDelivery, the intermediary's side of a MediateDelivery).
 *
 * <p>{@link PassiveRecipient} calls it only after the intermediary's signature, the control block,
 * every content signature and the decryption for the recipient's reader keys have been checked. An
 * implementation may refuse with an {@link OsciFeedbackException} (its code goes back in the
 * feedback); any other exception is answered with code 9808 (internal error of the recipient).
 *
 * <pre>{@code
 * OsciRecipient vendor = new OsciRecipient() {
 *     public void accept(PassiveDelivery d) {
 *         store(d.delivery().containers());
 *     }
 *     public MediatedReply process(PassiveDelivery d) {
 *         return MediatedReply.of("Bescheid", ContentContainer.builder().text(answerTo(d))
 *                 .signedBy(me.signer()).encryptedFor(d.originatorCipherCertificate().orElseThrow()).build());
 *     }
 * };
 * }</pre>
 *
 * <p>Implementations must be thread-safe: a server calls them from several threads.
 */
public interface OsciRecipient {

    /**
     * Takes a forwarded delivery (AcceptDelivery). Return normally to accept it (feedback 0800).
     *
     * @param delivery the delivery, valid (with its attachments) until this method returns
     * @throws OsciFeedbackException to refuse it with an OSCI code
     */
    void accept(PassiveDelivery delivery);

    /**
     * Processes a request and answers it (ProcessDelivery). The reply goes back through the
     * intermediary to the requester, usually signed by the recipient and encrypted for
     * {@link PassiveDelivery#originatorCipher()}.
     *
     * @param request the request, valid (with its attachments) until this method returns
     * @return the reply
     * @throws OsciFeedbackException to refuse it with an OSCI code
     */
    MediatedReply process(PassiveDelivery request);

    /**
     * Hears about a message that was refused before it reached {@link #accept} or {@link #process}
     * (a damaged or hostile message, a replay, content not for this recipient). The intermediary
     * receives the matching OSCI error answer in any case. Does nothing by default.
     *
     * @param error what failed; {@link OsciException#check()} names the check
     */
    default void refused(OsciException error) {
    }
}
