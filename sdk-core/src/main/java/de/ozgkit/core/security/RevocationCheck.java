package de.ozgkit.core.security;

/**
 * How {@link CertificateValidator} checks revocation against the CRLs it was given. No check ever
 * fetches anything from the network.
 */
public enum RevocationCheck {
    /** No revocation check. */
    NONE,
    /**
     * The end-entity certificate must be covered by a current CRL from its issuer; the CA
     * certificates of the path are checked against the supplied CRLs of their issuers where there
     * are any. The default when CRLs are supplied.
     */
    END_ENTITY,
    /** Every certificate of the path must be covered by a current CRL from its issuer. */
    WHOLE_PATH
}
