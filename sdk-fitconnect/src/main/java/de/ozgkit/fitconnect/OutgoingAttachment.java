package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An attachment to send: a file (read as a stream while it is encrypted and uploaded, so any size up
 * to the limit works with little memory) or bytes, with its media type, purpose and optional file
 * name and description. Immutable; the {@code with...} methods return changed copies.
 *
 * <pre>{@code
 * OutgoingAttachment scan = OutgoingAttachment.ofFile(Path.of("urkunde.pdf"), "application/pdf")
 *         .withFilename("urkunde.pdf").withPurpose(AttachmentPurpose.ATTACHMENT);
 * }</pre>
 */
public final class OutgoingAttachment {

    private static final Pattern MIME = Pattern.compile("^[-\\w.]+/[-\\w.+]+$");

    private final UUID attachmentId;
    private final Path file;
    private final byte[] bytes;
    private final String mimeType;
    private final AttachmentPurpose purpose;
    private final String filename;
    private final String description;

    private OutgoingAttachment(UUID attachmentId, Path file, byte[] bytes, String mimeType, AttachmentPurpose purpose,
                               String filename, String description) {
        this.attachmentId = Objects.requireNonNull(attachmentId, "attachmentId");
        this.file = file;
        this.bytes = bytes;
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        if (!MIME.matcher(mimeType).matches()) {
            throw new InvalidSubmissionException("attachment mimeType must be a media type such as application/pdf,"
                    + " was " + mimeType.length() + " characters not of that form");
        }
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.filename = filename;
        this.description = description;
    }

    /**
     * @param file     the file; read when the submission is sent
     * @param mimeType the media type, e.g. {@code application/pdf}
     * @return an attachment with a new random id and purpose {@code attachment}
     */
    public static OutgoingAttachment ofFile(Path file, String mimeType) {
        return new OutgoingAttachment(UUID.randomUUID(), Objects.requireNonNull(file, "file"), null, mimeType,
                AttachmentPurpose.ATTACHMENT, null, null);
    }

    /**
     * @param content  the content (copied)
     * @param mimeType the media type
     * @return an attachment with a new random id and purpose {@code attachment}
     */
    public static OutgoingAttachment ofBytes(byte[] content, String mimeType) {
        return new OutgoingAttachment(UUID.randomUUID(), null, content.clone(), mimeType, AttachmentPurpose.ATTACHMENT,
                null, null);
    }

    /**
     * @param purpose the purpose
     * @return a copy with that purpose
     */
    public OutgoingAttachment withPurpose(AttachmentPurpose purpose) {
        return new OutgoingAttachment(attachmentId, file, bytes, mimeType, purpose, filename, description);
    }

    /**
     * @param filename the original file name
     * @return a copy with that file name
     */
    public OutgoingAttachment withFilename(String filename) {
        return new OutgoingAttachment(attachmentId, file, bytes, mimeType, purpose, filename, description);
    }

    /**
     * @param description a description
     * @return a copy with that description
     */
    public OutgoingAttachment withDescription(String description) {
        return new OutgoingAttachment(attachmentId, file, bytes, mimeType, purpose, filename, description);
    }

    /**
     * @param attachmentId the id to announce
     * @return a copy with that id
     */
    public OutgoingAttachment withAttachmentId(UUID attachmentId) {
        return new OutgoingAttachment(attachmentId, file, bytes, mimeType, purpose, filename, description);
    }

    /** @return the attachment's id (a random UUID unless set) */
    public UUID attachmentId() {
        return attachmentId;
    }

    /** @return the media type */
    public String mimeType() {
        return mimeType;
    }

    /** @return the purpose */
    public AttachmentPurpose purpose() {
        return purpose;
    }

    /** @return the file name, may be {@code null} */
    public String filename() {
        return filename;
    }

    /** @return the description, may be {@code null} */
    public String description() {
        return description;
    }

    /**
     * @return the size in bytes
     * @throws OzgClientException when the file cannot be read
     */
    public long size() {
        if (bytes != null) {
            return bytes.length;
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.IO, "attachment file " + file.getFileName()
                    + " cannot be read: " + e.getClass().getSimpleName(), e, 0);
        }
    }

    /**
     * @return a new stream over the content
     * @throws IOException when the file cannot be opened
     */
    public InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    @Override
    public String toString() {
        return "OutgoingAttachment[" + attachmentId + ", " + mimeType + ", " + purpose.code() + "]";
    }
}
