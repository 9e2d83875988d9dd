package de.ozgkit.core.security;

/**
 * How {@link CertificateValidator} checks revocation against the CRLs it was given. No check ever
 * fetches anything from the network.
 */
public enum RevocationCheck {
    /** No revocation check. */
    NONE,
    /** Only the end-entity certificate must be covered by a current CRL from its issuer. */
    END_ENTITY,
    /** Every certificate of the path must be covered by a current CRL from its issuer. */
    WHOLE_PATH
}
