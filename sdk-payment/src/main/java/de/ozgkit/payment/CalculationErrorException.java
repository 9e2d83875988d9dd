package de.ozgkit.payment;

import de.ozgkit.core.ServiceError;

/**
 * The sum of the payment request does not fit its items (functional code {@code CALCULATION_ERROR}), e.g. a wrong {@code grosAmount}. ozgkit checks the sum before sending, so this means the provider computes differently (rounding, tax); check the items' amounts.
 */
public class CalculationErrorException extends PaymentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error            what the provider answered
     * @param message          what went wrong and how to fix it
     * @param paymentRequestId the requestId of the request sent, {@code null} for calls without one
     */
    public CalculationErrorException(ServiceError error, String message, String paymentRequestId) {
        super(error, message, FunctionalCode.CALCULATION_ERROR, paymentRequestId);
    }
}
