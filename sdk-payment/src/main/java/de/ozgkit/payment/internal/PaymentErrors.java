package de.ozgkit.payment.internal;

import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.Problem;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.internal.ErrorMapper;
import de.ozgkit.payment.BookingDataMissingException;
import de.ozgkit.payment.CalculationErrorException;
import de.ozgkit.payment.FunctionalCode;
import de.ozgkit.payment.PaymentExistsException;
import de.ozgkit.payment.PaymentForbiddenException;
import de.ozgkit.payment.PaymentValidationException;
import de.ozgkit.payment.UnknownOriginatorOrEndpointException;
import java.util.Optional;

/**
 * Maps an XBezahldienste error answer to an exception: the functional code decides the payment
 * exception type; without a code the UNSPECIFIED or an unknown one, ozgkit core's status-based
 * mapping applies.
 */
public final class PaymentErrors {

    /** Problem extension member in which a provider may name the existing transaction on PAYMENT_EXISTS. */
    public static final String TRANSACTION_ID_MEMBER = "transactionId";

    private PaymentErrors() {
    }

    /**
     * Maps an error answer.
     *
     * @param request          the request sent
     * @param response         the error answer (status 400 or above)
     * @param attempts         how many attempts were made
     * @param paymentRequestId the XBezahldienste requestId sent, {@code null} for calls without one
     * @return the exception, not thrown
     */
    public static OzgServiceException map(HttpRequest request, HttpResponse response, int attempts,
                                          String paymentRequestId) {
        OzgServiceException base = ErrorMapper.toException(request, response, attempts);
        Optional<FunctionalCode> code = FunctionalCode.of(base);
        if (code.isEmpty()) {
            return base;
        }
        ServiceError error = base.error();
        String core = coreMessage(base.getMessage());
        switch (code.get()) {
            case NO_VALID_ORIGINATOR_OR_ENDPOINT:
            case NO_VALID_ORIGINATOR_OR_DESTINATION:
                return new UnknownOriginatorOrEndpointException(error, core
                        + " The provider has no configuration for this originatorId and endPointId; check both ids"
                        + " with the provider.", code.get(), paymentRequestId);
            case PAYMENT_EXISTS: {
                String existing = error.problemDetail().flatMap(p -> p.extension(TRANSACTION_ID_MEMBER))
                        .filter(s -> !s.isBlank() && s.length() <= 44).orElse(null);
                return new PaymentExistsException(error, core + " A payment request with requestId " + paymentRequestId
                        + " was already placed" + (existing == null ? "" : " as transaction " + existing)
                        + "; fetch that transaction with get() instead of creating it again, or build a new request"
                        + " (new requestId) for a new payment.", paymentRequestId, existing);
            }
            case CALCULATION_ERROR:
                return new CalculationErrorException(error, core + " The provider computes a different total from the"
                        + " items; check the items' amounts and tax.", paymentRequestId);
            case BOOKING_DATA_MISSING:
                return new BookingDataMissingException(error, core + " Add the booking data the provider names"
                        + " (items[].bookingData) and send a new request.", paymentRequestId);
            case VALIDATION_ERROR:
                return new PaymentValidationException(error, core + " Fix the request as the provider describes.",
                        paymentRequestId);
            case FORBIDDEN:
                return new PaymentForbiddenException(error, core + " Check the credentials and ask the provider to"
                        + " grant access for this originatorId and endPointId.", paymentRequestId);
            default:
                return base;
        }
    }

    /** Keeps core's description of the answer (what failed, what the service said), without its generic hint. */
    private static String coreMessage(String message) {
        int end = message.lastIndexOf(" attempt");
        int close = end < 0 ? -1 : message.indexOf(").", end);
        return close < 0 ? message : message.substring(0, close + 2);
    }

    /**
     * Reads the problem body of a health answer.
     *
     * @param response the answer
     * @return the problem, empty when absent or unreadable
     */
    public static Optional<Problem> problem(HttpResponse response) {
        return de.ozgkit.core.internal.ProblemParser.parse(response.body());
    }
}
