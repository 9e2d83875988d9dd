package de.ozgkit.fitconnect;

import java.security.PrivateKey;
import java.util.Objects;
import java.util.UUID;

/**
 * The subscriber's destination and its two private keys: the encryption key (whose public half the
 * destination publishes, {@code RSA-OAEP-256}) and the signature key ({@code PS512}) that signs
 * acceptances and rejections. Private keys never leave the subscriber.
 *
 * @param destinationId  the destination
 * @param decryptionKey  the private half of the destination's encryption key
 * @param encryptionKid  that key's id ({@code encryptionKid} of the destination)
 * @param signingKey     the private signature key
 * @param signingKid     its key id, under which the public half is registered with the destination
 */
public record DestinationKeys(UUID destinationId, PrivateKey decryptionKey, String encryptionKid, PrivateKey signingKey,
                              String signingKid) {

    /** Checks the values. */
    public DestinationKeys {
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(decryptionKey, "decryptionKey");
        Objects.requireNonNull(encryptionKid, "encryptionKid");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(signingKid, "signingKid");
    }

    @Override
    public String toString() {
        return "DestinationKeys[" + destinationId + ", encryptionKid=" + encryptionKid + ", signingKid=" + signingKid
                + ", private keys <redacted>]";
    }
}
