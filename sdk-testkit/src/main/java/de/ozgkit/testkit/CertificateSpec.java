package de.ozgkit.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a generated certificate should look like: subject, validity period, key type, key usage,
 * extended key usage, subject alternative names and the CA flag. Immutable; build with
 * {@link #builder()} or start from one of the presets ({@link #server(String...)},
 * {@link #client(String)}, {@link #ca(String)}) and adjust with {@link #toBuilder()}.
 *
 * <pre>{@code
 * CertificateSpec expired = CertificateSpec.server("localhost", "127.0.0.1").toBuilder()
 *         .validity(Instant.now().minus(Duration.ofDays(2)), Instant.now().minus(Duration.ofDays(1)))
 *         .build();
 * }</pre>
 */
public final class CertificateSpec {

    /** Key usage bits (RFC 5280, 4.2.1.3). */
    public enum KeyUsage {
        /** digitalSignature */
        DIGITAL_SIGNATURE,
        /** nonRepudiation, also called contentCommitment */
        NON_REPUDIATION,
        /** keyEncipherment */
        KEY_ENCIPHERMENT,
        /** dataEncipherment */
        DATA_ENCIPHERMENT,
        /** keyAgreement */
        KEY_AGREEMENT,
        /** keyCertSign */
        KEY_CERT_SIGN,
        /** cRLSign */
        CRL_SIGN
    }

    /** Extended key usage purposes (RFC 5280, 4.2.1.12). */
    public enum ExtendedKeyUsage {
        /** id-kp-serverAuth, TLS server */
        SERVER_AUTH,
        /** id-kp-clientAuth, TLS client */
        CLIENT_AUTH,
        /** id-kp-codeSigning */
        CODE_SIGNING,
        /** id-kp-emailProtection, S/MIME */
        EMAIL_PROTECTION,
        /** id-kp-timeStamping */
        TIME_STAMPING,
        /** id-kp-OCSPSigning */
        OCSP_SIGNING
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String subject;
    private final Instant notBefore;
    private final Instant notAfter;
    private final KeyType keyType;
    private final Set<KeyUsage> keyUsage;
    private final Set<ExtendedKeyUsage> extendedKeyUsage;
    private final List<String> dnsNames;
    private final List<String> ipAddresses;
    private final boolean ca;
    private final Integer pathLength;

    private CertificateSpec(Builder b) {
        this.subject = b.subject;
        this.notBefore = b.notBefore;
        this.notAfter = b.notAfter;
        if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("notAfter must not be before notBefore, was " + notBefore + " .. " + notAfter);
        }
        this.keyType = b.keyType;
        this.keyUsage = Collections.unmodifiableSet(b.keyUsage.isEmpty() ? EnumSet.noneOf(KeyUsage.class) : EnumSet.copyOf(b.keyUsage));
        this.extendedKeyUsage = Collections.unmodifiableSet(b.extendedKeyUsage.isEmpty()
                ? EnumSet.noneOf(ExtendedKeyUsage.class) : EnumSet.copyOf(b.extendedKeyUsage));
        this.dnsNames = List.copyOf(b.dnsNames);
        this.ipAddresses = List.copyOf(b.ipAddresses);
        this.ca = b.ca;
        this.pathLength = b.pathLength;
    }

    /** @return an empty builder: subject {@code CN=ozgkit test}, RSA 2048, valid from one hour ago for 30 days */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A TLS server certificate: digitalSignature + keyEncipherment, EKU serverAuth, and a subject
     * alternative name for each host (IP literals become iPAddress entries, all others dNSName).
     *
     * @param hosts host names or IP literals, e.g. {@code "localhost", "127.0.0.1"}; the first is also the CN
     * @return the spec
     */
    public static CertificateSpec server(String... hosts) {
        if (hosts.length == 0) {
            throw new IllegalArgumentException("a server certificate needs at least one host name or IP address");
        }
        Builder b = builder().subject("CN=" + hosts[0] + ",O=ozgkit test")
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)
                .extendedKeyUsage(ExtendedKeyUsage.SERVER_AUTH);
        for (String h : hosts) {
            b.subjectAlternativeName(h);
        }
        return b.build();
    }

    /**
     * A TLS client certificate: digitalSignature + keyEncipherment, EKU clientAuth.
     *
     * @param commonName the CN of the subject
     * @return the spec
     */
    public static CertificateSpec client(String commonName) {
        return builder().subject("CN=" + commonName + ",O=ozgkit test")
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)
                .extendedKeyUsage(ExtendedKeyUsage.CLIENT_AUTH)
                .build();
    }

    /**
     * A CA certificate: basicConstraints cA=true, keyCertSign + cRLSign, valid for ten years.
     *
     * @param commonName the CN of the subject
     * @return the spec
     */
    public static CertificateSpec ca(String commonName) {
        Instant now = Instant.now();
        return builder().subject("CN=" + commonName + ",O=ozgkit test")
                .ca(true)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)
                .validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)))
                .build();
    }

    /** @return a builder holding this spec's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.subject = subject;
        b.notBefore = notBefore;
        b.notAfter = notAfter;
        b.keyType = keyType;
        b.keyUsage.addAll(keyUsage);
        b.extendedKeyUsage.addAll(extendedKeyUsage);
        b.dnsNames.addAll(dnsNames);
        b.ipAddresses.addAll(ipAddresses);
        b.ca = ca;
        b.pathLength = pathLength;
        return b;
    }

    /** @return the subject distinguished name in RFC 4514 form, e.g. {@code CN=localhost,O=ozgkit test} */
    public String subject() {
        return subject;
    }

    /** @return the start of the validity period, empty for "one hour before issuing" */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    /** @return the end of the validity period, empty for "30 days after issuing" */
    public Optional<Instant> notAfter() {
        return Optional.ofNullable(notAfter);
    }

    /** @return the kind of key pair to generate */
    public KeyType keyType() {
        return keyType;
    }

    /** @return the key usage bits; empty means the extension is left out */
    public Set<KeyUsage> keyUsage() {
        return keyUsage;
    }

    /** @return the extended key usage purposes; empty means the extension is left out */
    public Set<ExtendedKeyUsage> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** @return the dNSName subject alternative names */
    public List<String> dnsNames() {
        return dnsNames;
    }

    /** @return the iPAddress subject alternative names as literals */
    public List<String> ipAddresses() {
        return ipAddresses;
    }

    /** @return whether basicConstraints says cA=true */
    public boolean isCa() {
        return ca;
    }

    /** @return the path length constraint of a CA, empty for none */
    public Optional<Integer> pathLength() {
        return Optional.ofNullable(pathLength);
    }

    @Override
    public String toString() {
        return "CertificateSpec[" + subject + ", " + keyType + ", ca=" + ca + ", ku=" + keyUsage + ", eku="
                + extendedKeyUsage + ", dns=" + dnsNames + ", ip=" + ipAddresses + "]";
    }

    /** Builds a {@link CertificateSpec}. Not thread-safe. */
    public static final class Builder {
        private String subject = "CN=ozgkit test";
        private Instant notBefore;
        private Instant notAfter;
        private KeyType keyType = KeyType.RSA_2048;
        private final Set<KeyUsage> keyUsage = EnumSet.noneOf(KeyUsage.class);
        private final Set<ExtendedKeyUsage> extendedKeyUsage = EnumSet.noneOf(ExtendedKeyUsage.class);
        private final List<String> dnsNames = new ArrayList<>();
        private final List<String> ipAddresses = new ArrayList<>();
        private boolean ca;
        private Integer pathLength;

        private Builder() {
        }

        /**
         * Sets the subject distinguished name.
         *
         * @param dn RFC 4514 form, e.g. {@code CN=client-1,O=Stadt Musterhausen}
         * @return this builder
         */
        public Builder subject(String dn) {
            this.subject = Objects.requireNonNull(dn, "dn");
            return this;
        }

        /**
         * Sets the validity period.
         *
         * @param notBefore first instant of validity
         * @param notAfter  last instant of validity
         * @return this builder
         */
        public Builder validity(Instant notBefore, Instant notAfter) {
            this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
            this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
            return this;
        }

        /**
         * Sets the kind of key pair.
         *
         * @param type RSA or EC
         * @return this builder
         */
        public Builder keyType(KeyType type) {
            this.keyType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Replaces the key usage bits; none leaves the extension out.
         *
         * @param usages the bits
         * @return this builder
         */
        public Builder keyUsage(KeyUsage... usages) {
            keyUsage.clear();
            keyUsage.addAll(List.of(usages));
            return this;
        }

        /**
         * Replaces the extended key usage purposes; none leaves the extension out.
         *
         * @param usages the purposes
         * @return this builder
         */
        public Builder extendedKeyUsage(ExtendedKeyUsage... usages) {
            extendedKeyUsage.clear();
            extendedKeyUsage.addAll(List.of(usages));
            return this;
        }

        /**
         * Adds a subject alternative name: an IP literal becomes an iPAddress entry, anything else a
         * dNSName entry.
         *
         * @param hostOrIp e.g. {@code "localhost"}, {@code "127.0.0.1"} or {@code "::1"}
         * @return this builder
         */
        public Builder subjectAlternativeName(String hostOrIp) {
            Objects.requireNonNull(hostOrIp, "hostOrIp");
            if (IPV4.matcher(hostOrIp).matches() || hostOrIp.contains(":")) {
                return ipAddress(hostOrIp);
            }
            return dnsName(hostOrIp);
        }

        /**
         * Adds a dNSName subject alternative name.
         *
         * @param name e.g. {@code "localhost"} or {@code "*.example.test"}
         * @return this builder
         */
        public Builder dnsName(String name) {
            dnsNames.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Adds an iPAddress subject alternative name.
         *
         * @param literal an IPv4 or IPv6 literal (no host name lookup takes place)
         * @return this builder
         */
        public Builder ipAddress(String literal) {
            Objects.requireNonNull(literal, "literal");
            if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
                throw new IllegalArgumentException("not an IP literal: " + literal);
            }
            try {
                // a literal never triggers a lookup; this only checks the syntax
                InetAddress.getByName(literal);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP literal: " + literal, e);
            }
            ipAddresses.add(literal);
            return this;
        }

        /** @return this builder without any subject alternative names */
        public Builder clearSubjectAlternativeNames() {
            dnsNames.clear();
            ipAddresses.clear();
            return this;
        }

        /**
         * Sets the CA flag of basicConstraints.
         *
         * @param ca whether the certificate may issue certificates
         * @return this builder
         */
        public Builder ca(boolean ca) {
            this.ca = ca;
            return this;
        }

        /**
         * Sets the path length constraint of a CA.
         *
         * @param pathLength number of intermediate CAs allowed below, or {@code null} for none
         * @return this builder
         */
        public Builder pathLength(Integer pathLength) {
            this.pathLength = pathLength;
            return this;
        }

        /** @return the spec */
        public CertificateSpec build() {
            return new CertificateSpec(this);
        }
    }
}
