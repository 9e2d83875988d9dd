package de.ozgkit.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.Http;
import de.ozgkit.sandbox.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated provider over real HTTP, with raw requests written from the XBezahldienste 1.0.0
 * paths and members (not with the SDK's client): the routes, and the provider's problem shape with
 * {@code functionalCode} also for what no route answers (unknown path, wrong method, oversized body).
 */
class ProviderHttpTest {

    private static final Pattern TITLE = Pattern.compile("[\\w\\s.-]+");
    private static final Pattern DETAIL = Pattern.compile("[\\w\\s\\-,.\\u00C0-\\u017F]+");
    private static final int LIMIT = 8192;

    private static Sandbox sandbox;
    private static URI base;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().service(PaymentProviderSimulator.create()).maxRequestBytes(LIMIT).start();
        base = sandbox.baseUri(PaymentProviderSimulator.SERVICE_NAME);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** One request on a fresh client: the sandbox may close the connection after an error. */
    private static Http.Answer send(String method, String path, String contentType, String body) throws IOException {
        try (Http http = new Http()) {
            URI uri = URI.create(base + path);
            return body == null ? http.send(method, uri) : http.send(method, uri, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static JsonNode problem(Http.Answer answer, int status, String functionalCode) throws IOException {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertThat(problem.path("status").intValue()).isEqualTo(status);
        assertThat(problem.path("functionalCode").textValue()).isEqualTo(functionalCode);
        assertThat(problem.path("title").textValue()).matches(TITLE).hasSizeLessThanOrEqualTo(250);
        assertThat(problem.path("detail").textValue()).matches(DETAIL).hasSizeLessThanOrEqualTo(2000);
        return problem;
    }

    @Test
    void createStatusAndHealth_followTheStandardsPaths() throws Exception {
        String request = "{\"requestId\":\"http-1\",\"requestTimestamp\":\"2025-01-01T10:00:00Z\",\"currency\":\"EUR\","
                + "\"grosAmount\":12.50,\"purpose\":\"GEBUEHR\",\"redirectUrl\":\"https://svc.example/back\","
                + "\"items\":[{\"id\":\"a\",\"quantity\":1,\"totalNetAmount\":10.00,\"totalTaxAmount\":2.50}]}";
        Http.Answer created = send("POST", "/paymenttransaction/onlinedienst-1/09162000", "application/json", request);
        assertThat(created.status()).isEqualTo(200);
        JsonNode info = Json.mapper().readTree(created.body()).path("paymentInformation");
        assertThat(info.path("status").textValue()).isEqualTo("INITIAL");
        String id = info.path("transactionId").textValue();
        assertThat(info.path("transactionRedirectUrl").textValue()).isEqualTo(base + "/paypage/" + id);

        Http.Answer status = send("GET", "/paymenttransaction/onlinedienst-1/09162000/" + id, null, null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(Json.mapper().readTree(status.body()).path("paymentRequest").path("requestId").textValue()).isEqualTo("http-1");

        Http.Answer health = send("GET", "/status/onlinedienst-1/09162000", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownPath_answers404WithFunctionalCode() throws Exception {
        JsonNode p = problem(send("GET", "/paymenttransactions/o/e", null, null), 404, "UNSPECIFIED");
        assertThat(p.path("detail").textValue()).contains("paymenttransactions");
        problem(send("GET", "/paymenttransaction/o/e/t/extra", null, null), 404, "UNSPECIFIED");
    }

    @Test
    void wrongMethod_answers405WithAllowAndFunctionalCode() throws Exception {
        Http.Answer answer = send("PUT", "/paymenttransaction/o/e", "application/json", "{}");
        problem(answer, 405, "UNSPECIFIED");
        assertThat(answer.header("Allow")).contains("POST");
        problem(send("DELETE", "/paymenttransaction/o/e/t", null, null), 405, "UNSPECIFIED");
    }

    @Test
    void oversizedBody_answers413WithValidationError() throws Exception {
        String huge = "{\"requestId\":\"" + "a".repeat(LIMIT) + "\"}";
        problem(send("POST", "/paymenttransaction/o/e", "application/json", huge), 413, "VALIDATION_ERROR");
    }
}
