package de.ozgkit.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated provider's own checks and state, driven directly (the HTTP binding is tested with
 * the client over real HTTP in sdk-payment's integration tests).
 */
class ProviderEngineTest {

    static final URI BASE = URI.create("http://127.0.0.1:1/payment");
    static final Function<String, Optional<String>> NO_HEADERS = n -> Optional.empty();
    /** The standard's patterns for problem members. */
    static final Pattern TITLE = Pattern.compile("[\\w\\s.-]+");
    static final Pattern DETAIL = Pattern.compile("[\\w\\s\\-,.\\u00C0-\\u017F]+");

    static String request(String requestId, String gros, String extraItemFields) {
        return "{\"requestId\":\"" + requestId + "\",\"requestTimestamp\":\"2025-01-01T10:00:00Z\",\"currency\":\"EUR\","
                + "\"grosAmount\":" + gros + ",\"purpose\":\"GEBUEHR\",\"redirectUrl\":\"https://svc.example/back\","
                + "\"items\":[{\"id\":\"a\",\"quantity\":1,\"totalNetAmount\":10.00,\"totalTaxAmount\":2.50" + extraItemFields
                + "}]}";
    }

    static ProviderEngine.Answer create(ProviderEngine e, String body) {
        return e.create("o", "e", NO_HEADERS, false, "application/json", body.getBytes(StandardCharsets.UTF_8), BASE);
    }

    static JsonNode json(ProviderEngine.Answer a) throws Exception {
        return Json.mapper().readTree(a.body());
    }

    static void assertConformingProblem(ProviderEngine.Answer a, int status, String code) throws Exception {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        JsonNode p = json(a);
        assertThat(p.path("functionalCode").textValue()).isEqualTo(code);
        assertThat(p.path("status").intValue()).isEqualTo(status);
        assertThat(p.path("title").textValue()).matches(TITLE).hasSizeLessThanOrEqualTo(250);
        assertThat(p.path("detail").textValue()).matches(DETAIL).hasSizeLessThanOrEqualTo(2000);
    }

    @Test
    void create_thenRepeat_isIdempotentPerOriginator() throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        ProviderEngine.Answer first = create(e, request("r1", "12.50", ""));
        assertThat(first.status()).isEqualTo(200);
        String id = json(first).path("paymentInformation").path("transactionId").textValue();
        assertThat(id).hasSizeLessThanOrEqualTo(44);
        ProviderEngine.Answer again = create(e, request("r1", "12.50", ""));
        assertConformingProblem(again, 409, "PAYMENT_EXISTS");
        // the standard's problem has no member for the existing transaction
        assertThat(json(again).has("transactionId")).isFalse();
        assertThat(e.store().count()).isEqualTo(1);
        // as a documented extension it names it
        ProviderEngine naming = PaymentProviderSimulator.builder().namesExistingTransaction(true).build().engine();
        String firstNamed = json(create(naming, request("r1", "12.50", ""))).path("paymentInformation").path("transactionId")
                .textValue();
        ProviderEngine.Answer named = create(naming, request("r1", "12.50", ""));
        assertConformingProblem(named, 409, "PAYMENT_EXISTS");
        assertThat(json(named).path("transactionId").textValue()).isEqualTo(firstNamed);
        // another originator may use the same requestId
        assertThat(e.create("o2", "e", NO_HEADERS, false, "application/json",
                request("r1", "12.50", "").getBytes(StandardCharsets.UTF_8), BASE).status()).isEqualTo(200);
    }

    @Test
    void create_concurrentSameRequestId_makesExactlyOneTransaction() throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 64; i++) {
            pool.submit(() -> statuses.add(create(e, request("same", "12.50", "")).status()));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(statuses).hasSize(64);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(63);
        assertThat(e.store().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"requestId\":\"r\"}|VALIDATION_ERROR",
            "[]|VALIDATION_ERROR",
            "{|VALIDATION_ERROR",
            "''|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":\"12.50\",\"redirectUrl\":\"https://x.example\",\"items\":[]}|VALIDATION_ERROR",
            "{\"requestId\":\"r r\",\"currency\":\"EUR\",\"grosAmount\":12.50,\"redirectUrl\":\"https://x.example\",\"items\":[]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"USD\",\"grosAmount\":12.50,\"redirectUrl\":\"https://x.example\",\"items\":[]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":12.50,\"redirectUrl\":\"javascript:alert(1)\",\"items\":[{}]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":12.5,\"redirectUrl\":\"https://x.example\",\"items\":[{\"id\":\"a\",\"totalNetAmount\":10}]}|CALCULATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":12.505,\"redirectUrl\":\"https://x.example\",\"items\":[{\"id\":\"a\",\"totalNetAmount\":12.505}]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":1e400,\"redirectUrl\":\"https://x.example\",\"items\":[{\"id\":\"a\"}]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":1,\"purpose\":\"<script>\",\"redirectUrl\":\"https://x.example\",\"items\":[{\"id\":\"a\",\"totalNetAmount\":1}]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":1,\"redirectUrl\":\"https://x.example\",\"items\":[{\"id\":\"a\",\"totalNetAmount\":1,\"quantity\":1.5}]}|VALIDATION_ERROR",
            "{\"requestId\":\"r\",\"currency\":\"EUR\",\"grosAmount\":1,\"redirectUrl\":\"https://x.example\",\"items\":[{\"id\":\"a\",\"totalNetAmount\":1}],\"requestor\":{\"gender\":\"X\"}}|VALIDATION_ERROR",
    })
    void create_malformedOrWrong_isRefusedWithAConformingProblem(String body, String code) throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        assertConformingProblem(create(e, body), 400, code);
        assertThat(e.store().count()).isZero();
    }

    @Test
    void create_deeplyNestedOrWrongMediaType_isRefused() throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        String deep = "{\"requestId\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertConformingProblem(create(e, deep), 400, "VALIDATION_ERROR");
        ProviderEngine.Answer xml = e.create("o", "e", NO_HEADERS, false, "application/xml",
                "<x/>".getBytes(StandardCharsets.UTF_8), BASE);
        assertConformingProblem(xml, 415, "VALIDATION_ERROR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "0123456789012345678901234567890123456", "a/b"})
    void create_badPathIds_areValidationErrors(String id) throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        assertConformingProblem(e.create(id, "e", NO_HEADERS, false, "application/json",
                request("r", "12.50", "").getBytes(StandardCharsets.UTF_8), BASE), 400, "VALIDATION_ERROR");
    }

    @Test
    void paypageTimeout_turnsUnpaidIntoFailed_andPayAfterwardsHasNoEffect() throws Exception {
        MutableClock clock = new MutableClock();
        ProviderEngine e = PaymentProviderSimulator.builder().clock(clock).paypageTimeout(Duration.ofMinutes(10)).build().engine();
        String id = json(create(e, request("r", "12.50", ""))).path("paymentInformation").path("transactionId").textValue();
        clock.advance(Duration.ofMinutes(9));
        assertThat(json(e.get("o", "e", id, NO_HEADERS, false, BASE)).path("paymentInformation").path("status").textValue())
                .isEqualTo("INITIAL");
        clock.advance(Duration.ofMinutes(1));
        JsonNode info = json(e.get("o", "e", id, NO_HEADERS, false, BASE)).path("paymentInformation");
        assertThat(info.path("status").textValue()).isEqualTo("FAILED");
        assertThat(info.has("transactionRedirectUrl")).isFalse();
        e.paypageSubmit(id, "application/x-www-form-urlencoded", "action=pay".getBytes(StandardCharsets.UTF_8));
        assertThat(json(e.get("o", "e", id, NO_HEADERS, false, BASE)).path("paymentInformation").path("status").textValue())
                .isEqualTo("FAILED");
    }

    @Test
    void paypage_escapesRequestTextAndRedirectsAfterChoice() throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        String body = request("r", "12.50", "").replace("\"purpose\":\"GEBUEHR\"",
                "\"purpose\":\"GEBUEHR\",\"description\":\"Gebuehr fuer Stra\u00dfe, Nr. 5\"");
        String id = json(create(e, body)).path("paymentInformation").path("transactionId").textValue();
        String html = new String(e.paypage(id, BASE).body(), StandardCharsets.UTF_8);
        assertThat(html).contains("12,50 EUR").contains("Stra\u00dfe").contains("value=\"pay\"").contains("value=\"cancel\"");
        ProviderEngine.Answer done = e.paypageSubmit(id, "application/x-www-form-urlencoded",
                "action=cancel".getBytes(StandardCharsets.UTF_8));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.headers()).containsEntry("Location", "https://svc.example/back");
        assertThat(Paypage.escape("<b onclick='x'>&\"")).isEqualTo("&lt;b onclick=&#39;x&#39;&gt;&amp;&quot;");
        assertThat(e.paypage("TXunknown", BASE).status()).isEqualTo(404);
    }

    @Test
    void health_answers200_403_503InProblemShape() throws Exception {
        PaymentProviderSimulator sim = PaymentProviderSimulator.builder().knownPair("o", "e").build();
        ProviderEngine e = sim.engine();
        ProviderEngine.Answer ok = e.health("o", "e", NO_HEADERS, false);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.contentType()).isEqualTo("application/problem+json");
        assertConformingProblem(e.health("o", "other", NO_HEADERS, false), 403, "NO_VALID_ORIGINATOR_OR_ENDPOINT");
        sim.setAvailable(false);
        assertConformingProblem(e.health("o", "e", NO_HEADERS, false), 503, "UNSPECIFIED");
        // without valid credentials the status call answers 403, not 401
        ProviderEngine basic = PaymentProviderSimulator.builder().basic("u", "p").build().engine();
        assertConformingProblem(basic.health("o", "e", NO_HEADERS, false), 403, "FORBIDDEN");
        assertConformingProblem(basic.health("o", "e", n -> n.equals("Authorization")
                ? Optional.of("Basic dTp3cm9uZw==") : Optional.empty(), false), 403, "FORBIDDEN");
        assertThat(basic.health("o", "e", n -> n.equals("Authorization") ? Optional.of("Basic dTpw") : Optional.empty(),
                false).status()).isEqualTo(200);
    }

    @Test
    void echo_holdsOnlyTheStandardsFields_andTimestampComesWithPayment() throws Exception {
        ProviderEngine e = PaymentProviderSimulator.create().engine();
        String body = "{\"requestId\":\"r9\",\"requestTimestamp\":\"2025-01-01T10:00:00Z\",\"currency\":\"EUR\","
                + "\"grosAmount\":12.50,\"purpose\":\"GEBUEHR\",\"redirectUrl\":\"https://svc.example/back\","
                + "\"internalNote\":\"secret\",\"items\":[{\"id\":\"a\",\"quantity\":1,\"totalNetAmount\":10.00,"
                + "\"totalTaxAmount\":2.50,\"costCentre\":\"4711\"}],\"requestor\":{\"name\":\"M\",\"iban\":\"DE00\","
                + "\"address\":{\"city\":\"X\",\"floor\":3}}}";
        JsonNode answer = json(create(e, body));
        JsonNode echo = answer.path("paymentRequest");
        assertThat(echo.has("internalNote")).isFalse();
        assertThat(echo.path("items").get(0).has("costCentre")).isFalse();
        assertThat(echo.path("requestor").has("iban")).isFalse();
        assertThat(echo.path("requestor").path("address").has("floor")).isFalse();
        assertThat(echo.path("requestor").path("address").path("city").textValue()).isEqualTo("X");
        assertThat(echo.path("grosAmount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(answer.path("paymentInformation").has("transactionTimestamp")).isFalse();
    }

    @Test
    void problemDetail_isForcedIntoTheStandardsPattern() {
        assertThat(ProviderProblem.conform("a \"quoted\" <b>text</b>: 50% (x)", 2000)).matches(DETAIL);
        assertThat(ProviderProblem.conform("x".repeat(3000), 2000)).hasSize(2000);
        assertThat(ProviderEngine.form("a=1&b=%ZZ&c=x%20y&a=2".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Map.of("a", "1", "c", "x y"));
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
