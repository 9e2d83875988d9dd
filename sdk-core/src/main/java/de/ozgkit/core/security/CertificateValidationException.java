package de.ozgkit.core.security;

import de.ozgkit.core.OzgException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate chain did not pass validation. {@link #reason()} says why in a form code can act
 * on, {@link #certificateIndex()} which certificate failed (0 is the end-entity certificate).
 * Messages identify certificates by position, serial number and issuer, not by the subject,
 * which may name a person.
 */
public class CertificateValidationException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** Why validation failed. */
    public enum Reason {
        /** The chain does not lead to any of the trust anchors. */
        UNTRUSTED,
        /** A certificate's validity period ended before the validation instant. */
        EXPIRED,
        /** A certificate's validity period starts after the validation instant. */
        NOT_YET_VALID,
        /** A certificate was revoked by its issuer (found on a CRL). */
        REVOKED,
        /** Revocation was to be checked but no current CRL from the issuer covers the certificate. */
        REVOCATION_UNKNOWN,
        /** The end-entity certificate lacks a required key usage or extended key usage, or a CA lacks keyCertSign. */
        KEY_USAGE,
        /** A signature in the chain does not verify: the certificate was altered or not signed by its issuer. */
        BAD_SIGNATURE,
        /** A certificate that issued another one is not a CA (basic constraints). */
        NOT_A_CA,
        /** A signature or key algorithm is too weak or not allowed. */
        WEAK_ALGORITHM,
        /** The chain is malformed otherwise: names do not chain, the path is too long, an unknown critical extension, policies. */
        PATH
    }

    private final Reason reason;
    private final int certificateIndex;
    private final transient X509Certificate certificate;

    /**
     * Creates the exception.
     *
     * @param reason           why validation failed
     * @param message          what failed and how to fix it; must not contain personal data
     * @param certificateIndex position of the failing certificate in the path (0 = end entity), or -1 if unknown
     * @param certificate      the failing certificate, may be {@code null}
     * @param cause            the underlying failure, may be {@code null}
     */
    public CertificateValidationException(Reason reason, String message, int certificateIndex,
                                          X509Certificate certificate, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.certificateIndex = certificateIndex;
        this.certificate = certificate;
    }

    /** @return why validation failed */
    public Reason reason() {
        return reason;
    }

    /** @return position of the failing certificate in the path (0 = end entity), or -1 if unknown */
    public int certificateIndex() {
        return certificateIndex;
    }

    /** @return the failing certificate, when known */
    public Optional<X509Certificate> certificate() {
        return Optional.ofNullable(certificate);
    }
}
