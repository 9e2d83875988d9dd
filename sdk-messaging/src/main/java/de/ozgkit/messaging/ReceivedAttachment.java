package de.ozgkit.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * An attachment of a received container, after decryption and signature checks. Its bytes sit in
 * memory or a temporary file until the {@link ReceivedDelivery} is closed.
 */
public final class ReceivedAttachment {

    private final String refId;
    private final String contentType;
    private final long size;
    private final Supplier<InputStream> bytes;

    /**
     * @param refId       its reference id
     * @param contentType its MIME type
     * @param size        its size in bytes
     * @param bytes       opens its (decrypted) bytes
     */
    public ReceivedAttachment(String refId, String contentType, long size, Supplier<InputStream> bytes) {
        this.refId = refId;
        this.contentType = contentType;
        this.size = size;
        this.bytes = bytes;
    }

    /** @return the reference id (MIME Content-ID) */
    public String refId() {
        return refId;
    }

    /** @return the MIME type as sent */
    public String contentType() {
        return contentType;
    }

    /** @return the size in bytes */
    public long size() {
        return size;
    }

    /** @return a new stream over the bytes; close it */
    public InputStream openStream() {
        return bytes.get();
    }

    /**
     * Writes the bytes to a file (replacing it).
     *
     * @param file the target
     * @throws de.ozgkit.messaging.OsciException with check {@code LOCAL_STORAGE} when writing fails
     */
    public void copyTo(Path file) {
        try (InputStream in = openStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "attachment " + refId + " cannot be written to " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ReceivedAttachment[" + refId + ", " + contentType + ", " + size + " bytes]";
    }
}
