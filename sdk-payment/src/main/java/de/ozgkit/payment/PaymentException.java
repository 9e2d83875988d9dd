package de.ozgkit.payment;

import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.ServiceError;
import java.util.Optional;

/**
 * The provider refused a payment call with an XBezahldienste {@code functionalCode} that a caller
 * can act on. Subclasses by code: {@link UnknownOriginatorOrEndpointException},
 * {@link PaymentExistsException}, {@link CalculationErrorException},
 * {@link BookingDataMissingException}, {@link PaymentValidationException},
 * {@link PaymentForbiddenException}.
 *
 * <p>Carries everything of {@link OzgServiceException} (HTTP status, parsed problem, HTTP request
 * id, attempts) plus the {@link #code() functional code} and, for calls that sent a payment request,
 * its {@link #paymentRequestId() requestId}.
 */
public abstract class PaymentException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    private final FunctionalCode code;
    private final String paymentRequestId;

    /**
     * Creates the exception.
     *
     * @param error            what the provider answered
     * @param message          what went wrong and how to fix it
     * @param code             the functional code
     * @param paymentRequestId the XBezahldienste requestId of the request sent, {@code null} for calls without one
     */
    protected PaymentException(ServiceError error, String message, FunctionalCode code, String paymentRequestId) {
        super(error, message);
        this.code = code;
        this.paymentRequestId = paymentRequestId;
    }

    /** @return the functional code */
    public FunctionalCode code() {
        return code;
    }

    /**
     * The XBezahldienste {@code requestId} of the payment request this call sent (not to be confused
     * with {@link #requestId()}, the HTTP request id for the operator's logs).
     *
     * @return the payment request id, empty for calls that sent no payment request
     */
    public Optional<String> paymentRequestId() {
        return Optional.ofNullable(paymentRequestId);
    }
}
