package de.ozgkit.sandbox.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.Credentials;
import de.ozgkit.sandbox.Sandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated provider checked against the XBezahldienste 1.0.0 API description (docs.fitko.de,
 * "APIDoku v1.0.0"), with raw HTTP and JSON written here by hand, independent of ozgkit's payment
 * client: the answers' shapes, every error answer as {@code application/problem+json} with a
 * {@code functionalCode} and members within the standard's patterns, the status call's 200/403/503,
 * no echo of fields the standard does not know, {@code transactionTimestamp} only after payment,
 * PAYMENT_EXISTS without a transaction member unless the extension is switched on, and the OAuth2
 * token endpoint accepting exactly the configured client authentication.
 */
class PaymentProviderSpecTest {

    /** {@code title}: non-empty, at most 250 characters, {@code ^[\w\d\s\.-]+$}. */
    static final Pattern TITLE = Pattern.compile("[\\w\\s.-]{1,250}");
    /** {@code detail}: non-empty, at most 2000 characters, {@code ^[\w\d\s-,\.\u00C0-\u017F]+$}. */
    static final Pattern DETAIL = Pattern.compile("[\\w\\s\\-,.\\u00C0-\\u017F]{1,2000}");
    static final Set<String> FUNCTIONAL_CODES = Set.of("NO_VALID_ORIGINATOR_OR_DESTINATION",
            "NO_VALID_ORIGINATOR_OR_ENDPOINT", "PAYMENT_EXISTS", "CALCULATION_ERROR", "BOOKING_DATA_MISSING",
            "VALIDATION_ERROR", "UNSPECIFIED", "FORBIDDEN");
    static final ObjectMapper JSON = new ObjectMapper();

    static HttpClient http;
    static Sandbox sandbox;
    static URI base;

    @BeforeAll
    static void start() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        sandbox = Sandbox.builder().service(PaymentProviderSimulator.builder().knownPair("online-service-1", "09162000")
                .knownPair("online-service-1", "forbidden-ep").forbiddenPair("online-service-1", "forbidden-ep").build())
                .start();
        base = sandbox.baseUri("payment");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    record Answer(int status, String contentType, JsonNode json, String text) {
    }

    static Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        try {
            json = JSON.readTree(r.body());
        } catch (Exception e) {
            // not JSON; the assertions say so
        }
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r.body());
    }

    static Answer post(URI uri, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static Answer get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static URI create(URI base, String endPoint) {
        return URI.create(base + "/paymenttransaction/online-service-1/" + endPoint);
    }

    /** A PaymentRequest as the API description shows one, plus fields the standard does not know. */
    static String paymentRequest(String requestId) {
        return """
                {"requestId":"%s","requestTimestamp":"2025-06-01T08:00:00Z","currency":"EUR","grosAmount":12.50,
                 "purpose":"MELDEBESCHEINIGUNG","description":"Meldebescheinigung, einfache Ausfertigung",
                 "redirectUrl":"https://service.example.org/antrag/4711/zurueck","unknownTopLevel":"x",
                 "items":[{"id":"fee-1","quantity":1,"taxRate":0,"singleNetAmount":12.50,"totalNetAmount":12.50,
                           "totalTaxAmount":0,"bookingData":{"Kassenzeichen":"5.0100.123456.7"},"unknownInItem":true}],
                 "requestor":{"name":"Mustermann","firstName":"Erika","gender":"F","isOrganization":false,
                              "unknownInRequestor":1,"address":{"city":"Musterstadt","country":"DE","unknownInAddress":2}}}
                """.formatted(requestId);
    }

    /** A problem as the API description defines it. */
    static void assertSpecProblem(Answer a, int status, String code) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json()).as(a.text()).isNotNull();
        JsonNode p = a.json();
        assertThat(p.path("type").textValue()).isNotEmpty().hasSizeLessThanOrEqualTo(2082);
        assertThat(p.path("status").intValue()).isEqualTo(status).isBetween(100, 511);
        assertThat(p.path("title").textValue()).matches(TITLE);
        assertThat(p.path("detail").textValue()).matches(DETAIL);
        assertThat(p.path("functionalCode").textValue()).isIn(FUNCTIONAL_CODES).isEqualTo(code);
    }

    @Test
    void create_answersAPaymentTransaction_whoseEchoHoldsOnlyTheStandardsFields() throws Exception {
        Answer a = post(create(base, "09162000"), "application/json", paymentRequest(UUID.randomUUID().toString()));
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode info = a.json().path("paymentInformation");
        assertThat(info.path("transactionId").textValue()).isNotEmpty().hasSizeLessThanOrEqualTo(44);
        assertThat(info.path("status").textValue()).isEqualTo("INITIAL");
        assertThat(URI.create(info.path("transactionRedirectUrl").textValue()).getScheme()).isIn("http", "https");
        assertThat(info.has("transactionTimestamp")).as("no timestamp before payment").isFalse();
        JsonNode echo = a.json().path("paymentRequest");
        assertThat(echo.path("grosAmount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(echo.path("items").get(0).path("bookingData").path("Kassenzeichen").textValue())
                .isEqualTo("5.0100.123456.7");
        assertThat(echo.has("unknownTopLevel")).isFalse();
        assertThat(echo.path("items").get(0).has("unknownInItem")).isFalse();
        assertThat(echo.path("requestor").has("unknownInRequestor")).isFalse();
        assertThat(echo.path("requestor").path("address").has("unknownInAddress")).isFalse();
        assertThat(echo.path("requestor").path("address").path("country").textValue()).isEqualTo("DE");
    }

    @Test
    void payedTransaction_carriesItsTimestamp_canceledOneDoesNot() throws Exception {
        for (String action : List.of("pay", "cancel")) {
            Answer created = post(create(base, "09162000"), "application/json", paymentRequest(UUID.randomUUID().toString()));
            JsonNode info = created.json().path("paymentInformation");
            URI paypage = URI.create(info.path("transactionRedirectUrl").textValue());
            Answer form = post(paypage, "application/x-www-form-urlencoded", "action=" + action + "&paymentMethod=PAYPAL");
            assertThat(form.status()).isEqualTo(303);
            Answer status = get(URI.create(create(base, "09162000") + "/" + info.path("transactionId").textValue()));
            JsonNode after = status.json().path("paymentInformation");
            if (action.equals("pay")) {
                assertThat(after.path("status").textValue()).isEqualTo("PAYED");
                assertThat(after.path("paymentMethod").textValue()).isEqualTo("PAYPAL");
                assertThat(java.time.Instant.parse(after.path("transactionTimestamp").textValue())).isNotNull();
            } else {
                assertThat(after.path("status").textValue()).isEqualTo("CANCELED");
                assertThat(after.has("transactionTimestamp")).isFalse();
            }
            assertThat(after.has("transactionRedirectUrl")).as("no paypage once final").isFalse();
        }
    }

    @Test
    void repeatedRequestId_isPaymentExists_withoutANonStandardMember() throws Exception {
        String requestId = UUID.randomUUID().toString();
        assertThat(post(create(base, "09162000"), "application/json", paymentRequest(requestId)).status()).isEqualTo(200);
        Answer again = post(create(base, "09162000"), "application/json", paymentRequest(requestId));
        assertSpecProblem(again, 409, "PAYMENT_EXISTS");
        assertThat(again.json().has("transactionId")).isFalse();
    }

    @Test
    void paymentExists_namesTheTransaction_onlyWithTheDocumentedExtension() throws Exception {
        try (Sandbox naming = Sandbox.builder().service(PaymentProviderSimulator.builder().namesExistingTransaction(true)
                .build()).start()) {
            URI uri = create(naming.baseUri("payment"), "09162000");
            String requestId = UUID.randomUUID().toString();
            String id = post(uri, "application/json", paymentRequest(requestId)).json().path("paymentInformation")
                    .path("transactionId").textValue();
            Answer again = post(uri, "application/json", paymentRequest(requestId));
            assertSpecProblem(again, 409, "PAYMENT_EXISTS");
            assertThat(again.json().path("transactionId").textValue()).isEqualTo(id);
        }
    }

    @Test
    void everyApiError_isASpecProblem() throws Exception {
        URI ok = create(base, "09162000");
        assertSpecProblem(post(ok, "application/json", "{\"requestId\":\"r\"}"), 400, "VALIDATION_ERROR");
        assertSpecProblem(post(ok, "application/json", "{not json"), 400, "VALIDATION_ERROR");
        assertSpecProblem(post(ok, "application/json", paymentRequest("has space")), 400, "VALIDATION_ERROR");
        assertSpecProblem(post(ok, "application/json", paymentRequest(UUID.randomUUID().toString())
                .replace("\"grosAmount\":12.50", "\"grosAmount\":13.50")), 400, "CALCULATION_ERROR");
        assertSpecProblem(post(ok, "application/xml", "<PaymentRequest/>"), 415, "VALIDATION_ERROR");
        assertSpecProblem(post(create(base, "unknown-ep"), "application/json", paymentRequest(UUID.randomUUID().toString())),
                400, "NO_VALID_ORIGINATOR_OR_ENDPOINT");
        assertSpecProblem(post(create(base, "forbidden-ep"), "application/json", paymentRequest(UUID.randomUUID().toString())),
                403, "FORBIDDEN");
        assertSpecProblem(get(URI.create(ok + "/TXunknown")), 404, "UNSPECIFIED");
        // a detail cut from hostile input still keeps to the pattern
        assertSpecProblem(post(ok, "application/json", paymentRequest("<script>\u0007\u00e4")), 400, "VALIDATION_ERROR");
    }

    @Test
    void unknownRoutesWrongMethodsAndOversizedBodies_areSpecProblemsToo() throws Exception {
        assertSpecProblem(get(URI.create(base + "/no/such/route")), 404, "UNSPECIFIED");
        assertSpecProblem(get(URI.create(base + "/paymenttransaction/online-service-1")), 404, "UNSPECIFIED");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(create(base, "09162000"))
                .PUT(HttpRequest.BodyPublishers.ofString(paymentRequest("r"))).header("Content-Type", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertSpecProblem(new Answer(put.statusCode(), put.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(put.body()), put.body()), 405, "UNSPECIFIED");
        assertThat(put.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
        Answer delete = send(HttpRequest.newBuilder(URI.create(base + "/status/online-service-1/09162000")).DELETE().build());
        assertSpecProblem(delete, 405, "UNSPECIFIED");
        // over the sandbox's 1 MiB request limit, declared by Content-Length: the request head goes out
        // on a socket of its own and the answer is read before any of the body is sent, so the 413
        // cannot be lost to the server closing the connection while the body is on its way
        Answer big = declaredOversizedPost(create(base, "09162000"), 1100 * 1024);
        assertSpecProblem(big, 413, "VALIDATION_ERROR");
    }

    /** A POST whose head declares {@code length} bytes of JSON; the answer is read without sending the body. */
    static Answer declaredOversizedPost(URI uri, int length) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            int end = raw.indexOf("\r\n\r\n");
            String headers = raw.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            String contentType = headers.lines().filter(l -> l.startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).strip()).findFirst().orElse("");
            String body = raw.substring(end + 4);
            if (headers.contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            return new Answer(status, contentType, JSON.readTree(body), body);
        }
    }

    @Test
    void statusCall_answers200_403_or503_inTheProblemShape_also403WithoutValidCredentials() throws Exception {
        PaymentProviderSimulator basic = PaymentProviderSimulator.builder().basic("fachverfahren", "s3cret").build();
        try (Sandbox s = Sandbox.builder().service(basic).start()) {
            URI status = URI.create(s.baseUri("payment") + "/status/online-service-1/09162000");
            String right = "Basic " + Base64.getEncoder().encodeToString("fachverfahren:s3cret".getBytes(StandardCharsets.UTF_8));
            String wrong = "Basic " + Base64.getEncoder().encodeToString("fachverfahren:guess".getBytes(StandardCharsets.UTF_8));
            assertSpecProblem(get(status), 403, "FORBIDDEN");
            assertSpecProblem(get(status, "Authorization", wrong), 403, "FORBIDDEN");
            Answer up = get(status, "Authorization", right);
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.contentType()).startsWith("application/problem+json");
            assertThat(up.json().path("status").intValue()).isEqualTo(200);
            basic.setAvailable(false);
            assertSpecProblem(get(status, "Authorization", right), 503, "UNSPECIFIED");
            // the API calls themselves answer 401 to missing credentials, with a challenge
            Answer api = get(URI.create(s.baseUri("payment") + "/paymenttransaction/online-service-1/09162000/TX1"));
            assertSpecProblem(api, 401, "FORBIDDEN");
        }
    }

    static String form(String... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            sb.append(sb.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Test
    void tokenEndpoint_acceptsExactlyTheConfiguredClientAuthentication() throws Exception {
        String basicHeader = "Basic " + Base64.getEncoder().encodeToString("fv-client:s%3Acret".getBytes(StandardCharsets.UTF_8));
        String grant = form("grant_type", "client_credentials");
        String inBody = form("grant_type", "client_credentials", "client_id", "fv-client", "client_secret", "s:cret");
        for (Credentials.ClientAuthentication only : List.of(Credentials.ClientAuthentication.CLIENT_SECRET_BASIC,
                Credentials.ClientAuthentication.CLIENT_SECRET_POST)) {
            PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                    .oauth2("fv-client", "s:cret", Duration.ofMinutes(5)).tokenClientAuthentication(only).build();
            try (Sandbox s = Sandbox.builder().service(provider).start()) {
                URI token = URI.create(s.baseUri("payment") + "/oauth/token");
                Answer viaBasic = post(token, "application/x-www-form-urlencoded", grant, "Authorization", basicHeader);
                Answer viaBody = post(token, "application/x-www-form-urlencoded", inBody);
                Answer accepted = only == Credentials.ClientAuthentication.CLIENT_SECRET_BASIC ? viaBasic : viaBody;
                Answer refused = only == Credentials.ClientAuthentication.CLIENT_SECRET_BASIC ? viaBody : viaBasic;
                assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
                assertThat(accepted.json().path("token_type").textValue()).isEqualTo("Bearer");
                assertThat(accepted.json().path("access_token").textValue()).isNotBlank();
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.json().path("error").textValue()).isEqualTo("invalid_client");
                assertThat(provider.tokenRequestsWithWrongClientAuthentication()).isEqualTo(1);
                // both methods at once is not allowed (RFC 6749 section 2.3)
                assertThat(post(token, "application/x-www-form-urlencoded", inBody, "Authorization", basicHeader).status())
                        .isEqualTo(400);
            }
        }
    }
}
