package de.ozgkit.core.security;

import de.ozgkit.core.OzgClientException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The result of a successful {@link CertificateValidator#validate validation}: the certification
 * path from the end-entity certificate up to (not including) the trust anchor, the anchor, the
 * instant the path was valid at and whether revocation was checked.
 *
 * @param certificates      the path, end-entity first; never contains the trust anchor unless the
 *                          end-entity certificate is itself trusted directly
 * @param trustAnchor       the trusted certificate the path ends at
 * @param validatedAt       the instant at which every certificate was valid
 * @param revocationChecked what revocation check was made
 */
public record ValidatedPath(List<X509Certificate> certificates, X509Certificate trustAnchor, Instant validatedAt,
                            RevocationCheck revocationChecked) {

    /**
     * Creates the result.
     *
     * @param certificates      the path, end-entity first, not empty
     * @param trustAnchor       the anchor
     * @param validatedAt       the validation instant
     * @param revocationChecked the revocation check made
     */
    public ValidatedPath {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw OzgClientException.invalidArgument("a validated path has at least one certificate");
        }
    }

    /** @return the end-entity certificate, the one that was validated */
    public X509Certificate endEntity() {
        return certificates.get(0);
    }
}
