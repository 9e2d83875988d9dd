package de.ozgkit.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An attachment to send: a reference id (its MIME Content-ID), a content type and a source of bytes
 * that is read once while the message is sealed. Large attachments stream from their source;
 * they are never held whole in memory.
 *
 * @param refId       the reference, e.g. {@code antrag.pdf}: letters, digits and {@code . _ -}
 * @param contentType its MIME type
 * @param source      opens the bytes
 */
public record Attachment(String refId, String contentType, Source source) {

    /** Opens the attachment's bytes. */
    @FunctionalInterface
    public interface Source {
        /**
         * @return a fresh stream over the bytes; the caller closes it
         * @throws IOException when the bytes cannot be read
         */
        InputStream open() throws IOException;
    }

    /** Checks the reference and type. */
    public Attachment {
        Objects.requireNonNull(refId, "refId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(source, "source");
        if (!refId.matches("[A-Za-z0-9._-]{1,128}")) {
            throw new OsciException(OsciCheck.STRUCTURE, "attachment refId \"" + refId + "\" must be 1 to 128 letters, digits,"
                    + " '.', '_' or '-'");
        }
        if (contentType.isBlank() || contentType.contains("\r") || contentType.contains("\n")) {
            throw new OsciException(OsciCheck.STRUCTURE, "attachment contentType must be a MIME type on one line");
        }
    }

    /**
     * An attachment from a file; its name is the reference id.
     *
     * @param file the file
     * @return the attachment, {@code application/octet-stream}
     */
    public static Attachment of(Path file) {
        String name = file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return new Attachment(name.length() > 128 ? name.substring(0, 128) : name, "application/octet-stream",
                () -> Files.newInputStream(file));
    }

    /**
     * An attachment from a stream source.
     *
     * @param refId       the reference id
     * @param contentType its MIME type
     * @param source      opens the bytes
     * @return the attachment
     */
    public static Attachment of(String refId, String contentType, Source source) {
        return new Attachment(refId, contentType, source);
    }

    /**
     * An attachment of a few bytes held in memory (copied).
     *
     * @param refId the reference id
     * @param bytes the bytes
     * @return the attachment, {@code application/octet-stream}
     */
    public static Attachment ofBytes(String refId, byte[] bytes) {
        byte[] copy = bytes.clone();
        return new Attachment(refId, "application/octet-stream", () -> new java.io.ByteArrayInputStream(copy));
    }
}
