package de.ozgkit.core.security;

import java.util.Optional;

/**
 * The well-known extended key usage purposes of an X.509 certificate (RFC 5280, section
 * 4.2.1.12). The list is open (any OID can name a purpose), so there is {@link #lookup(String)} but
 * no {@code fromCode}; other purposes are given by OID
 * ({@link CertificateValidator.Builder#requireExtendedKeyUsageOid(String)}).
 */
public enum ExtendedKeyUsage {
    /** id-kp-serverAuth: TLS server. */
    SERVER_AUTH("1.3.6.1.5.5.7.3.1"),
    /** id-kp-clientAuth: TLS client. */
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2"),
    /** id-kp-codeSigning. */
    CODE_SIGNING("1.3.6.1.5.5.7.3.3"),
    /** id-kp-emailProtection: S/MIME. */
    EMAIL_PROTECTION("1.3.6.1.5.5.7.3.4"),
    /** id-kp-timeStamping. */
    TIME_STAMPING("1.3.6.1.5.5.7.3.8"),
    /** id-kp-OCSPSigning. */
    OCSP_SIGNING("1.3.6.1.5.5.7.3.9");

    /** The OID of anyExtendedKeyUsage, which satisfies every purpose. */
    public static final String ANY_OID = "2.5.29.37.0";

    private final String oid;

    ExtendedKeyUsage(String oid) {
        this.oid = oid;
    }

    /** @return the purpose's object identifier in dotted form */
    public String oid() {
        return oid;
    }

    /**
     * @param oid an object identifier in dotted form, may be {@code null}
     * @return the well-known purpose with this OID, empty for any other
     */
    public static Optional<ExtendedKeyUsage> lookup(String oid) {
        for (ExtendedKeyUsage u : values()) {
            if (u.oid.equals(oid)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
