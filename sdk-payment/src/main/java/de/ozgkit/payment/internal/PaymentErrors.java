package de.ozgkit.payment.internal;

import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.Problem;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.internal.ErrorMapper;
import de.ozgkit.core.internal.ProblemParser;
import de.ozgkit.payment.BookingDataMissingException;
import de.ozgkit.payment.CalculationErrorException;
import de.ozgkit.payment.FunctionalCode;
import de.ozgkit.payment.PaymentExistsException;
import de.ozgkit.payment.PaymentForbiddenException;
import de.ozgkit.payment.PaymentValidationException;
import de.ozgkit.payment.UnknownOriginatorOrEndpointException;
import java.util.Optional;

/**
 * The payment module's part of core's error mapping ({@link ErrorMapper.Hook}): the
 * XBezahldienste {@code functionalCode} chooses the payment exception type and the hint; without a
 * code, with UNSPECIFIED or an unknown one, core's status-based mapping applies.
 */
public final class PaymentErrors {

    /**
     * Problem extension member in which a provider may name the existing transaction on
     * PAYMENT_EXISTS. Not part of XBezahldienste 1.0.0: read when present, never relied on.
     */
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
        return ErrorMapper.toException(request, response, attempts, hook(paymentRequestId));
    }

    /**
     * The hook for calls that sent (or did not send) a payment request.
     *
     * @param paymentRequestId the XBezahldienste requestId sent, {@code null} for calls without one
     * @return the hook
     */
    public static ErrorMapper.Hook hook(String paymentRequestId) {
        return error -> error.problemDetail().flatMap(Problem::functionalCode).flatMap(FunctionalCode::lookup)
                .flatMap(code -> choose(error, code, paymentRequestId));
    }

    private static Optional<ErrorMapper.Choice> choose(ServiceError error, FunctionalCode code, String paymentRequestId) {
        switch (code) {
            case NO_VALID_ORIGINATOR_OR_ENDPOINT:
            case NO_VALID_ORIGINATOR_OR_DESTINATION:
                return Optional.of(new ErrorMapper.Choice("The provider has no configuration for this originatorId and"
                        + " endPointId; check both ids with the provider.",
                        (e, m) -> new UnknownOriginatorOrEndpointException(e, m, code, paymentRequestId)));
            case PAYMENT_EXISTS: {
                String existing = existingTransaction(error);
                String hint = "A payment request with requestId " + paymentRequestId + " was already placed"
                        + (existing == null ? "" : " as transaction " + existing) + ". "
                        + (error.attempts() > 1
                        ? "An earlier attempt of this call was most likely processed and its answer lost; "
                        : "")
                        + (existing == null
                        ? "the provider does not say which transaction holds it: reconcile by the requestId with the"
                                + " provider, or build a new request (new requestId) for a new payment."
                        : "fetch that transaction with get() instead of creating it again, or build a new request"
                                + " (new requestId) for a new payment.");
                return Optional.of(new ErrorMapper.Choice(hint,
                        (e, m) -> new PaymentExistsException(e, m, paymentRequestId, existing)));
            }
            case CALCULATION_ERROR:
                return Optional.of(new ErrorMapper.Choice("The provider computes a different total from the items;"
                        + " check the items' amounts and tax.", (e, m) -> new CalculationErrorException(e, m, paymentRequestId)));
            case BOOKING_DATA_MISSING:
                return Optional.of(new ErrorMapper.Choice("Add the booking data the provider names (items[].bookingData)"
                        + " and send a new request.", (e, m) -> new BookingDataMissingException(e, m, paymentRequestId)));
            case VALIDATION_ERROR:
                return Optional.of(new ErrorMapper.Choice("Fix the request as the provider describes.",
                        (e, m) -> new PaymentValidationException(e, m, paymentRequestId)));
            case FORBIDDEN:
                return Optional.of(new ErrorMapper.Choice("Check the credentials and ask the provider to grant access"
                        + " for this originatorId and endPointId.",
                        (e, m) -> new PaymentForbiddenException(e, m, paymentRequestId)));
            default:
                return Optional.empty();
        }
    }

    /** The transaction a provider names in the non-standard extension member, if it does and it looks like an id. */
    private static String existingTransaction(ServiceError error) {
        return error.problemDetail().flatMap(p -> p.extension(TRANSACTION_ID_MEMBER))
                .filter(s -> !s.isBlank() && s.length() <= Limits.MAX_TRANSACTION_ID
                        && s.chars().noneMatch(Character::isISOControl) && !s.chars().allMatch(c -> c == '.'))
                .orElse(null);
    }

    /**
     * Reads the problem body of a health answer.
     *
     * @param response the answer
     * @return the problem, empty when absent or unreadable
     */
    public static Optional<Problem> problem(HttpResponse response) {
        return ProblemParser.parse(response.body());
    }
}
