package de.ozgkit.payment;

import de.ozgkit.core.ServiceError;

/**
 * The provider finds no client configuration ("Mandant") for the originatorId and endPointId (functional code {@code NO_VALID_ORIGINATOR_OR_ENDPOINT}, or its deprecated name {@code NO_VALID_ORIGINATOR_OR_DESTINATION}). Check both ids with the provider; retrying does not help.
 */
public class UnknownOriginatorOrEndpointException extends PaymentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error            what the provider answered
     * @param message          what went wrong and how to fix it
     * @param code             {@link FunctionalCode#NO_VALID_ORIGINATOR_OR_ENDPOINT} or its deprecated name
     *                         {@link FunctionalCode#NO_VALID_ORIGINATOR_OR_DESTINATION}, as the provider sent it
     * @param paymentRequestId the requestId of the request sent, {@code null} for calls without one
     */
    public UnknownOriginatorOrEndpointException(ServiceError error, String message, FunctionalCode code,
                                                String paymentRequestId) {
        super(error, message, code, paymentRequestId);
    }
}
