package de.ozgkit.payment;

import de.ozgkit.core.ServiceError;

/**
 * Data the provider needs for booking is missing from the items' {@code bookingData} (functional code {@code BOOKING_DATA_MISSING}); the problem's detail says which. Add it and send a new request.
 */
public class BookingDataMissingException extends PaymentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error            what the provider answered
     * @param message          what went wrong and how to fix it
     * @param paymentRequestId the requestId of the request sent, {@code null} for calls without one
     */
    public BookingDataMissingException(ServiceError error, String message, String paymentRequestId) {
        super(error, message, FunctionalCode.BOOKING_DATA_MISSING, paymentRequestId);
    }
}
