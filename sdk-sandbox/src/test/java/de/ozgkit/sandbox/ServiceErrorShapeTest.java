package de.ozgkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.ProblemErrorHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service decides how its own error answers look (404 under its base, 405, 413, 400, 415, 500)
 * through its error handler; other services and unknown paths keep the default problem shape.
 */
class ServiceErrorShapeTest {

    private static final long LIMIT = 1024;

    /** A service whose errors carry a {@code code} member and a title of its own. */
    private static final class ShapedService implements SandboxService {
        @Override
        public String name() {
            return "shaped";
        }

        @Override
        public void mount(SandboxContext context) {
            context.routes().addMapping(new UriTemplatePathSpec("/things/{id}"), new MethodHandler()
                    .get((request, response, callback) -> {
                        Responses.json(response, callback, 200, Map.of("id", Requests.pathParam(request, "id")));
                        return true;
                    }));
            context.routes().addMapping(new UriTemplatePathSpec("/things"), new MethodHandler()
                    .post((request, response, callback) -> {
                        Responses.json(response, callback, 201, Requests.jsonTree(request));
                        return true;
                    }));
            context.routes().addMapping(new UriTemplatePathSpec("/fail"), new MethodHandler()
                    .get((request, response, callback) -> {
                        throw new IllegalStateException("password=hunter2");
                    }));
            context.errorHandler(new ProblemErrorHandler() {
                @Override
                protected void writeProblem(Request request, Response response, Callback callback, int status, String detail) {
                    Responses.problem(response, callback, status, "Shaped error", detail, Map.of("code", "E" + status));
                }
            });
        }
    }

    private static Sandbox sandbox;
    private static Http http;
    private static URI shaped;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().withBuiltInServices().service(new ShapedService()).maxRequestBytes(LIMIT).start();
        shaped = sandbox.baseUri("shaped");
        http = new Http();
    }

    @AfterAll
    static void stop() throws IOException {
        http.close();
        sandbox.close();
    }

    private static JsonNode shapedProblem(Http.Answer answer, int status) throws IOException {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isEqualTo("Shaped error");
        assertThat(problem.path("code").asText()).isEqualTo("E" + status);
        return problem;
    }

    @Test
    void unknownPathUnderTheService_answersInTheServiceShape() throws IOException {
        JsonNode problem = shapedProblem(http.get(Http.uri(shaped, "/things/1/more")), 404);
        assertThat(problem.path("detail").asText()).contains("/things/1/more");
        assertThat(http.get(Http.uri(shaped, "/things/1")).status()).isEqualTo(200);
    }

    @Test
    void wrongMethod_answersInTheServiceShape_withAllow() throws IOException {
        Http.Answer answer = http.send("DELETE", Http.uri(shaped, "/things/1"));
        shapedProblem(answer, 405);
        assertThat(answer.header("Allow")).contains("GET");
    }

    @Test
    void oversizedBody_declaredOrChunked_answers413InTheServiceShape() throws IOException {
        try (Http own = new Http()) {
            shapedProblem(own.send("POST", Http.uri(shaped, "/things"), "application/json", new byte[(int) LIMIT + 1]), 413);
        }
        try (Http own = new Http()) {
            byte[] json = ("[" + "1,".repeat((int) LIMIT) + "1]").getBytes(StandardCharsets.UTF_8);
            shapedProblem(own.postChunked(Http.uri(shaped, "/things"), "application/json", json), 413);
        }
    }

    @Test
    void unreadableBodies_answer400And415InTheServiceShape() throws IOException {
        JsonNode malformed = shapedProblem(http.postJson(Http.uri(shaped, "/things"), "{\"a\": tru"), 400);
        assertThat(malformed.path("detail").asText()).startsWith("request body is not well-formed JSON (line 1");
        shapedProblem(http.send("POST", Http.uri(shaped, "/things"), "text/xml", "<a/>".getBytes(StandardCharsets.UTF_8)), 415);
    }

    @Test
    void handlerFailure_answers500InTheServiceShape_withoutItsMessage() throws IOException {
        Http.Answer answer = http.get(Http.uri(shaped, "/fail"));
        shapedProblem(answer, 500);
        assertThat(answer.text()).doesNotContain("hunter2").contains("IllegalStateException");
    }

    @Test
    void otherServicesAndUnknownPaths_keepTheDefaultShape() throws IOException {
        for (Http.Answer answer : new Http.Answer[] {
                http.send("POST", sandbox.baseUri("health"), "application/json", "{}".getBytes(StandardCharsets.UTF_8)),
                http.get(Http.uri(sandbox.rootUri(), "/shapedx/things/1"))}) {
            JsonNode problem = Json.mapper().readTree(answer.body());
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(problem.path("title").asText()).isIn("Method Not Allowed", "Not Found");
            assertThat(problem.has("code")).isFalse();
        }
    }

    @Test
    void routes_refuseAPathMappedTwice_andMethodsHandledTwice() {
        SandboxService twice = new SandboxService() {
            @Override
            public String name() {
                return "twice";
            }

            @Override
            public void mount(SandboxContext context) {
                context.routes().addMapping(new UriTemplatePathSpec("/items/{id}"), new MethodHandler());
                context.routes().addMapping(new UriTemplatePathSpec("/items/{other}"), new MethodHandler());
            }
        };
        assertThatThrownBy(() -> Sandbox.builder().service(twice).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("/items/{other} twice (first as /items/{id})");

        MethodHandler handler = new MethodHandler().get((request, response, callback) -> true);
        assertThatThrownBy(() -> handler.get((request, response, callback) -> true)).hasMessageContaining("already handled");
        assertThatThrownBy(() -> handler.on("get", (request, response, callback) -> true)).hasMessageContaining("upper-case");
        assertThat(handler.post((request, response, callback) -> true).allow()).isEqualTo("GET, POST");
    }
}
