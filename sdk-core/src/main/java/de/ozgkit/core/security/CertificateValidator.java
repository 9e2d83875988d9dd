package de.ozgkit.core.security;

import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.security.CertificateValidationException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates X.509 certification paths against given trust anchors (RFC 5280 path validation by the
 * JDK's PKIX implementation): signatures, validity periods at a chosen instant, basic constraints,
 * CA key usage, name chaining, optionally revocation against supplied CRLs; on top of that the
 * end-entity certificate's key usage and extended key usage, which the JDK's PKIX validator leaves
 * to the caller, and the strength of every certificate below the trust anchor: signatures with
 * SHA-1, MD5 or MD2 and RSA or DSA keys under 2048 bits or EC keys under 256 bits are refused
 * ({@link CertificateValidationException.Reason#WEAK_ALGORITHM}), whatever the Java runtime's own
 * settings allow.
 *
 * <pre>{@code
 * CertificateValidator validator = CertificateValidator.builder()
 *         .trustAnchors(providerRootCa)
 *         .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
 *         .requireExtendedKeyUsage(ExtendedKeyUsage.CLIENT_AUTH)
 *         .crls(currentCrl)                      // switches on END_ENTITY revocation checking
 *         .build();
 * ValidatedPath path = validator.validate(List.of(leaf, intermediate));
 * }</pre>
 *
 * <p>The chain handed in may be in any order and may contain the trust anchor or unrelated
 * certificates; the path is built from the end-entity certificate (the first one) upwards using
 * the given chain and the {@linkplain Builder#intermediates configured intermediates}. Nothing is
 * fetched from the network (no CRL distribution points, no OCSP). The validity of the trust
 * anchor itself is not checked, as RFC 5280 prescribes.
 *
 * <p>Immutable and thread-safe.
 */
public final class CertificateValidator {

    private static final int MAX_PATH = 10;

    private final Set<TrustAnchor> anchors;
    private final List<X509Certificate> anchorCertificates;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final RevocationCheck revocation;
    private final boolean revocationSoftFail;
    private final Set<KeyUsage> requiredKeyUsage;
    private final Set<String> requiredExtendedKeyUsage;
    private final Clock clock;

    private CertificateValidator(Builder b) {
        if (b.anchors.isEmpty()) {
            throw OzgClientException.configuration("at least one trust anchor is needed; add the CA certificates you trust"
                    + " with trustAnchors(...) or trustStore(...)");
        }
        this.anchorCertificates = List.copyOf(b.anchors);
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate c : anchorCertificates) {
            set.add(new TrustAnchor(c, null));
        }
        this.anchors = Collections.unmodifiableSet(set);
        this.intermediates = List.copyOf(b.intermediates);
        this.crls = List.copyOf(b.crls);
        this.revocation = b.revocation != null ? b.revocation : (crls.isEmpty() ? RevocationCheck.NONE : RevocationCheck.END_ENTITY);
        this.revocationSoftFail = b.revocationSoftFail;
        this.requiredKeyUsage = b.keyUsage.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(b.keyUsage));
        this.requiredExtendedKeyUsage = Collections.unmodifiableSet(new LinkedHashSet<>(b.extendedKeyUsage));
        this.clock = b.clock;
    }

    /** @return a builder without trust anchors (at least one must be added) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the trust anchors */
    public List<X509Certificate> trustAnchors() {
        return anchorCertificates;
    }

    /** @return the revocation check in force */
    public RevocationCheck revocationCheck() {
        return revocation;
    }

    /**
     * Validates a chain at the current instant of the configured clock.
     *
     * @param chain the end-entity certificate first, then (in any order) its issuers
     * @return the validated path
     * @throws CertificateValidationException when the chain is not valid, with the reason
     */
    public ValidatedPath validate(List<X509Certificate> chain) {
        return validate(chain, clock.instant());
    }

    /**
     * Validates a chain at the current instant of the configured clock.
     *
     * @param chain the end-entity certificate first, then its issuers
     * @return the validated path
     * @throws CertificateValidationException when the chain is not valid
     */
    public ValidatedPath validate(X509Certificate... chain) {
        return validate(Arrays.asList(chain));
    }

    /**
     * Validates a chain at a given instant, e.g. the signing time of a document.
     *
     * @param chain the end-entity certificate first, then (in any order) its issuers
     * @param at    the instant at which every certificate must be valid
     * @return the validated path
     * @throws CertificateValidationException when the chain is not valid, with the reason
     */
    public ValidatedPath validate(List<X509Certificate> chain, Instant at) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(at, "at");
        if (chain.isEmpty()) {
            throw new CertificateValidationException(Reason.PATH, "there is no certificate to validate", -1, null, null);
        }
        for (X509Certificate c : chain) {
            Objects.requireNonNull(c, "certificate in chain");
        }
        X509Certificate leaf = chain.get(0);
        if (anchorCertificates.contains(leaf)) {
            // trusted directly (a pinned certificate): only its own validity and usage remain to check
            checkValidity(leaf, at);
            checkEndEntityUsage(leaf);
            return new ValidatedPath(List.of(leaf), leaf, at, RevocationCheck.NONE);
        }
        List<X509Certificate> path = buildPath(leaf, chain);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPath certPath = cf.generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters params = new PKIXParameters(anchors);
            params.setDate(Date.from(at));
            params.setRevocationEnabled(false);
            if (revocation != RevocationCheck.NONE) {
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker rc = (PKIXRevocationChecker) validator.getRevocationChecker();
                Set<PKIXRevocationChecker.Option> options = EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK);
                if (revocation == RevocationCheck.END_ENTITY) {
                    options.add(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
                }
                if (revocationSoftFail) {
                    options.add(PKIXRevocationChecker.Option.SOFT_FAIL);
                }
                rc.setOptions(options);
                params.addCertPathChecker(rc);
            }
            java.security.cert.PKIXCertPathValidatorResult result =
                    (java.security.cert.PKIXCertPathValidatorResult) validator.validate(certPath, params);
            X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
            WeakAlgorithms.check(path);
            if (revocation == RevocationCheck.END_ENTITY) {
                checkCaCertificatesAgainstCrls(path, anchor);
            }
            checkEndEntityUsage(leaf);
            return new ValidatedPath(path, anchor, at, revocation);
        } catch (CertPathValidatorException e) {
            throw translate(e, path);
        } catch (GeneralSecurityException e) {
            throw new CertificateValidationException(Reason.PATH, "the certificate path cannot be validated: "
                    + e.getMessage(), -1, null, e);
        }
    }

    /**
     * With revocation checking of the end entity, the CA certificates of the path are checked as well
     * against every supplied CRL of their issuer (signed by it): a CA the CRLs list as revoked is
     * refused. Unlike the end entity, a CA certificate without a CRL of its issuer passes.
     */
    private void checkCaCertificatesAgainstCrls(List<X509Certificate> path, X509Certificate anchor) {
        for (int i = 1; i < path.size(); i++) {
            X509Certificate ca = path.get(i);
            X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(ca.getIssuerX500Principal()) && signedBy(crl, issuer)
                        && crl.isRevoked(ca)) {
                    throw new CertificateValidationException(Reason.REVOKED, describe(ca, i) + " has been revoked by"
                            + " its issuer (listed on the supplied CRL); every certificate it issued is untrusted", i, ca,
                            null);
                }
            }
        }
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** From the end-entity certificate upwards by issuer name, stopping below a trust anchor. */
    private List<X509Certificate> buildPath(X509Certificate leaf, List<X509Certificate> chain) {
        List<X509Certificate> pool = new ArrayList<>(chain.subList(1, chain.size()));
        pool.addAll(intermediates);
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        X509Certificate current = leaf;
        while (path.size() < MAX_PATH && !issuedByAnchor(current) && !isSelfIssued(current)) {
            X509Certificate next = null;
            for (X509Certificate c : pool) {
                if (!path.contains(c) && !anchorCertificates.contains(c)
                        && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    if (verifies(current, c)) {
                        next = c;
                        break;
                    }
                    if (next == null) {
                        next = c;
                    }
                }
            }
            if (next == null) {
                break;
            }
            path.add(next);
            current = next;
        }
        return path;
    }

    private boolean issuedByAnchor(X509Certificate c) {
        for (X509Certificate a : anchorCertificates) {
            if (a.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
                return true;
            }
        }
        return false;
    }

    private static boolean verifies(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static void checkValidity(X509Certificate c, Instant at) {
        if (at.isAfter(c.getNotAfter().toInstant())) {
            throw new CertificateValidationException(Reason.EXPIRED, describe(c, 0) + " expired on "
                    + c.getNotAfter().toInstant() + "; renew the certificate", 0, c, null);
        }
        if (at.isBefore(c.getNotBefore().toInstant())) {
            throw new CertificateValidationException(Reason.NOT_YET_VALID, describe(c, 0) + " is valid only from "
                    + c.getNotBefore().toInstant() + "; check the clock or wait until then", 0, c, null);
        }
    }

    private void checkEndEntityUsage(X509Certificate leaf) {
        boolean[] ku = leaf.getKeyUsage();
        if (ku != null) {
            for (KeyUsage u : requiredKeyUsage) {
                if (u.bit() >= ku.length || !ku[u.bit()]) {
                    throw new CertificateValidationException(Reason.KEY_USAGE, describe(leaf, 0)
                            + " lacks the key usage " + u + " (it allows " + allowed(ku) + "); use a certificate"
                            + " issued for this purpose", 0, leaf, null);
                }
            }
        }
        if (!requiredExtendedKeyUsage.isEmpty()) {
            List<String> eku;
            try {
                eku = leaf.getExtendedKeyUsage();
            } catch (CertificateParsingException e) {
                throw new CertificateValidationException(Reason.PATH, describe(leaf, 0)
                        + " has an unreadable extended key usage extension", 0, leaf, e);
            }
            if (eku != null && !eku.contains(ExtendedKeyUsage.ANY_OID)) {
                for (String oid : requiredExtendedKeyUsage) {
                    if (!eku.contains(oid)) {
                        throw new CertificateValidationException(Reason.KEY_USAGE, describe(leaf, 0)
                                + " lacks the extended key usage " + ekuName(oid) + " (it allows " + eku
                                + "); use a certificate issued for this purpose", 0, leaf, null);
                    }
                }
            }
        }
    }

    private static String allowed(boolean[] ku) {
        List<KeyUsage> list = new ArrayList<>();
        for (KeyUsage u : KeyUsage.values()) {
            if (u.bit() < ku.length && ku[u.bit()]) {
                list.add(u);
            }
        }
        return list.toString();
    }

    private static String ekuName(String oid) {
        return ExtendedKeyUsage.lookup(oid).map(u -> u + " (" + oid + ")").orElse(oid);
    }

    private CertificateValidationException translate(CertPathValidatorException e, List<X509Certificate> path) {
        int index = e.getIndex();
        X509Certificate cert = index >= 0 && index < path.size() ? path.get(index) : null;
        String who = cert == null ? "a certificate of the path" : describe(cert, index);
        CertPathValidatorException.Reason r = e.getReason();
        Reason reason;
        String message;
        if (r == CertPathValidatorException.BasicReason.EXPIRED) {
            reason = Reason.EXPIRED;
            message = who + (cert == null ? " has expired" : " expired on " + cert.getNotAfter().toInstant())
                    + "; renew the certificate";
        } else if (r == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            reason = Reason.NOT_YET_VALID;
            message = who + " is not valid yet" + (cert == null ? "" : " (valid from " + cert.getNotBefore().toInstant() + ")")
                    + "; check the clock or wait until then";
        } else if (r == CertPathValidatorException.BasicReason.REVOKED) {
            reason = Reason.REVOKED;
            message = who + " has been revoked by its issuer (listed on the CRL); obtain a new certificate";
        } else if (r == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            reason = Reason.REVOCATION_UNKNOWN;
            message = "the revocation status of " + who + " is unknown: no current CRL signed by its issuer was"
                    + " supplied; add a fresh CRL from the issuer or relax the revocation check";
        } else if (r == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
            reason = Reason.BAD_SIGNATURE;
            message = "the signature on " + who + " does not verify: the certificate was altered or was not signed"
                    + " by the CA it names; obtain the original certificate and its CA chain";
        } else if (r == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            reason = Reason.WEAK_ALGORITHM;
            message = who + " uses a signature or key algorithm this Java runtime does not accept ("
                    + e.getMessage() + "); reissue it with SHA-256 or stronger and RSA 2048+ or EC P-256+";
        } else if (r == PKIXReason.NO_TRUST_ANCHOR) {
            reason = Reason.UNTRUSTED;
            X509Certificate top = path.get(path.size() - 1);
            message = "the chain does not lead to a trusted CA: the top certificate (" + describe(top, path.size() - 1)
                    + ") is not issued by any of the " + anchorCertificates.size() + " trust anchor(s); trust the right"
                    + " root CA or supply the missing intermediate CA certificates";
            cert = cert == null ? top : cert;
            index = index < 0 ? path.size() - 1 : index;
        } else if (r == PKIXReason.NOT_CA_CERT) {
            reason = Reason.NOT_A_CA;
            message = who + " issued another certificate but is not a CA (basic constraints); the chain is forged"
                    + " or assembled wrongly";
        } else if (r == PKIXReason.INVALID_KEY_USAGE) {
            reason = Reason.KEY_USAGE;
            message = who + " is not allowed to sign certificates (key usage lacks keyCertSign)";
        } else if (r == PKIXReason.PATH_TOO_LONG) {
            reason = Reason.PATH;
            message = "the path is longer than a CA's path length constraint allows at " + who;
        } else if (r == PKIXReason.UNRECOGNIZED_CRIT_EXT) {
            reason = Reason.PATH;
            message = who + " has a critical extension that cannot be processed";
        } else {
            reason = Reason.PATH;
            message = "the certificate path is not valid at " + who + ": " + e.getMessage();
        }
        return new CertificateValidationException(reason, message, index, cert, e);
    }

    /** Identifies a certificate without its subject (which may name a person). */
    static String describe(X509Certificate c, int index) {
        String role = index == 0 ? "the end-entity certificate" : "CA certificate #" + index;
        String issuer = isSelfIssued(c) ? "self-issued" : "issued by " + c.getIssuerX500Principal().getName();
        return role + " (serial " + c.getSerialNumber().toString(16) + ", " + issuer + ")";
    }

    @Override
    public String toString() {
        return "CertificateValidator[anchors=" + anchorCertificates.size() + ", intermediates=" + intermediates.size()
                + ", revocation=" + revocation + (revocationSoftFail ? " (soft fail)" : "") + ", crls=" + crls.size()
                + ", keyUsage=" + requiredKeyUsage + ", extendedKeyUsage=" + requiredExtendedKeyUsage + "]";
    }

    /** Builds a {@link CertificateValidator}. Not thread-safe. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private RevocationCheck revocation;
        private boolean revocationSoftFail;
        private final Set<KeyUsage> keyUsage = EnumSet.noneOf(KeyUsage.class);
        private final Set<String> extendedKeyUsage = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Adds trusted certificates (usually root CAs).
         *
         * @param certificates the trust anchors
         * @return this builder
         */
        public Builder trustAnchors(X509Certificate... certificates) {
            return trustAnchors(Arrays.asList(certificates));
        }

        /**
         * Adds trusted certificates (usually root CAs).
         *
         * @param certificates the trust anchors
         * @return this builder
         */
        public Builder trustAnchors(Collection<X509Certificate> certificates) {
            for (X509Certificate c : certificates) {
                anchors.add(Objects.requireNonNull(c, "trust anchor"));
            }
            return this;
        }

        /**
         * Adds every trusted certificate entry of a key store as trust anchor.
         *
         * @param trustStore e.g. a loaded PKCS#12 trust store
         * @return this builder
         */
        public Builder trustStore(KeyStore trustStore) {
            try {
                for (String alias : Collections.list(trustStore.aliases())) {
                    if (trustStore.isCertificateEntry(alias) && trustStore.getCertificate(alias) instanceof X509Certificate) {
                        anchors.add((X509Certificate) trustStore.getCertificate(alias));
                    }
                }
                return this;
            } catch (KeyStoreException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "the trust store is not loaded: "
                        + e.getMessage(), e, 0);
            }
        }

        /**
         * Adds intermediate CA certificates that may be used to build paths when a chain is incomplete.
         * They are not trusted by themselves.
         *
         * @param certificates intermediate CA certificates
         * @return this builder
         */
        public Builder intermediates(X509Certificate... certificates) {
            for (X509Certificate c : certificates) {
                intermediates.add(Objects.requireNonNull(c, "intermediate"));
            }
            return this;
        }

        /**
         * Adds CRLs to check revocation against. Unless {@link #revocationCheck} is set explicitly,
         * supplying CRLs switches on {@link RevocationCheck#END_ENTITY}.
         *
         * @param crls current CRLs of the CAs in the paths
         * @return this builder
         */
        public Builder crls(X509CRL... crls) {
            return crls(Arrays.asList(crls));
        }

        /**
         * Adds CRLs to check revocation against.
         *
         * @param crls current CRLs
         * @return this builder
         */
        public Builder crls(Collection<X509CRL> crls) {
            for (X509CRL c : crls) {
                this.crls.add(Objects.requireNonNull(c, "crl"));
            }
            return this;
        }

        /**
         * Sets the revocation check.
         *
         * @param check none, end entity only, or the whole path
         * @return this builder
         */
        public Builder revocationCheck(RevocationCheck check) {
            this.revocation = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * Accepts certificates whose revocation status cannot be determined (no current CRL).
         * Certificates found on a CRL are still rejected. Off by default.
         *
         * @param softFail whether a missing CRL is tolerated
         * @return this builder
         */
        public Builder revocationSoftFail(boolean softFail) {
            this.revocationSoftFail = softFail;
            return this;
        }

        /**
         * Requires key usage bits of the end-entity certificate (a certificate without the key usage
         * extension allows every usage).
         *
         * @param usages the bits that must all be set
         * @return this builder
         */
        public Builder requireKeyUsage(KeyUsage... usages) {
            keyUsage.addAll(Arrays.asList(usages));
            return this;
        }

        /**
         * Requires extended key usage purposes of the end-entity certificate (a certificate without the
         * extension, or with anyExtendedKeyUsage, allows every purpose).
         *
         * @param usages the purposes that must all be listed
         * @return this builder
         */
        public Builder requireExtendedKeyUsage(ExtendedKeyUsage... usages) {
            for (ExtendedKeyUsage u : usages) {
                extendedKeyUsage.add(u.oid());
            }
            return this;
        }

        /**
         * Requires an extended key usage purpose given by its OID, for purposes not in {@link ExtendedKeyUsage}.
         *
         * @param oid dotted object identifier
         * @return this builder
         */
        public Builder requireExtendedKeyUsageOid(String oid) {
            if (!Objects.requireNonNull(oid, "oid").matches("\\d+(\\.\\d+)+")) {
                throw OzgClientException.configuration("not a dotted OID: " + oid + "; give the extended key usage as"
                        + " numbers, e.g. 1.3.6.1.5.5.7.3.2");
            }
            extendedKeyUsage.add(oid);
            return this;
        }

        /**
         * Sets the clock whose instant {@link CertificateValidator#validate(List)} uses.
         *
         * @param clock the clock, system UTC by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the validator
         * @throws OzgClientException of kind CONFIGURATION without trust anchors
         */
        public CertificateValidator build() {
            return new CertificateValidator(this);
        }
    }
}
