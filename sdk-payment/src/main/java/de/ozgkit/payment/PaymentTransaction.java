package de.ozgkit.payment;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment transaction as the provider answers it ({@code PaymentTransaction} of XBezahldienste
 * 1.0.0): the {@linkplain #information() payment information} and, when the provider echoes it,
 * the {@linkplain #request() payment request}.
 *
 * <p>After {@link PaymentClient#create}, send the citizen to {@link #paypageUrl()}; then poll with
 * {@link PaymentClient#awaitFinalStatus} until {@link #status()} is final.
 *
 * <p>Immutable and thread-safe.
 */
public final class PaymentTransaction {

    private final PaymentInformation information;
    private final PaymentRequest request;

    /**
     * Creates a transaction.
     *
     * @param information the payment information
     * @param request     the echoed payment request, {@code null} when the provider sent none (or one
     *                    that is not valid under the standard's rules)
     */
    public PaymentTransaction(PaymentInformation information, PaymentRequest request) {
        this.information = Objects.requireNonNull(information, "information");
        this.request = request;
    }

    /** @return the payment information */
    public PaymentInformation information() {
        return information;
    }

    /** @return the payment request as the provider echoed it, if it did */
    public Optional<PaymentRequest> request() {
        return Optional.ofNullable(request);
    }

    /** @return the provider's transaction id */
    public String transactionId() {
        return information.transactionId();
    }

    /** @return the status */
    public PaymentStatus status() {
        return information.status();
    }

    /**
     * The paypage to send the citizen to ({@code transactionRedirectUrl}); present while the status is
     * {@link PaymentStatus#INITIAL}.
     *
     * @return the paypage URL, if the provider gave one
     */
    public Optional<URI> paypageUrl() {
        return information.transactionRedirectUrl();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentTransaction t && information.equals(t.information) && Objects.equals(request, t.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(information, request);
    }

    @Override
    public String toString() {
        return "PaymentTransaction[transactionId=" + transactionId() + ", status=" + status()
                + (request == null ? "" : ", requestId=" + request.requestId()) + "]";
    }
}
