package de.ozgkit.messaging;

import java.util.List;

/**
 * A passive recipient's reply to a ProcessDelivery, which the intermediary passes on to the
 * requester as the answer to its MediateDelivery.
 *
 * @param subject    the reply's subject, may be {@code null}
 * @param containers the reply's content containers (may be empty)
 * @param metaData   a MessageMetaData header for the reply, may be {@code null}
 */
public record MediatedReply(String subject, List<ContentContainer> containers, MessageMetaData metaData) {

    /** Checks the components. */
    public MediatedReply {
        containers = List.copyOf(containers);
        if (subject != null) {
            int bad = de.ozgkit.messaging.internal.OsciXml.firstUnrepresentable(subject);
            if (bad >= 0) {
                throw new OsciException(OsciCheck.STRUCTURE, "subject has a character XML cannot carry at index " + bad);
            }
        }
    }

    /**
     * @param subject    the subject, may be {@code null}
     * @param containers the containers
     * @return a reply without MessageMetaData
     */
    public static MediatedReply of(String subject, ContentContainer... containers) {
        return new MediatedReply(subject, List.of(containers), null);
    }
}
