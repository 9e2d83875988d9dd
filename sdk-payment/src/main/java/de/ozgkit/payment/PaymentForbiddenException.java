package de.ozgkit.payment;

import de.ozgkit.core.ServiceError;

/**
 * Authentication data is missing or not authorised for this originator and end point (functional code {@code FORBIDDEN}). Check the credentials and ask the provider to grant access.
 */
public class PaymentForbiddenException extends PaymentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error            what the provider answered
     * @param message          what went wrong and how to fix it
     * @param paymentRequestId the requestId of the request sent, {@code null} for calls without one
     */
    public PaymentForbiddenException(ServiceError error, String message, String paymentRequestId) {
        super(error, message, FunctionalCode.FORBIDDEN, paymentRequestId);
    }
}
