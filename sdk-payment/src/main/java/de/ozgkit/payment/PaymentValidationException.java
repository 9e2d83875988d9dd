package de.ozgkit.payment;

import de.ozgkit.core.ServiceError;

/**
 * The provider found another validation or semantic error (functional code {@code VALIDATION_ERROR}), e.g. an unsupported currency; the problem's detail says which. Fix the request; sending it unchanged fails again.
 */
public class PaymentValidationException extends PaymentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error            what the provider answered
     * @param message          what went wrong and how to fix it
     * @param paymentRequestId the requestId of the request sent, {@code null} for calls without one
     */
    public PaymentValidationException(ServiceError error, String message, String paymentRequestId) {
        super(error, message, FunctionalCode.VALIDATION_ERROR, paymentRequestId);
    }
}
