package de.ozgkit.messaging;

import java.util.List;
import java.util.Optional;

/**
 * A received content container: decrypted when it was encrypted for one of the reader keys, every
 * author signature verified.
 *
 * @param id          its Id in the message
 * @param encrypted   whether it arrived encrypted
 * @param contents    its contents
 * @param attachments its attachments
 * @param signatures  its verified author signatures
 */
public record ReceivedContainer(String id, boolean encrypted, List<ReceivedContent> contents,
                                List<ReceivedAttachment> attachments, List<ContentSignature> signatures) {

    /** Copies the lists. */
    public ReceivedContainer {
        contents = List.copyOf(contents);
        attachments = List.copyOf(attachments);
        signatures = List.copyOf(signatures);
    }

    /**
     * @param refId an attachment reference id
     * @return the attachment
     */
    public Optional<ReceivedAttachment> attachment(String refId) {
        return attachments.stream().filter(a -> a.refId().equals(refId)).findFirst();
    }
}
