package de.ozgkit.sandbox.http;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template parsing and matching of {@link Router}. */
class RouterTest {

    private static final RouteHandler OK = request -> Reply.status(204);

    @Test
    void find_matchesTemplatesAndExtractsParameters() {
        Router router = new Router()
                .get("/", OK)
                .get("/paymenttransaction/{originatorId}/{endPointId}/{transactionId}", OK)
                .post("/paymenttransaction/{originatorId}/{endPointId}", OK);

        assertThat(router.find("GET", "/")).isPresent();
        Router.Match match = router.find("GET", "/paymenttransaction/o1/e2/t3").orElseThrow();
        assertThat(match.template()).isEqualTo("/paymenttransaction/{originatorId}/{endPointId}/{transactionId}");
        assertThat(match.pathParams()).isEqualTo(Map.of("originatorId", "o1", "endPointId", "e2", "transactionId", "t3"));
        assertThat(router.find("post", "/paymenttransaction/o1/e2")).isPresent();
        assertThat(router.find("GET", "/paymenttransaction/o1/e2")).isEmpty();
        assertThat(router.find("GET", "/paymenttransaction/o1//t3")).isEmpty();
        assertThat(router.find("GET", "/paymenttransaction/o1/e2/t3/x")).isEmpty();
    }

    @Test
    void allowedMethods_tellsNotFoundFromMethodNotAllowed() {
        Router router = new Router().get("/items/{id}", OK).delete("/items/{id}", OK).post("/items", OK);
        assertThat(router.allowedMethods("/items/1")).containsExactly("DELETE", "GET");
        assertThat(router.allowedMethods("/items")).containsExactly("POST");
        assertThat(router.allowedMethods("/other")).isEmpty();
    }

    @Test
    void literalSegments_winAtTheFirstDifference() {
        Router router = new Router()
                .get("/{a}/{b}", request -> Reply.text(200, "params"))
                .get("/{a}/fixed", request -> Reply.text(200, "second literal"))
                .get("/fixed/{b}", request -> Reply.text(200, "first literal"));
        assertThat(router.find("GET", "/fixed/fixed").orElseThrow().template()).isEqualTo("/fixed/{b}");
        assertThat(router.find("GET", "/x/fixed").orElseThrow().template()).isEqualTo("/{a}/fixed");
        assertThat(router.find("GET", "/x/y").orElseThrow().template()).isEqualTo("/{a}/{b}");
    }

    @Test
    void malformedOrClashingTemplates_areRefused() {
        Router router = new Router().get("/items/{id}", OK);
        assertThatThrownBy(() -> router.get("/items/{other}", OK)).hasMessageContaining("clashes");
        assertThatThrownBy(() -> router.get("items", OK)).hasMessageContaining("start with '/'");
        assertThatThrownBy(() -> router.get("/a//b", OK)).hasMessageContaining("empty segments");
        assertThatThrownBy(() -> router.get("/a/x{id}", OK)).hasMessageContaining("whole segment");
        assertThatThrownBy(() -> router.get("/{id}/{id}", OK)).hasMessageContaining("twice");
        assertThatThrownBy(() -> router.route("get", "/x", OK)).hasMessageContaining("upper-case");
        assertThat(router.describe()).containsExactly("GET /items/{id}");
    }

    @Test
    void reply_and_problemException_buildTheDocumentedShapes() {
        Reply problem = new ProblemException(422, "Unprocessable", "amount does not add up")
                .with("functionalCode", "CALCULATION_ERROR").toReply();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.header("content-type")).contains("application/problem+json");
        assertThat(problem.bodyAsString()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,"
                        + "\"detail\":\"amount does not add up\",\"functionalCode\":\"CALCULATION_ERROR\"}");
        assertThatThrownBy(() -> new ProblemException(200, "x", null)).hasMessageContaining("400..599");
        assertThatThrownBy(() -> new ProblemException(400, "x", null).with("status", 1)).hasMessageContaining("standard");
        assertThatThrownBy(() -> Reply.redirect(200, "/x")).hasMessageContaining("redirect status");
        assertThatThrownBy(() -> Reply.status(204).withHeader("X-A", "a\r\nSet-Cookie: x")).hasMessageContaining("single line");
        assertThat(Reply.status(429).withRetryAfter(java.time.Duration.ofMillis(1001)).header("Retry-After")).contains("2");
    }
}
