package de.ozgkit.messaging;

import de.ozgkit.core.security.Identity;
import java.util.Objects;

/**
 * A party's keys for OSCI: the signer for its signature certificate and the decrypter for its
 * cipher certificate (often the same key pair). Used for the originator of requests, for
 * addressees that fetch, for authors and readers of content, and for the intermediary.
 *
 * @param signer    signs messages and content
 * @param decrypter unwraps keys of data encrypted for this party
 */
public record OsciIdentity(Signer signer, Decrypter decrypter) {

    /** Checks both are present. */
    public OsciIdentity {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(decrypter, "decrypter");
    }

    /**
     * One key pair that both signs (RSA-SHA256) and decrypts, e.g. from a PKCS#12 file.
     *
     * @param identity the key and certificate
     * @return the OSCI identity
     */
    public static OsciIdentity of(Identity identity) {
        return new OsciIdentity(Signer.of(identity), Decrypter.of(identity));
    }
}
