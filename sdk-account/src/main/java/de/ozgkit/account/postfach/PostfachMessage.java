package de.ozgkit.account.postfach;

import de.ozgkit.account.AccountConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A message to a citizen's mailbox: addressed by the postkorb handle from the login
 * ({@code mailboxUuid}), with title, text, the service and case it belongs to, a reply address and
 * attachments. Text is sent exactly as given (no trimming or normalisation).
 *
 * @param mailboxUuid   the postkorb handle (SAML attribute 2.5.4.18)
 * @param sender        the sending authority as shown to the citizen
 * @param title         the subject line
 * @param content       the message text
 * @param service       the administrative service, may be {@code null}
 * @param applicationId the online application this answers, may be {@code null}
 * @param reference     the authority's file reference, may be {@code null}
 * @param replyAddress  where replies go (e.g. an e-mail address or URL), may be {@code null}
 * @param attachments   the attachments in order
 */
public record PostfachMessage(String mailboxUuid, String sender, String title, String content, String service,
                              String applicationId, String reference, String replyAddress,
                              List<Attachment> attachments) {

    /** Checks the required fields and copies the attachments. */
    public PostfachMessage {
        required("mailboxUuid", mailboxUuid);
        required("sender", sender);
        required("title", title);
        if (content == null) {
            throw new AccountConfigurationException("content is required (it may be empty)");
        }
        if (mailboxUuid.length() > 255 || mailboxUuid.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            throw new AccountConfigurationException("mailboxUuid must be at most 255 printable characters without spaces");
        }
        if (title.length() > 255) {
            throw new AccountConfigurationException("title must be at most 255 characters, was " + title.length());
        }
        attachments = List.copyOf(attachments);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Attachment a : attachments) {
            if (!names.add(a.filename())) {
                throw new AccountConfigurationException("attachment filename " + a.filename() + " occurs twice");
            }
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new AccountConfigurationException(field + " is required");
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PostfachMessage}. Not thread-safe. */
    public static final class Builder {
        private String mailboxUuid;
        private String sender;
        private String title;
        private String content;
        private String service;
        private String applicationId;
        private String reference;
        private String replyAddress;
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /** @param v the postkorb handle @return this builder */
        public Builder mailboxUuid(String v) {
            this.mailboxUuid = v;
            return this;
        }

        /** @param v the sending authority @return this builder */
        public Builder sender(String v) {
            this.sender = v;
            return this;
        }

        /** @param v the subject line @return this builder */
        public Builder title(String v) {
            this.title = v;
            return this;
        }

        /** @param v the message text @return this builder */
        public Builder content(String v) {
            this.content = v;
            return this;
        }

        /** @param v the administrative service @return this builder */
        public Builder service(String v) {
            this.service = v;
            return this;
        }

        /** @param v the online application id @return this builder */
        public Builder applicationId(String v) {
            this.applicationId = v;
            return this;
        }

        /** @param v the file reference @return this builder */
        public Builder reference(String v) {
            this.reference = v;
            return this;
        }

        /** @param v where replies go @return this builder */
        public Builder replyAddress(String v) {
            this.replyAddress = v;
            return this;
        }

        /** @param a an attachment @return this builder */
        public Builder attachment(Attachment a) {
            attachments.add(java.util.Objects.requireNonNull(a, "attachment"));
            return this;
        }

        /**
         * @return the message
         * @throws AccountConfigurationException when a required field is missing or malformed
         */
        public PostfachMessage build() {
            return new PostfachMessage(mailboxUuid, sender, title, content, service, applicationId, reference,
                    replyAddress, attachments);
        }
    }
}
