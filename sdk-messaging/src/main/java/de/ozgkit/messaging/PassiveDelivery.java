package de.ozgkit.messaging;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery an intermediary handed to a passive recipient, checked and decrypted. Its process card
 * came inside the message whose intermediary signature the recipient checked; it carries no
 * evidence of its own ({@link ProcessCard#verify()} does not apply).
 *
 * @param type                {@link OsciMessageType#ACCEPT_DELIVERY} (forwarded) or
 *                            {@link OsciMessageType#PROCESS_DELIVERY} (awaits a reply)
 * @param delivery            message id, subject, the intermediary's process card and the containers
 * @param originatorSignature the signature certificate of the client that sent it to the intermediary
 * @param originatorCipher    the client's cipher certificate, for a reply encrypted to it; may be {@code null}
 * @param messageIdResponse   for a ProcessDelivery: the message id the request answers, may be {@code null}
 * @param metaData            the MessageMetaData header, may be {@code null}
 */
public record PassiveDelivery(OsciMessageType type, ReceivedDelivery delivery, X509Certificate originatorSignature,
                              X509Certificate originatorCipher, MessageId messageIdResponse, MessageMetaData metaData) {

    /** Checks the components. */
    public PassiveDelivery {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** @return the client's cipher certificate, when the message carried it */
    public Optional<X509Certificate> originatorCipherCertificate() {
        return Optional.ofNullable(originatorCipher);
    }

    /** @return the MessageMetaData header, when the message carried one */
    public Optional<MessageMetaData> messageMetaData() {
        return Optional.ofNullable(metaData);
    }
}
