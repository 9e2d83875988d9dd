package de.ozgkit.messaging;

import de.ozgkit.core.UnknownCodeException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The intermediary's inspection of one certificate of a delivery, as recorded in the process card
 * (OSCI {@code Inspection}).
 *
 * @param timestamp     when the certificate was inspected
 * @param subject       the certificate's subject name
 * @param issuer        its issuer name
 * @param serialNumber  its serial number
 * @param certType      what kind of certificate the intermediary judged it to be
 * @param mathResult    the check of the issuer's signature on the certificate
 * @param offlineResult the offline check (validity period, chain)
 * @param onlineResult  the online status check (OCSP/CRL), may be {@code null} when none was made
 */
public record Inspection(Instant timestamp, String subject, String issuer, BigInteger serialNumber, CertType certType,
                         MathResult mathResult, OfflineResult offlineResult, OnlineResult onlineResult) {

    /** Checks the required components. */
    public Inspection {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(certType, "certType");
        Objects.requireNonNull(mathResult, "mathResult");
        Objects.requireNonNull(offlineResult, "offlineResult");
    }

    /** @return the online result, when an online check was made */
    public Optional<OnlineResult> online() {
        return Optional.ofNullable(onlineResult);
    }

    /** The certificate kind ({@code CertType/@Type}). */
    public enum CertType {
        /** Advanced certificate. */
        ADVANCED("advanced"),
        /** Qualified certificate. */
        QUALIFIED("qualified"),
        /** Accredited (qualified with provider accreditation). */
        ACCREDITED("accredited"),
        /** Not determined. */
        UNKNOWN("unknown");

        private final String code;

        CertType(String code) {
            this.code = code;
        }

        /** @return the wire value */
        public String code() {
            return code;
        }

        /**
         * @param code the wire value
         * @return the value
         * @throws UnknownCodeException for another value
         */
        public static CertType fromCode(String code) {
            return lookup(code).orElseThrow(() -> new UnknownCodeException("OSCI CertType", code,
                    Arrays.stream(values()).map(CertType::code).toList()));
        }

        /**
         * @param code the wire value
         * @return the value, empty for another value
         */
        public static Optional<CertType> lookup(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }

    /** The result of checking the issuer's signature ({@code MathResult/@Result}). */
    public enum MathResult {
        /** The signature on the certificate is valid. */
        OK("ok"),
        /** The signature on the certificate is invalid. */
        CORRUPTED("corrupted"),
        /** The issuer is unknown, so the signature could not be checked. */
        INDETERMINATE("indeterminate");

        private final String code;

        MathResult(String code) {
            this.code = code;
        }

        /** @return the wire value */
        public String code() {
            return code;
        }

        /**
         * @param code the wire value
         * @return the value
         * @throws UnknownCodeException for another value
         */
        public static MathResult fromCode(String code) {
            return lookup(code).orElseThrow(() -> new UnknownCodeException("OSCI MathResult", code,
                    Arrays.stream(values()).map(MathResult::code).toList()));
        }

        /**
         * @param code the wire value
         * @return the value, empty for another value
         */
        public static Optional<MathResult> lookup(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }

    /** The offline check ({@code OfflineResult/@Result}). */
    public enum OfflineResult {
        /** Valid at the time of inspection. */
        VALID("valid"),
        /** Invalid (outside the validity period or not chaining to a trust anchor). */
        INVALID("invalid"),
        /** Not determined. */
        INDETERMINATE("indeterminate");

        private final String code;

        OfflineResult(String code) {
            this.code = code;
        }

        /** @return the wire value */
        public String code() {
            return code;
        }

        /**
         * @param code the wire value
         * @return the value
         * @throws UnknownCodeException for another value
         */
        public static OfflineResult fromCode(String code) {
            return lookup(code).orElseThrow(() -> new UnknownCodeException("OSCI OfflineResult", code,
                    Arrays.stream(values()).map(OfflineResult::code).toList()));
        }

        /**
         * @param code the wire value
         * @return the value, empty for another value
         */
        public static Optional<OfflineResult> lookup(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }

    /** The online status check ({@code OnlineResult/@Result}). */
    public enum OnlineResult {
        /** Not revoked. */
        OK("ok"),
        /** Revoked. */
        REVOKED("revoked");

        private final String code;

        OnlineResult(String code) {
            this.code = code;
        }

        /** @return the wire value */
        public String code() {
            return code;
        }

        /**
         * @param code the wire value
         * @return the value
         * @throws UnknownCodeException for another value
         */
        public static OnlineResult fromCode(String code) {
            return lookup(code).orElseThrow(() -> new UnknownCodeException("OSCI OnlineResult", code,
                    Arrays.stream(values()).map(OnlineResult::code).toList()));
        }

        /**
         * @param code the wire value
         * @return the value, empty for another value
         */
        public static Optional<OnlineResult> lookup(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
        }
    }
}
