package de.ozgkit.account.postfach;

import de.ozgkit.account.AccountConfigurationException;
import de.ozgkit.core.OzgClientException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file attached to a Postfach message. Its SHA-512 is declared in the signed message, so the
 * mailbox can refuse bytes that differ from what the author signed.
 *
 * @param filename  the file name shown to the citizen: 1..255 characters, no path separators or
 *                  control characters
 * @param mediaType the media type, e.g. {@code application/pdf}
 * @param content   the bytes (copied)
 */
public record Attachment(String filename, String mediaType, byte[] content) {

    /** Checks the fields and copies the content. */
    public Attachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (filename.isEmpty() || filename.length() > 255 || filename.equals(".") || filename.equals("..")
                || filename.chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == '/' || c == '\\')) {
            throw new AccountConfigurationException("attachment filename must be 1..255 characters without path"
                    + " separators or control characters");
        }
        if (!mediaType.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")) {
            throw new AccountConfigurationException("attachment mediaType must be type/subtype, was \"" + mediaType + "\"");
        }
        content = content.clone();
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** @return the SHA-512 of the content, lower-case hex */
    public String sha512() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "this Java runtime offers no SHA-512 MessageDigest; run on a JDK with the standard providers", e, 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.filename.equals(filename) && a.mediaType.equals(mediaType)
                && java.util.Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, mediaType, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + filename + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
