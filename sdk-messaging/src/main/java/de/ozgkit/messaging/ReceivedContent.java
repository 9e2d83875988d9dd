package de.ozgkit.messaging;

import java.nio.charset.StandardCharsets;

/**
 * A content of a received container (OSCI {@code Base64Content}), after decryption and signature
 * checks.
 *
 * @param id    its Id in the message
 * @param bytes its bytes
 */
public record ReceivedContent(String id, byte[] bytes) {

    /** Copies the bytes. */
    public ReceivedContent {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the bytes as UTF-8 text */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
