package de.ozgkit.messaging;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A delivery to store in an addressee's mailbox at the intermediary (OSCI StoreDelivery).
 *
 * @param addressee  the addressee's cipher certificate, which names the mailbox
 * @param subject    the subject, may be {@code null}; it is visible to the intermediary
 * @param messageId  the message id, or {@code null} to request one first (GetMessageId)
 * @param containers the content containers
 */
public record Delivery(X509Certificate addressee, String subject, MessageId messageId, List<ContentContainer> containers) {

    /** Checks the components. */
    public Delivery {
        Objects.requireNonNull(addressee, "addressee");
        containers = List.copyOf(containers);
        if (containers.isEmpty()) {
            throw new OsciException(OsciCheck.STRUCTURE, "a delivery needs at least one content container");
        }
        if (subject != null) {
            int bad = de.ozgkit.messaging.internal.OsciXml.firstUnrepresentable(subject);
            if (bad >= 0) {
                throw new OsciException(OsciCheck.STRUCTURE, "subject has a character XML cannot carry at index " + bad
                        + " (U+" + String.format("%04X", (int) subject.charAt(bad)) + "); remove control characters");
            }
            if (subject.length() > 10_000) {
                throw new OsciException(OsciCheck.STRUCTURE, "subject must be at most 10000 characters, was " + subject.length());
            }
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Delivery}. Not thread-safe. */
    public static final class Builder {
        private X509Certificate addressee;
        private String subject;
        private MessageId messageId;
        private final List<ContentContainer> containers = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param cipherCertificate the addressee's cipher certificate
         * @return this builder
         */
        public Builder addressee(X509Certificate cipherCertificate) {
            this.addressee = cipherCertificate;
            return this;
        }

        /**
         * @param subject the subject
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * @param id a message id obtained before (so that a retry cannot store twice)
         * @return this builder
         */
        public Builder messageId(MessageId id) {
            this.messageId = id;
            return this;
        }

        /**
         * @param container a content container
         * @return this builder
         */
        public Builder container(ContentContainer container) {
            containers.add(Objects.requireNonNull(container, "container"));
            return this;
        }

        /** @return the delivery */
        public Delivery build() {
            return new Delivery(addressee, subject, messageId, containers);
        }
    }
}
