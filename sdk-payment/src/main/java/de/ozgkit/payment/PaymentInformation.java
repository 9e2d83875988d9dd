package de.ozgkit.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider says about a payment transaction ({@code paymentInformation} of
 * XBezahldienste 1.0.0): its id, status, the paypage to send the citizen to, the reference for the
 * cash office and, once paid, the method used.
 *
 * <p>Immutable and thread-safe.
 */
public final class PaymentInformation {

    private final String transactionId;
    private final PaymentStatus status;
    private final String statusDetail;
    private final URI transactionUrl;
    private final URI transactionRedirectUrl;
    private final String transactionReference;
    private final Instant transactionTimestamp;
    private final PaymentMethod paymentMethod;
    private final String paymentMethodDetail;

    private PaymentInformation(Builder b) {
        this.transactionId = Objects.requireNonNull(b.transactionId, "transactionId");
        this.status = Objects.requireNonNull(b.status, "status");
        this.statusDetail = b.statusDetail;
        this.transactionUrl = b.transactionUrl;
        this.transactionRedirectUrl = b.transactionRedirectUrl;
        this.transactionReference = b.transactionReference;
        this.transactionTimestamp = b.transactionTimestamp;
        this.paymentMethod = b.paymentMethod;
        this.paymentMethodDetail = b.paymentMethodDetail;
    }

    /**
     * @param transactionId the provider's transaction id
     * @param status        the status
     * @return a builder
     */
    public static Builder builder(String transactionId, PaymentStatus status) {
        return new Builder(transactionId, status);
    }

    /** @return the provider's transaction id (at most 44 characters) */
    public String transactionId() {
        return transactionId;
    }

    /** @return the status */
    public PaymentStatus status() {
        return status;
    }

    /** @return the provider's explanation of the status, if any */
    public Optional<String> statusDetail() {
        return Optional.ofNullable(statusDetail);
    }

    /** @return the transaction's URL at the provider ({@code transactionUrl}), if given */
    public Optional<URI> transactionUrl() {
        return Optional.ofNullable(transactionUrl);
    }

    /**
     * The paypage to send the citizen to ({@code transactionRedirectUrl}); present while the status is
     * {@link PaymentStatus#INITIAL}.
     *
     * @return the paypage URL, if given
     */
    public Optional<URI> transactionRedirectUrl() {
        return Optional.ofNullable(transactionRedirectUrl);
    }

    /** @return the provider's reference for the cash office, e.g. a Kassenzeichen, if given */
    public Optional<String> transactionReference() {
        return Optional.ofNullable(transactionReference);
    }

    /** @return when the provider recorded the transaction, if given */
    public Optional<Instant> transactionTimestamp() {
        return Optional.ofNullable(transactionTimestamp);
    }

    /** @return the payment method, once known */
    public Optional<PaymentMethod> paymentMethod() {
        return Optional.ofNullable(paymentMethod);
    }

    /** @return the provider's detail about the payment method, if any */
    public Optional<String> paymentMethodDetail() {
        return Optional.ofNullable(paymentMethodDetail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentInformation p && transactionId.equals(p.transactionId) && status == p.status
                && Objects.equals(statusDetail, p.statusDetail) && Objects.equals(transactionUrl, p.transactionUrl)
                && Objects.equals(transactionRedirectUrl, p.transactionRedirectUrl)
                && Objects.equals(transactionReference, p.transactionReference)
                && Objects.equals(transactionTimestamp, p.transactionTimestamp) && paymentMethod == p.paymentMethod
                && Objects.equals(paymentMethodDetail, p.paymentMethodDetail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transactionId, status, statusDetail, transactionUrl, transactionRedirectUrl,
                transactionReference, transactionTimestamp, paymentMethod, paymentMethodDetail);
    }

    @Override
    public String toString() {
        return "PaymentInformation[transactionId=" + transactionId + ", status=" + status
                + (paymentMethod == null ? "" : ", paymentMethod=" + paymentMethod) + "]";
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

        private Builder(String transactionId, PaymentStatus status) {
            this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
            this.status = Objects.requireNonNull(status, "status");
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
         * @param url the paypage
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

        /** @return the payment information */
        public PaymentInformation build() {
            return new PaymentInformation(this);
        }
    }
}
