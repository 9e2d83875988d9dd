package de.ozgkit.payment;

import de.ozgkit.core.ServiceError;
import java.util.Optional;

/**
 * A payment request with this {@code requestId} was already placed at the provider (functional code
 * {@code PAYMENT_EXISTS}).
 *
 * <p>Carries the {@link #paymentRequestId() requestId} and, when the provider says which, the
 * {@link #existingTransactionId() existing transaction}: fetch it with {@link PaymentClient#get}
 * instead of creating the payment again. XBezahldienste 1.0.0 gives the problem no member for the
 * transaction, so most providers do not say; then reconcile by the {@code requestId} with the
 * provider (its back office or report).
 *
 * <p>When an earlier attempt of the same {@link PaymentClient#create} call created the transaction
 * and its answer was lost, the client fetches the transaction itself if the provider names it, and
 * this exception is not thrown; if it does not, this exception says so ({@link #afterLostAnswer()}).
 */
public class PaymentExistsException extends PaymentException {
    private static final long serialVersionUID = 1L;

    private final String existingTransactionId;

    /**
     * Creates the exception.
     *
     * @param error                 what the provider answered
     * @param message               what went wrong and how to fix it
     * @param paymentRequestId      the requestId of the request sent
     * @param existingTransactionId the transaction the provider says holds this requestId, {@code null} when it does not say
     */
    public PaymentExistsException(ServiceError error, String message, String paymentRequestId,
                                  String existingTransactionId) {
        super(error, message, FunctionalCode.PAYMENT_EXISTS, paymentRequestId);
        this.existingTransactionId = existingTransactionId;
    }

    /**
     * @return whether this answer came to a repeated attempt of the same create call, so that most
     *         likely an earlier attempt created the transaction and its answer was lost
     */
    public boolean afterLostAnswer() {
        return attempts() > 1;
    }

    /** @return the id of the transaction that already holds this requestId, when the provider says */
    public Optional<String> existingTransactionId() {
        return Optional.ofNullable(existingTransactionId);
    }
}
