package de.ozgkit.core.internal;

import static de.ozgkit.core.internal.TestHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.ConflictException;
import de.ozgkit.core.InvalidRequestException;
import de.ozgkit.core.NotFoundException;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.PermissionDeniedException;
import de.ozgkit.core.Problem;
import de.ozgkit.core.RateLimitedException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.ServerErrorException;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * problem+json answers of a real server mapped to the exception types: one server answers
 * {@code /status/<code>} with a problem for that code.
 */
class ErrorMappingTest {

    private static TestHttpServer server;
    private static HttpPipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        server = TestHttpServer.start((req, ex) -> {
            String[] parts = req.uri().getPath().split("/");
            String kind = parts[1];
            int status = Integer.parseInt(parts[2]);
            switch (kind) {
                case "status" -> respond(ex, status, "application/problem+json; charset=utf-8", """
                        {"type":"https://example.org/problems/x","title":"Something failed","status":%d,
                         "detail":"purpose must be at most 27 characters","instance":"/paymenttransaction/o/e",
                         "functionalCode":"VALIDATION_ERROR","invalidParams":[{"name":"purpose"}]}""".formatted(status),
                        "X-Request-Id", "srv-42");
                case "malformed" -> respond(ex, status, "application/problem+json", "{\"title\": \"cut");
                case "array" -> respond(ex, status, "application/problem+json", "[1,2,3]");
                case "deep" -> respond(ex, status, "application/problem+json", "[".repeat(10_000) + "]".repeat(10_000));
                case "html" -> respond(ex, status, "text/html", "<html>gateway</html>");
                case "wrongtypes" -> respond(ex, status, "application/problem+json",
                        "{\"type\":5,\"title\":[\"x\"],\"status\":\"400\",\"detail\":{},\"functionalCode\":\"FORBIDDEN\"}");
                default -> respond(ex, 500, null, "");
            }
        });
        pipeline = new HttpPipeline(OzgClientConfig.builder().baseUri(server.uri("/")).retryPolicy(RetryPolicy.none()).build());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        server.close();
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, InvalidRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(422, InvalidRequestException.class),
                Arguments.of(429, RateLimitedException.class),
                Arguments.of(500, ServerErrorException.class),
                Arguments.of(502, ServerErrorException.class),
                Arguments.of(503, ServerErrorException.class),
                Arguments.of(418, OzgServiceException.class),
                Arguments.of(405, OzgServiceException.class));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void problemJson_mapsToTypeAndCarriesEveryMember(int status, Class<? extends OzgServiceException> type) {
        assertThatThrownBy(() -> pipeline.call(HttpRequest.builder("GET", server.uri("/status/" + status)).build()))
                .isExactlyInstanceOf(type)
                .satisfies(t -> {
                    OzgServiceException e = (OzgServiceException) t;
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.requestId()).contains("srv-42");
                    assertThat(e.functionalCode()).contains("VALIDATION_ERROR");
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.type()).isEqualTo("https://example.org/problems/x");
                        assertThat(p.title()).isEqualTo("Something failed");
                        assertThat(p.status()).isEqualTo(status);
                        assertThat(p.detail()).isEqualTo("purpose must be at most 27 characters");
                        assertThat(p.instance()).isEqualTo("/paymenttransaction/o/e");
                        assertThat(p.extensions()).containsEntry("functionalCode", "VALIDATION_ERROR")
                                .containsEntry("invalidParams", List.of(Map.of("name", "purpose")));
                    });
                    assertThat(e.getMessage())
                            .contains("GET /status/" + status + " failed with HTTP " + status)
                            .contains("[functionalCode VALIDATION_ERROR]")
                            .contains("request id srv-42");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"malformed", "array", "deep"})
    void malformedProblemBody_givesExceptionWithoutProblem(String kind) {
        assertThatThrownBy(() -> pipeline.call(HttpRequest.builder("GET", server.uri("/" + kind + "/400")).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.problem()).isEmpty();
                    assertThat(e.getMessage()).contains("could not be parsed");
                    // without a server id, the id ozgkit sent is reported
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void nonJsonErrorBody_isNotParsedAsProblem() {
        assertThatThrownBy(() -> pipeline.call(HttpRequest.builder("GET", server.uri("/html/502")).build()))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.problem()).isEmpty();
                    assertThat(e.getMessage()).doesNotContain("could not be parsed").doesNotContain("<html>");
                });
    }

    @Test
    void membersOfTheWrongType_areIgnoredAsRfc9457Asks() {
        assertThatThrownBy(() -> pipeline.call(HttpRequest.builder("GET", server.uri("/wrongtypes/403")).build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.type()).isEqualTo("about:blank");
                        assertThat(p.title()).isNull();
                        assertThat(p.status()).isNull();
                        assertThat(p.detail()).isNull();
                    });
                    assertThat(e.functionalCode()).contains("FORBIDDEN");
                });
    }

    /** A service's own exception type, as a payment module would define one. */
    static final class ValidationFailed extends OzgServiceException {
        private static final long serialVersionUID = 1L;

        ValidationFailed(ServiceError error, String message) {
            super(error, message);
        }
    }

    @Test
    void serviceHook_choosesTypeAndHint_beforeTheMessageIsBuilt_andLeavesOtherAnswersToTheStatus() {
        ErrorMapper.Hook hook = error -> error.problemDetail().flatMap(Problem::functionalCode)
                .filter("VALIDATION_ERROR"::equals)
                .filter(code -> error.status() == 400)
                .map(code -> new ErrorMapper.Choice("Shorten the purpose.", ValidationFailed::new));
        assertThatThrownBy(() -> pipeline.call(HttpRequest.builder("GET", server.uri("/status/400")).build(), hook))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.requestId()).contains("srv-42");
                    // core's description, then the hook's hint instead of core's
                    assertThat(e.getMessage()).isEqualTo("GET /status/400 failed with HTTP 400 Something failed"
                            + " [functionalCode VALIDATION_ERROR]: purpose must be at most 27 characters"
                            + " (request id srv-42, 1 attempt). Shorten the purpose.");
                });
        // an answer the hook leaves alone is mapped by its status, with core's hint
        assertThatThrownBy(() -> pipeline.call(HttpRequest.builder("GET", server.uri("/status/409")).build(), hook))
                .isInstanceOf(ConflictException.class)
                .hasMessageEndingWith("The request conflicts with what the service already holds (for example a duplicate id).");
    }
}
