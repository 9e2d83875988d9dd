package de.ozgkit.payment;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment transaction as the provider answers it ({@code PaymentTransaction} of XBezahldienste
 * 1.0.0): the payment information and, when the provider echoes it, the payment request.
 *
 * <p>After {@link PaymentClient#create}, send the citizen to {@link #paypageUrl()}; then poll with
 * {@link PaymentClient#awaitFinalStatus} until {@link #status()} is final.
 *
 * <p>Immutable and thread-safe.
 *
 * @param information the payment information
 * @param request     the payment request as the provider echoed it, may be {@code null} (the provider
 *                    sent none, or one that breaks the standard's rules)
 */
public record PaymentTransaction(PaymentInformation information, PaymentRequest request) {

    /** Checks the value. */
    public PaymentTransaction {
        Objects.requireNonNull(information, "information");
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
     * The paypage to send the citizen to ({@code transactionRedirectUrl}, always an absolute http(s)
     * URL); present while the status is {@link PaymentStatus#INITIAL}.
     *
     * @return the paypage URL, if the provider gave one
     */
    public Optional<URI> paypageUrl() {
        return Optional.ofNullable(information.transactionRedirectUrl());
    }

    @Override
    public String toString() {
        return "PaymentTransaction[transactionId=" + transactionId() + ", status=" + status()
                + (request == null ? "" : ", requestId=" + request.requestId()) + "]";
    }
}
