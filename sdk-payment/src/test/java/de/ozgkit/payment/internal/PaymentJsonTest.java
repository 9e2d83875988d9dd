package de.ozgkit.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.internal.Json;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentMethod;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.Requestor;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The XBezahldienste wire format: field names, amounts, timestamps, and hostile answers. */
class PaymentJsonTest {

    static PaymentRequest fullRequest() {
        return PaymentRequest.builder()
                .requestId("req-4711")
                .requestTimestamp(Instant.parse("2025-03-01T10:15:30Z"))
                .purpose("MELDEBESCHEINIGUNG")
                .description("Meldebescheinigung, einfache Ausfertigung")
                .redirectUrl("https://service.example.org/back?x=1")
                .item(PaymentItem.builder().id("fee-1").reference("ref-1").description("Gebuehr")
                        .taxRate(new BigDecimal("19")).quantity(2).singleNetAmount(new BigDecimal("10"))
                        .singleTaxAmount(new BigDecimal("1.9")).bookingData("Haushaltsstelle", "1.1100.1234")
                        .bookingData("Kassenzeichen", "5.0100.123456.7").build())
                .requestor(Requestor.builder().name("Mustermann").firstName("Erika").gender(Requestor.Gender.F)
                        .address(Requestor.Address.builder().street("Hauptstr.").houseNumber("1").addressLine("Hinterhaus")
                                .postalCode("12345").city("Musterstadt").country("DE").build()).build())
                .build();
    }

    @Test
    void write_usesTheStandardsFieldNamesAndTwoDecimalAmounts() throws Exception {
        String json = new String(PaymentJson.write(fullRequest()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"grosAmount\":23.80").contains("\"totalNetAmount\":20.00")
                .contains("\"totalTaxAmount\":3.80").contains("\"singleNetAmount\":10.00")
                .contains("\"requestTimestamp\":\"2025-03-01T10:15:30Z\"").contains("\"currency\":\"EUR\"");
        JsonNode n = Json.mapper().readTree(json);
        assertThat(n.path("requestId").textValue()).isEqualTo("req-4711");
        assertThat(n.path("items").get(0).path("bookingData").path("Kassenzeichen").textValue()).isEqualTo("5.0100.123456.7");
        assertThat(n.path("items").get(0).path("quantity").intValue()).isEqualTo(2);
        assertThat(n.path("requestor").path("isOrganization").booleanValue()).isFalse();
        assertThat(n.path("requestor").path("address").path("addressLine").get(0).textValue()).isEqualTo("Hinterhaus");
        assertThat(n.path("requestor").path("gender").textValue()).isEqualTo("F");
    }

    static final URI BASE = URI.create("https://pay.example.org/xbezahldienste/v1/paymenttransaction/o/e");

    static PaymentTransaction read(String body) {
        return PaymentJson.readTransaction(body.getBytes(StandardCharsets.UTF_8), BASE);
    }

    @Test
    void readTransaction_roundTripsTheEchoedRequest() {
        PaymentRequest request = fullRequest();
        PaymentTransaction tx = read("{\"paymentInformation\":{\"transactionId\":\"tx-1\",\"status\":\"INITIAL\","
                + "\"transactionUrl\":\"https://pay.example.org/tx/tx-1\","
                + "\"transactionRedirectUrl\":\"https://pay.example.org/paypage/tx-1\","
                + "\"transactionReference\":\"5.0100.123456.7\",\"transactionTimestamp\":\"2025-03-01T11:15:30+01:00\"},"
                + "\"paymentRequest\":" + new String(PaymentJson.write(request), StandardCharsets.UTF_8) + "}");
        assertThat(tx.transactionId()).isEqualTo("tx-1");
        assertThat(tx.status()).isEqualTo(PaymentStatus.INITIAL);
        assertThat(tx.paypageUrl()).contains(URI.create("https://pay.example.org/paypage/tx-1"));
        assertThat(tx.information().transactionUrl()).isEqualTo(URI.create("https://pay.example.org/tx/tx-1"));
        assertThat(tx.information().transactionTimestamp()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(tx.information().irregularFields()).isEmpty();
        assertThat(tx.request()).isEqualTo(request);
    }

    @Test
    void readTransaction_unknownPaymentMethodBecomesOther_andLocalTimestampIsUtc() {
        PaymentTransaction tx = read("{\"paymentInformation\":{\"transactionId\":\"t\","
                + "\"status\":\"PAYED\",\"paymentMethod\":\"SEPA_INSTANT\",\"paymentMethodDetail\":\"x\","
                + "\"transactionTimestamp\":\"2025-03-01T10:15:30\",\"unknownMember\":[1,2,3]}}");
        assertThat(tx.information().paymentMethod()).isEqualTo(PaymentMethod.OTHER);
        assertThat(tx.information().irregularFields()).containsEntry("paymentMethod", "SEPA_INSTANT");
        assertThat(tx.information().transactionTimestamp()).isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        assertThat(tx.request()).isNull();
    }

    @Test
    void readTransaction_oddFields_yieldAReadableStatus_withTheOddFieldAsText() {
        String longId = "T".repeat(100);
        PaymentTransaction tx = read("{\"paymentInformation\":{\"transactionId\":\"" + longId + "\",\"status\":\"PAYED\","
                + "\"transactionTimestamp\":\"01.03.2025 10:15\",\"transactionUrl\":\"/tx/" + longId + "\","
                + "\"transactionRedirectUrl\":\"../paypage/x\",\"statusDetail\":42}}");
        assertThat(tx.status()).isEqualTo(PaymentStatus.PAYED);
        assertThat(tx.transactionId()).isEqualTo(longId);
        assertThat(tx.information().transactionTimestamp()).isNull();
        assertThat(tx.information().transactionUrl()).isNull();
        assertThat(tx.information().irregularFields())
                .containsEntry("transactionTimestamp", "01.03.2025 10:15")
                .containsEntry("transactionUrl", "/tx/" + longId);
        // a relative paypage is resolved against the provider's address; a number where text belongs is read as text
        assertThat(tx.paypageUrl()).contains(URI.create("https://pay.example.org/xbezahldienste/v1/paymenttransaction/paypage/x"));
        assertThat(tx.information().statusDetail()).isEqualTo("42");
    }

    @Test
    void readTransaction_echoBreakingTheRulesOrTheTypes_isLeftOutNotFatal() {
        for (String echo : List.of("{\"requestId\":\"has space\",\"items\":[]}", "{\"items\":\"not an array\"}",
                "{\"grosAmount\":{\"x\":1}}", "[1,2]", "{\"requestor\":{\"gender\":\"X\"}}")) {
            PaymentTransaction tx = read("{\"paymentInformation\":{\"transactionId\":\"t\","
                    + "\"status\":\"INITIAL\"},\"paymentRequest\":" + echo + "}");
            assertThat(tx.request()).as(echo).isNull();
            assertThat(tx.status()).isEqualTo(PaymentStatus.INITIAL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-01T10:15:30Z", "2025-03-01T10:15:30.1Z", "2025-03-01T10:15:30.123456789Z",
            "2024-02-29T23:59:59.5Z", "2025-03-01T11:15:30+01:00", "2025-03-01T10:15:30"})
    void timestamps_fastAndGeneralPathAgree(String text) {
        Instant general = text.endsWith("Z") || text.contains("+") ? java.time.OffsetDateTime.parse(text).toInstant()
                : java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        assertThat(PaymentJson.timestampOrNull(text)).isEqualTo(general);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30T10:15:30Z", "2025-13-01T10:15:30Z", "2025-03-01T24:00:00Z",
            "2025-03-01T10:15:30.1234567890Z", "2025-03-01 10:15:30Z", "+2025-03-01T10:15:30Z", "", "Z"})
    void timestamps_thatNoPathAccepts_areNotTimestamps(String text) {
        assertThat(PaymentJson.timestampOrNull(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\"}",
            "[]",
            "null",
            "{}",
            "{\"paymentInformation\":\"x\"}",
            "{\"paymentInformation\":{\"status\":\"INITIAL\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"\",\"status\":\"INITIAL\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"..\",\"status\":\"INITIAL\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"a\\u0007b\",\"status\":\"INITIAL\"}}",
            "{\"paymentInformation\":{\"transactionId\":{\"id\":1},\"status\":\"INITIAL\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"PAID\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\",\"transactionRedirectUrl\":\"javascript:alert(1)\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\",\"transactionRedirectUrl\":\"JavaScript:alert(1)\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\",\"transactionRedirectUrl\":\"data:text/html,x\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\",\"transactionRedirectUrl\":\"ftp://pay.example/x\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\",\"transactionRedirectUrl\":\"https://a b\"}}",
            "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\"}} trailing",
    })
    void readTransaction_hostileOrUnusableAnswer_failsWithProtocolError(String body) {
        assertThatThrownBy(() -> read(body))
                .isInstanceOfSatisfying(OzgClientException.class, e -> {
                    assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                    assertThat(e.getMessage()).startsWith("the payment provider's answer cannot be read");
                });
    }

    @Test
    void readTransaction_overlongTransactionId_isRefusedBeyondWhatCanBeSentBack() {
        String id = "T".repeat(Limits.MAX_TRANSACTION_ID + 1);
        assertThatThrownBy(() -> read("{\"paymentInformation\":{\"transactionId\":\"" + id + "\",\"status\":\"INITIAL\"}}"))
                .isInstanceOf(OzgClientException.class);
    }

    @Test
    void readTransaction_deepNestingAndHugeNumbers_areRefused() {
        String deep = "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\",\"x\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}}";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(OzgClientException.class);
        String bigNumber = "{\"paymentInformation\":{\"transactionId\":\"t\",\"status\":\"INITIAL\"},"
                + "\"paymentRequest\":{\"grosAmount\":1" + "0".repeat(5000) + "}}";
        // a number beyond the parser's limits makes the whole answer hostile, wherever it is
        assertThatThrownBy(() -> read(bigNumber)).isInstanceOf(OzgClientException.class)
                .hasMessageContaining("StreamConstraintsException");
    }
}
