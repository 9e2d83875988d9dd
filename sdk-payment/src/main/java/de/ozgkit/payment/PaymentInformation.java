package de.ozgkit.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the provider says about a payment transaction ({@code paymentInformation} of
 * XBezahldienste 1.0.0): its id, status, the paypage to send the citizen to, the reference for the
 * cash office and, once paid, the method used.
 *
 * <p>Read tolerantly: a field the provider sends in a form the standard does not allow (a
 * {@code transactionTimestamp} that is not ISO 8601, a relative {@code transactionUrl}, an unknown
 * {@code paymentMethod}) does not make the whole answer unreadable. Its typed component stays
 * {@code null} (or {@link PaymentMethod#OTHER}), the text as sent is kept in
 * {@link #irregularFields()}, and the client logs a warning naming the field.
 *
 * <p>Immutable and thread-safe.
 *
 * @param transactionId          the provider's transaction id (the standard allows at most 44 characters;
 *                               a longer one is kept as sent)
 * @param status                 the status
 * @param statusDetail           the provider's explanation of the status, may be {@code null}
 * @param transactionUrl         the transaction's URL at the provider, may be {@code null} (absent, or not an
 *                               absolute URL: then in {@link #irregularFields()})
 * @param transactionRedirectUrl the paypage to send the citizen to, an absolute http(s) URL; present while
 *                               the status is {@link PaymentStatus#INITIAL}, may be {@code null}
 * @param transactionReference   the provider's reference for the cash office, e.g. a Kassenzeichen, may be
 *                               {@code null}
 * @param transactionTimestamp   when the provider recorded the transaction (providers send it once the
 *                               payment succeeded), may be {@code null} (absent, or not ISO 8601: then in
 *                               {@link #irregularFields()})
 * @param paymentMethod          the payment method, once known, may be {@code null}
 * @param paymentMethodDetail    the provider's detail about the payment method, may be {@code null}
 * @param irregularFields        fields the provider sent in a form the standard does not allow, by name, as
 *                               sent; never {@code null}, usually empty
 */
public record PaymentInformation(String transactionId, PaymentStatus status, String statusDetail, URI transactionUrl,
                                 URI transactionRedirectUrl, String transactionReference, Instant transactionTimestamp,
                                 PaymentMethod paymentMethod, String paymentMethodDetail,
                                 Map<String, String> irregularFields) {

    /**
     * Checks the required values and copies the map.
     *
     * @throws InvalidPaymentFieldException when the transaction id is blank or the paypage is not an
     *                                      absolute http(s) URL
     */
    public PaymentInformation {
        Objects.requireNonNull(status, "status");
        if (transactionId == null || transactionId.isBlank()) {
            throw new InvalidPaymentFieldException("paymentInformation.transactionId", "is required", "absent or blank");
        }
        if (transactionRedirectUrl != null && !isHttp(transactionRedirectUrl)) {
            throw new InvalidPaymentFieldException("paymentInformation.transactionRedirectUrl",
                    "must be an absolute http or https URL (it is where the citizen is sent)",
                    "a URL with scheme \"" + transactionRedirectUrl.getScheme() + "\"");
        }
        irregularFields = irregularFields == null || irregularFields.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(irregularFields));
    }

    static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return uri.isAbsolute() && uri.getHost() != null
                && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    }

    /**
     * @param transactionId the provider's transaction id
     * @param status        the status
     * @return a builder
     */
    public static Builder builder(String transactionId, PaymentStatus status) {
        return new Builder(transactionId, status);
    }

    @Override
    public String toString() {
        return "PaymentInformation[transactionId=" + transactionId + ", status=" + status
                + (paymentMethod == null ? "" : ", paymentMethod=" + paymentMethod)
                + (irregularFields.isEmpty() ? "" : ", irregular=" + irregularFields.keySet()) + "]";
    }

    /** Builds a {@link PaymentInformation}. Not thread-safe. */
    public static final class Builder {
        private final String transactionId;
        private final PaymentStatus status;
        private String statusDetail;
        private URI transactionUrl;
        private URI transactionRedirectUrl;
        private String transactionReference;
        private Instant transactionTimestamp;
        private PaymentMethod paymentMethod;
        private String paymentMethodDetail;
        private final Map<String, String> irregularFields = new LinkedHashMap<>();

        private Builder(String transactionId, PaymentStatus status) {
            this.transactionId = transactionId;
            this.status = status;
        }

        /**
         * @param detail the provider's explanation of the status
         * @return this builder
         */
        public Builder statusDetail(String detail) {
            this.statusDetail = detail;
            return this;
        }

        /**
         * @param url the transaction's URL at the provider
         * @return this builder
         */
        public Builder transactionUrl(URI url) {
            this.transactionUrl = url;
            return this;
        }

        /**
         * @param url the paypage, an absolute http(s) URL
         * @return this builder
         */
        public Builder transactionRedirectUrl(URI url) {
            this.transactionRedirectUrl = url;
            return this;
        }

        /**
         * @param reference the reference for the cash office
         * @return this builder
         */
        public Builder transactionReference(String reference) {
            this.transactionReference = reference;
            return this;
        }

        /**
         * @param timestamp when the provider recorded the transaction
         * @return this builder
         */
        public Builder transactionTimestamp(Instant timestamp) {
            this.transactionTimestamp = timestamp;
            return this;
        }

        /**
         * @param method the payment method
         * @return this builder
         */
        public Builder paymentMethod(PaymentMethod method) {
            this.paymentMethod = method;
            return this;
        }

        /**
         * @param detail the provider's detail about the payment method
         * @return this builder
         */
        public Builder paymentMethodDetail(String detail) {
            this.paymentMethodDetail = detail;
            return this;
        }

        /**
         * Keeps a field that was sent in a form the standard does not allow.
         *
         * @param name  the field's name, e.g. {@code "transactionTimestamp"}
         * @param value the text as sent
         * @return this builder
         */
        public Builder irregularField(String name, String value) {
            irregularFields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the payment information
         * @throws InvalidPaymentFieldException when the transaction id is blank or the paypage not http(s)
         */
        public PaymentInformation build() {
            return new PaymentInformation(transactionId, status, statusDetail, transactionUrl, transactionRedirectUrl,
                    transactionReference, transactionTimestamp, paymentMethod, paymentMethodDetail, irregularFields);
        }
    }
}
