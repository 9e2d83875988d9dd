package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.UUID;

/**
 * A decrypted attachment whose authentication tag and SHA-512 hash have been verified. Its content
 * lies in a private temporary file (attachments may be hundreds of megabytes) that
 * {@link ReceivedSubmission#close()} deletes; {@link #saveTo(Path)} keeps it.
 *
 * @param attachmentId      the attachment's id
 * @param description       its description in the metadata
 * @param file              the temporary file with the plaintext
 * @param size              the plaintext's size in bytes
 * @param authenticationTag the tag of its JWE
 */
public record ReceivedAttachment(UUID attachmentId, Metadata.AttachmentDescription description, Path file, long size,
                                 String authenticationTag) {

    /** Checks the values. */
    public ReceivedAttachment {
        Objects.requireNonNull(attachmentId, "attachmentId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(file, "file");
    }

    /**
     * @return a new stream over the content
     * @throws OzgClientException when the file cannot be read
     */
    public InputStream openStream() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.IO, "attachment " + attachmentId + " cannot be read: "
                    + e.getClass().getSimpleName(), e, 0);
        }
    }

    /**
     * @return the content; only for attachments that fit in memory
     * @throws OzgClientException when the file cannot be read
     */
    public byte[] readAllBytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.IO, "attachment " + attachmentId + " cannot be read: "
                    + e.getClass().getSimpleName(), e, 0);
        }
    }

    /**
     * Copies the content to a file of the caller's choice, written completely before it appears
     * under that name.
     *
     * @param target the target file (replaced if it exists)
     * @return the target
     * @throws OzgClientException when copying fails
     */
    public Path saveTo(Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".fitconnect-", ".part");
            try {
                Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.IO, "attachment " + attachmentId + " cannot be saved: "
                    + e.getClass().getSimpleName(), e, 0);
        }
    }
}
