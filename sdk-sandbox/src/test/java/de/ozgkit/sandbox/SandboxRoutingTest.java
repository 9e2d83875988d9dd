package de.ozgkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing, body handling and problem answers over real HTTP on loopback. */
class SandboxRoutingTest {

    private static final long LIMIT = 4096;

    private static Sandbox sandbox;
    private static EchoService echo;
    private static Http http;
    private static URI base;

    @BeforeAll
    static void start() {
        echo = new EchoService();
        sandbox = Sandbox.builder().withBuiltInServices().service(echo).maxRequestBytes(LIMIT).start();
        base = sandbox.baseUri("echo");
        http = new Http();
    }

    @AfterAll
    static void stop() throws IOException {
        http.close();
        sandbox.close();
    }

    /** The built-in services' names in order, then the test's own service. */
    private static List<String> expectedNames() {
        List<String> names = new java.util.ArrayList<>();
        BuiltInServices.create().forEach(s -> names.add(s.name()));
        names.add("echo");
        return names;
    }

    private static JsonNode json(Http.Answer answer) throws IOException {
        return Json.mapper().readTree(answer.body());
    }

    private static void assertProblem(Http.Answer answer, int status) throws IOException {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    @Test
    void services_listHttpBaseUrisOnLoopbackInOrder() {
        assertThat(List.copyOf(sandbox.services().keySet())).containsExactlyElementsOf(expectedNames());
        assertThat(expectedNames()).startsWith("health");
        assertThat(base).isEqualTo(URI.create("http://127.0.0.1:" + sandbox.port() + "/echo"));
        assertThat(sandbox.rootUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.tls()).isEmpty();
    }

    @Test
    void baseUri_ofUnknownService_namesTheServicesThereAre() {
        assertThatThrownBy(() -> sandbox.baseUri("payments"))
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("no service \"payments\"")
                .hasMessageContaining(String.join(", ", expectedNames()));
    }

    @Test
    void health_answersUp() throws IOException {
        Http.Answer answer = http.get(sandbox.baseUri("health"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(json(answer).path("status").asText()).isEqualTo("UP");
        assertThat(http.get(Http.uri(sandbox.baseUri("health"), "/")).status()).isEqualTo(200);
    }

    @Test
    void get_withPathParameterAndQuery_passesDecodedValues() throws IOException {
        Http.Answer answer = http.get(Http.uri(base, "/items/a%20b%C3%A4+c?q=x+y%26z"));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = json(answer);
        assertThat(body.path("id").asText()).isEqualTo("a bä+c");
        assertThat(body.path("q").asText()).isEqualTo("x y&z");
        assertThat(body.path("params").toString()).isEqualTo("{\"id\":\"a bä+c\"}");
    }

    @Test
    void pathParameter_withEncodedReservedAndHostileCharacters_isDecoded() throws IOException {
        Http.Answer answer = http.get(Http.uri(base, "/items/%3Fq%3D1%23x%20%E1%BA%9E%F0%9F%98%80%3B"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).path("id").asText()).isEqualTo("?q=1#x \u1E9E\uD83D\uDE00;");
    }

    @Test
    void pathWithEncodedPercentOrControlCharacters_isRefusedBeforeRouting() throws IOException {
        // Jetty refuses these and closes the connection: a fresh client for each
        for (String hostile : List.of("x%2541", "x%0D%0ASet-Cookie:%20a", "x%00", "x%7F")) {
            try (Http own = new Http()) {
                Http.Answer answer = own.get(Http.uri(base, "/items/" + hostile));
                assertProblem(answer, 400);
            }
        }
    }

    @Test
    void undeclaredPathParameter_isAProgrammingError_answered500() throws IOException {
        Http.Answer answer = http.get(Http.uri(base, "/undeclared/1"));
        assertProblem(answer, 500);
        assertThat(answer.text()).contains("SandboxException").doesNotContain("{other}");
    }

    @Test
    void literalSegment_winsOverParameter() throws IOException {
        assertThat(json(http.get(Http.uri(base, "/items/new"))).path("literal").asBoolean()).isTrue();
        assertThat(json(http.get(Http.uri(base, "/items/old"))).path("id").asText()).isEqualTo("old");
    }

    @Test
    void brokenPercentEscape_answers400Problem() throws IOException {
        assertProblem(http.get(Http.uri(base, "/items/%C3%28")), 400);
        assertProblem(http.get(Http.uri(base, "/items/x?q=%E2%82")), 400);
    }

    @Test
    void requestsJettyRejectsBeforeRouting_stillAnswerProblemJson() throws IOException {
        Http.Answer hugeHeader = http.send(org.apache.hc.core5.http.io.support.ClassicRequestBuilder.get(Http.uri(base, "/headers"))
                .addHeader("X-Test", "x".repeat(20_000)).build());
        assertProblem(hugeHeader, 431);
        assertProblem(http.get(Http.uri(base, "/items/a%2Fb")), 400);
        assertThat(http.get(Http.uri(base, "/items/ok")).status()).isEqualTo(200);
    }

    @Test
    void unknownService_answers404ProblemNamingTheServices() throws IOException {
        Http.Answer answer = http.get(Http.uri(sandbox.rootUri(), "/nothing/here"));
        assertProblem(answer, 404);
        assertThat(json(answer).path("detail").asText()).contains("/nothing/here").contains(String.join(", ", expectedNames()));
        assertProblem(http.get(sandbox.rootUri()), 404);
    }

    @Test
    void unknownPath_answers404Problem() throws IOException {
        Http.Answer answer = http.get(Http.uri(base, "/items/1/extra"));
        assertProblem(answer, 404);
        assertThat(json(answer).path("detail").asText()).contains("echo").contains("/items/1/extra");
    }

    @Test
    void wrongMethod_answers405WithAllowHeader() throws IOException {
        Http.Answer answer = http.send("PATCH", Http.uri(base, "/items/7"));
        assertProblem(answer, 405);
        assertThat(answer.header("Allow")).contains("DELETE, GET, PUT");
        assertProblem(http.send("POST", sandbox.baseUri("health"), "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 405);
    }

    @Test
    void postJson_isEchoedWith201() throws IOException {
        Http.Answer answer = http.postJson(Http.uri(base, "/items"), "{\"name\":\"Gebühr\",\"amounts\":[1.5,2]}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(json(answer).path("name").asText()).isEqualTo("Gebühr");
        assertThat(json(answer).path("amounts").get(0).decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void malformedJson_answers400ProblemWithLocation() throws IOException {
        for (String body : List.of("{\"name\": ", "{name: 1}", "[1,2,,3]", "{\"a\":1} trailing", "\u0000\u0001")) {
            Http.Answer answer = http.postJson(Http.uri(base, "/items"), body);
            assertProblem(answer, 400);
            assertThat(json(answer).path("detail").asText()).startsWith("request body is not well-formed JSON");
        }
    }

    @Test
    void deeplyNestedJson_answers400Problem() throws IOException {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        Http.Answer answer = http.postJson(Http.uri(base, "/items"), deep);
        assertProblem(answer, 400);
    }

    @Test
    void jsonOfWrongShape_answers400Problem() throws IOException {
        assertThat(json(http.postJson(Http.uri(base, "/typed"), "{\"name\":\"a\",\"quantity\":3}")).path("quantity").asInt())
                .isEqualTo(3);
        Http.Answer answer = http.postJson(Http.uri(base, "/typed"), "{\"name\":\"a\",\"quantity\":\"many\"}");
        assertProblem(answer, 400);
        assertThat(json(answer).path("detail").asText()).startsWith("request body does not fit the expected JSON shape");
    }

    @Test
    void emptyJsonBody_answers400_andWrongMediaType_answers415() throws IOException {
        assertProblem(http.send("POST", Http.uri(base, "/items"), "application/json", new byte[0]), 400);
        Http.Answer answer = http.send("POST", Http.uri(base, "/items"), "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 415);
        assertThat(json(answer).path("detail").asText()).contains("application/json").contains("text/plain");
        assertThat(http.send("POST", Http.uri(base, "/items"), "application/merge-patch+json; charset=utf-8",
                "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
    }

    @Test
    void bodyAtLimit_isAccepted_andOverLimit_answers413() throws IOException {
        byte[] atLimit = new byte[(int) LIMIT];
        Http.Answer ok = http.send("POST", Http.uri(base, "/bytes"), "application/octet-stream", atLimit);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(json(ok).path("length").asInt()).isEqualTo(LIMIT);

        Http.Answer declared = http.send("POST", Http.uri(base, "/bytes"), "application/octet-stream", new byte[(int) LIMIT + 1]);
        assertProblem(declared, 413);
        assertThat(json(declared).path("detail").asText()).contains(Long.toString(LIMIT));

        Http.Answer chunked = http.postChunked(Http.uri(base, "/bytes"), "application/octet-stream", new byte[(int) LIMIT * 3]);
        assertProblem(chunked, 413);

        Http.Answer chunkedSmall = http.postChunked(Http.uri(base, "/bytes"), "application/octet-stream", new byte[10]);
        assertThat(json(chunkedSmall).path("length").asInt()).isEqualTo(10);
    }

    @Test
    void formPost_isParsed_andWrongFormEncoding_answersProblem() throws IOException {
        Http.Answer answer = http.send("POST", Http.uri(base, "/form"), "application/x-www-form-urlencoded",
                "choice=pay&note=a+b%21&choice=again&flag".getBytes(StandardCharsets.UTF_8));
        JsonNode form = json(answer);
        assertThat(form.path("choice").get(0).asText()).isEqualTo("pay");
        assertThat(form.path("choice").get(1).asText()).isEqualTo("again");
        assertThat(form.path("note").get(0).asText()).isEqualTo("a b!");
        assertThat(form.path("flag").get(0).asText()).isEmpty();
        assertProblem(http.send("POST", Http.uri(base, "/form"), "application/x-www-form-urlencoded",
                "x=%zz".getBytes(StandardCharsets.UTF_8)), 400);
        assertProblem(http.send("POST", Http.uri(base, "/form"), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void handlerFailure_answers500WithoutInternalDetails() throws IOException {
        Http.Answer answer = http.get(Http.uri(base, "/boom"));
        assertProblem(answer, 500);
        assertThat(answer.text()).doesNotContain("4711").doesNotContain("secret").contains("IllegalStateException");
    }

    @Test
    void problemException_answersProblemWithExtensionMember() throws IOException {
        Http.Answer answer = http.get(Http.uri(base, "/problem"));
        assertProblem(answer, 403);
        JsonNode problem = json(answer);
        assertThat(problem.path("functionalCode").asText()).isEqualTo("FORBIDDEN");
        assertThat(problem.path("detail").asText()).isEqualTo("originator may not use this endpoint");
    }

    @Test
    void redirectHtmlAndHeaders_areWrittenAsGiven() throws IOException {
        Http.Answer redirect = http.get(Http.uri(base, "/redirect"));
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).contains("https://example.org/back?x=1");

        Http.Answer html = http.get(Http.uri(base, "/html"));
        assertThat(html.contentType()).isEqualToIgnoringCase("text/html;charset=utf-8");
        assertThat(html.text()).contains("Grüße");

        Http.Answer headers = http.send(org.apache.hc.core5.http.io.support.ClassicRequestBuilder.get(Http.uri(base, "/headers"))
                .addHeader("X-Test", "one").addHeader("x-test", "two").build());
        assertThat(json(headers).path("x-test").toString()).isEqualTo("[\"one\",\"two\"]");

        JsonNode info = json(http.get(Http.uri(base, "/base?a=1")));
        assertThat(info.path("base").asText()).isEqualTo(base.toString());
        assertThat(info.path("uri").asText()).isEqualTo(base + "/base?a=1");
        assertThat(info.path("secure").asBoolean()).isFalse();
    }

    @Test
    void concurrentRequests_areServedInParallel() throws Exception {
        int parallel = 12;
        echo.barrier = new CyclicBarrier(parallel);
        int before = echo.counter.get();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try (Http own = new Http()) {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> own.get(Http.uri(base, "/together"))));
            }
            for (Future<Http.Answer> f : answers) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // every handler waited at the barrier for all others: the server ran them at the same time
        assertThat(echo.counter.get() - before).isEqualTo(parallel);
    }
}
