package de.ozgkit.messaging;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A verified author signature over a received content container (its contents and attachments).
 *
 * @param author    the author's signature certificate
 * @param algorithm the signature algorithm
 */
public record ContentSignature(X509Certificate author, SignatureAlgorithm algorithm) {

    /** Checks the components. */
    public ContentSignature {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
