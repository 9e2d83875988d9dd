package de.ozgkit.messaging;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A content container to send (OSCI {@code ContentContainer}): contents and attachments that are
 * signed together by their authors and, when readers are given, encrypted together for them
 * (AES-256-GCM, key transport RSA-OAEP with SHA-256).
 *
 * <pre>{@code
 * ContentContainer c = ContentContainer.builder()
 *         .text("<antrag>...</antrag>")
 *         .attachment(Attachment.of(Path.of("antrag.pdf")))
 *         .signedBy(author)                       // a Signer
 *         .encryptedFor(addresseeCipherCertificate)
 *         .build();
 * }</pre>
 *
 * @param contents    the contents, each sent base64-encoded in the SOAP part
 * @param attachments the attachments, each sent as its own MIME part
 * @param authors     who signs the container, may be empty
 * @param readers     the cipher certificates it is encrypted for; empty for a plain container
 */
public record ContentContainer(List<byte[]> contents, List<Attachment> attachments, List<Signer> authors,
                               List<X509Certificate> readers) {

    /** Copies the lists and checks there is something to send. */
    public ContentContainer {
        contents = contents.stream().map(byte[]::clone).toList();
        attachments = List.copyOf(attachments);
        authors = List.copyOf(authors);
        readers = List.copyOf(readers);
        if (contents.isEmpty() && attachments.isEmpty()) {
            throw new OsciException(OsciCheck.STRUCTURE, "a content container needs at least one content or attachment");
        }
    }

    @Override
    public List<byte[]> contents() {
        return contents.stream().map(byte[]::clone).toList();
    }

    /** @return whether the container is encrypted for readers */
    public boolean encrypted() {
        return !readers.isEmpty();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ContentContainer}. Not thread-safe. */
    public static final class Builder {
        private final List<byte[]> contents = new ArrayList<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private final List<Signer> authors = new ArrayList<>();
        private final List<X509Certificate> readers = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a text content (sent as UTF-8).
         *
         * @param text any text, e.g. an XML document
         * @return this builder
         */
        public Builder text(String text) {
            contents.add(Objects.requireNonNull(text, "text").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Adds a binary content, carried inline; use {@link #attachment} for large data.
         *
         * @param bytes the bytes (copied)
         * @return this builder
         */
        public Builder content(byte[] bytes) {
            contents.add(bytes.clone());
            return this;
        }

        /**
         * @param attachment an attachment
         * @return this builder
         */
        public Builder attachment(Attachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * @param author signs the container (one signature per author)
         * @return this builder
         */
        public Builder signedBy(Signer author) {
            authors.add(Objects.requireNonNull(author, "author"));
            return this;
        }

        /**
         * @param readers cipher certificates the container is encrypted for
         * @return this builder
         */
        public Builder encryptedFor(X509Certificate... readers) {
            for (X509Certificate r : readers) {
                this.readers.add(Objects.requireNonNull(r, "reader"));
            }
            return this;
        }

        /** @return the container */
        public ContentContainer build() {
            return new ContentContainer(contents, attachments, authors, readers);
        }
    }
}
