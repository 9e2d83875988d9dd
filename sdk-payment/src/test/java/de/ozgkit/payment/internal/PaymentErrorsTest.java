package de.ozgkit.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.InvalidRequestException;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.ServerErrorException;
import de.ozgkit.core.http.Headers;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.payment.BookingDataMissingException;
import de.ozgkit.payment.CalculationErrorException;
import de.ozgkit.payment.FunctionalCode;
import de.ozgkit.payment.PaymentException;
import de.ozgkit.payment.PaymentExistsException;
import de.ozgkit.payment.PaymentForbiddenException;
import de.ozgkit.payment.PaymentValidationException;
import de.ozgkit.payment.UnknownOriginatorOrEndpointException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every functionalCode becomes a typed exception or a readable field of the error. */
class PaymentErrorsTest {

    private static final HttpRequest REQUEST = HttpRequest.builder("POST",
            URI.create("http://127.0.0.1:1/pay/paymenttransaction/o/e")).header("X-Request-Id", "http-1").build();

    static HttpResponse problem(int status, String code, String extra) {
        String body = "{\"type\":\"about:blank\",\"title\":\"Fehler\",\"status\":" + status + ",\"detail\":\"Details zu " + code
                + "\",\"functionalCode\":\"" + code + "\"" + extra + "}";
        return new HttpResponse(status, Headers.of(Map.of("Content-Type", List.of("application/problem+json"))),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
            "400, NO_VALID_ORIGINATOR_OR_ENDPOINT, UnknownOriginatorOrEndpointException",
            "404, NO_VALID_ORIGINATOR_OR_DESTINATION, UnknownOriginatorOrEndpointException",
            "409, PAYMENT_EXISTS, PaymentExistsException",
            "400, CALCULATION_ERROR, CalculationErrorException",
            "422, BOOKING_DATA_MISSING, BookingDataMissingException",
            "400, VALIDATION_ERROR, PaymentValidationException",
            "403, FORBIDDEN, PaymentForbiddenException",
    })
    void map_eachActionableCode_becomesItsPaymentException(int status, String code, String type) {
        OzgServiceException e = PaymentErrors.map(REQUEST, problem(status, code, ""), 2, "req-1");
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        PaymentException pe = (PaymentException) e;
        assertThat(pe.code()).isEqualTo(FunctionalCode.fromCode(code));
        assertThat(pe.paymentRequestId()).contains("req-1");
        assertThat(pe.status()).isEqualTo(status);
        assertThat(pe.attempts()).isEqualTo(2);
        assertThat(pe.requestId()).contains("http-1");
        assertThat(pe.getMessage()).contains("HTTP " + status).contains("[functionalCode " + code + "]")
                .contains("Details zu " + code).contains("2 attempts");
    }

    @Test
    void map_paymentExists_carriesRequestIdAndTheNamedTransaction() {
        PaymentExistsException e = (PaymentExistsException) PaymentErrors.map(REQUEST,
                problem(409, "PAYMENT_EXISTS", ",\"transactionId\":\"tx-77\""), 1, "req-9");
        assertThat(e.paymentRequestId()).contains("req-9");
        assertThat(e.existingTransactionId()).contains("tx-77");
        assertThat(e.getMessage()).contains("requestId req-9").contains("transaction tx-77");
        PaymentExistsException unnamed = (PaymentExistsException) PaymentErrors.map(REQUEST,
                problem(409, "PAYMENT_EXISTS", ""), 1, "req-9");
        assertThat(unnamed.existingTransactionId()).isEmpty();
        assertThat(unnamed.afterLostAnswer()).isFalse();
        assertThat(unnamed.getMessage()).contains("reconcile by the requestId").doesNotContain("answer lost");
        // a member that is not a usable id is not believed
        for (String bad : List.of(",\"transactionId\":\"..\"", ",\"transactionId\":\"\"", ",\"transactionId\":\"a\\nb\"")) {
            assertThat(((PaymentExistsException) PaymentErrors.map(REQUEST, problem(409, "PAYMENT_EXISTS", bad), 1, "r"))
                    .existingTransactionId()).as(bad).isEmpty();
        }
    }

    @Test
    void map_paymentExistsOnARetry_saysTheAnswerWasLost_andHowToReconcile() {
        PaymentExistsException e = (PaymentExistsException) PaymentErrors.map(REQUEST,
                problem(409, "PAYMENT_EXISTS", ""), 3, "req-9");
        assertThat(e.afterLostAnswer()).isTrue();
        // core's description first (status, problem, request id, attempts), then the payment hint, once
        assertThat(e.getMessage()).startsWith("POST /pay/paymenttransaction/o/e failed with HTTP 409 Fehler"
                        + " [functionalCode PAYMENT_EXISTS]: Details zu PAYMENT_EXISTS (request id http-1, 3 attempts).")
                .contains("answer lost").contains("reconcile by the requestId").contains("req-9")
                .doesNotContain("The request conflicts with what the service already holds");
    }

    @Test
    void map_unspecifiedAndUnknownCodes_keepTheStatusExceptionWithTheCodeReadable() {
        OzgServiceException unspecified = PaymentErrors.map(REQUEST, problem(500, "UNSPECIFIED", ""), 3, null);
        assertThat(unspecified).isInstanceOf(ServerErrorException.class);
        assertThat(FunctionalCode.of(unspecified)).contains(FunctionalCode.UNSPECIFIED);
        OzgServiceException unknown = PaymentErrors.map(REQUEST, problem(400, "NEW_CODE", ""), 1, null);
        assertThat(unknown).isInstanceOf(InvalidRequestException.class);
        assertThat(unknown.functionalCode()).contains("NEW_CODE");
        assertThat(FunctionalCode.of(unknown)).isEmpty();
    }

    @Test
    void map_brokenProblemBody_staysAStatusException() {
        HttpResponse broken = new HttpResponse(400, Headers.of(Map.of("Content-Type", List.of("application/problem+json"))),
                "{\"functionalCode\":".getBytes(StandardCharsets.UTF_8));
        OzgServiceException e = PaymentErrors.map(REQUEST, broken, 1, "r");
        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(e.getMessage()).contains("could not be parsed");
    }
}
