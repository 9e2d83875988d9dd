package de.ozgkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of fault rule, its matching and its counter, over real HTTP on loopback. */
class FaultInjectionTest {

    private Sandbox sandbox;
    private EchoService echo;
    private Http http;
    private URI count;

    @BeforeEach
    void start() {
        echo = new EchoService();
        sandbox = Sandbox.builder().withBuiltInServices().service(echo).start();
        count = Http.uri(sandbox.baseUri("echo"), "/count");
        http = new Http();
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        sandbox.close();
    }

    private Http.Answer postCount() throws IOException {
        return http.postJson(count, "{}");
    }

    @Test
    void delay_holdsTheAnswerBack_thenHandlesNormally() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").delay(Duration.ofMillis(300)));
        long start = System.nanoTime();
        Http.Answer answer = postCount();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.status()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
        assertThat(echo.counter.get()).isEqualTo(1);
        assertThat(rule.firedCount()).isEqualTo(1);
    }

    @Test
    void status_answersProblemWithRetryAfter_withoutCallingTheHandler() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").status(503, Duration.ofMillis(1500)));
        Http.Answer answer = postCount();

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).contains("2");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asText()).contains("/echo/count");
        assertThat(echo.counter.get()).isZero();
        assertThat(rule.firedCount()).isEqualTo(1);

        Http.Answer withoutRetryAfter = http.send(
                "GET", Http.uri(sandbox.baseUri("echo"), "/items/1"));
        assertThat(withoutRetryAfter.status()).isEqualTo(200);
    }

    @Test
    void reset_abortsTheConnectionWithoutAnswer_withoutCallingTheHandler() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(1).reset());

        assertThatThrownBy(this::postCount).isInstanceOf(IOException.class);
        assertThat(echo.counter.get()).isZero();
        assertThat(rule.firedCount()).isEqualTo(1);
        assertThat(rule.exhausted()).isTrue();

        assertThat(postCount().status()).isEqualTo(200);
        assertThat(echo.counter.get()).isEqualTo(1);
        assertThat(rule.firedCount()).isEqualTo(1);
    }

    @Test
    void dropAnswer_runsTheHandler_thenAbortsTheConnection() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(2).dropAnswer());

        assertThatThrownBy(this::postCount).isInstanceOf(IOException.class);
        assertThatThrownBy(this::postCount).isInstanceOf(IOException.class);
        // the effects happened although the client saw no answer
        assertThat(echo.counter.get()).isEqualTo(2);
        assertThat(rule.firedCount()).isEqualTo(2);

        JsonNode third = Json.mapper().readTree(postCount().body());
        assertThat(third.path("count").asInt()).isEqualTo(3);
    }

    @Test
    void times_givesNFailuresThenSuccess() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(3).status(500));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(postCount().status());
        }
        assertThat(statuses).containsExactly(500, 500, 500, 200, 200);
        assertThat(rule.firedCount()).isEqualTo(3);
        assertThat(echo.counter.get()).isEqualTo(2);
        assertThat(sandbox.faults().firedCount()).isEqualTo(3);
    }

    @Test
    void times_isExactUnderConcurrentRequests() throws Exception {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(5).status(429, Duration.ofSeconds(1)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> postCount().status()));
            }
            int limited = 0;
            int ok = 0;
            for (Future<Integer> f : futures) {
                int status = f.get();
                if (status == 429) {
                    limited++;
                } else if (status == 200) {
                    ok++;
                }
            }
            assertThat(limited).isEqualTo(5);
            assertThat(ok).isEqualTo(35);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rule.firedCount()).isEqualTo(5);
        assertThat(echo.counter.get()).isEqualTo(35);
    }

    @Test
    void rules_matchMethodAndPathPattern() throws IOException {
        FaultRule postOnly = sandbox.faults().add(FaultRule.on("POST", "/echo/count").status(502));
        FaultRule anySegment = sandbox.faults().add(FaultRule.on("GET", "/echo/items/*").status(504));
        FaultRule namedSegment = sandbox.faults().add(FaultRule.onAnyMethod("/health/{x}").status(418));
        FaultRule subtree = sandbox.faults().add(FaultRule.on("delete", "/echo/**").status(503));

        assertThat(http.get(count).status()).isEqualTo(200);
        assertThat(postCount().status()).isEqualTo(502);
        assertThat(http.get(Http.uri(sandbox.baseUri("echo"), "/items/9")).status()).isEqualTo(504);
        assertThat(http.get(Http.uri(sandbox.baseUri("echo"), "/items/new")).status()).isEqualTo(504);
        assertThat(http.get(sandbox.baseUri("health")).status()).isEqualTo(200);
        assertThat(http.get(Http.uri(sandbox.baseUri("health"), "/deeper")).status()).isEqualTo(418);
        assertThat(http.send("DELETE", Http.uri(sandbox.baseUri("echo"), "/items/9")).status()).isEqualTo(503);
        assertThat(http.send("PUT", Http.uri(sandbox.baseUri("echo"), "/items/9")).status()).isEqualTo(204);

        assertThat(postOnly.firedCount()).isEqualTo(1);
        assertThat(anySegment.firedCount()).isEqualTo(2);
        assertThat(namedSegment.firedCount()).isEqualTo(1);
        assertThat(subtree.firedCount()).isEqualTo(1);
        assertThat(postOnly.matches("POST", "/echo/count/")).isFalse();
        assertThat(subtree.matches("DELETE", "/echo")).isTrue();
        assertThat(subtree.matches("DELETE", "/echoes/1")).isFalse();
    }

    @Test
    void delayThenStatus_combine_andFirstTerminalRuleWins() throws IOException {
        FaultRule delay = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(1).delay(Duration.ofMillis(50)));
        FaultRule first = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(1).status(503));
        FaultRule second = sandbox.faults().add(FaultRule.on("POST", "/echo/count").times(1).status(500));

        assertThat(postCount().status()).isEqualTo(503);
        assertThat(postCount().status()).isEqualTo(500);
        assertThat(postCount().status()).isEqualTo(200);
        assertThat(List.of(delay.firedCount(), first.firedCount(), second.firedCount())).containsExactly(1, 1, 1);
    }

    @Test
    void probability_firesForTheDrawnShare_andCountsExactly() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").probability(0.3, 42L).status(503));
        int failures = 0;
        for (int i = 0; i < 100; i++) {
            if (postCount().status() == 503) {
                failures++;
            }
        }
        assertThat(rule.firedCount()).isEqualTo(failures);
        assertThat(failures).isBetween(1, 99);
        assertThat(echo.counter.get()).isEqualTo(100 - failures);
    }

    @Test
    void removeAndClear_stopFaults() throws IOException {
        FaultRule rule = sandbox.faults().add(FaultRule.on("POST", "/echo/count").status(500));
        assertThat(postCount().status()).isEqualTo(500);
        assertThat(sandbox.faults().remove(rule)).isTrue();
        assertThat(postCount().status()).isEqualTo(200);
        sandbox.faults().add(FaultRule.on("POST", "/echo/count").reset());
        sandbox.faults().clear();
        assertThat(sandbox.faults().rules()).isEmpty();
        assertThat(postCount().status()).isEqualTo(200);
    }

    @Test
    void malformedRules_areRefusedWithClearMessages() {
        assertThatThrownBy(() -> FaultRule.on("POST", "/x").status(200))
                .isInstanceOf(SandboxException.class).hasMessageContaining("400..599");
        assertThatThrownBy(() -> FaultRule.on("POST", "/x").times(0))
                .isInstanceOf(SandboxException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> FaultRule.on("POST", "/**/x"))
                .isInstanceOf(SandboxException.class).hasMessageContaining("last segment");
        assertThatThrownBy(() -> FaultRule.on("POST", "x"))
                .isInstanceOf(SandboxException.class).hasMessageContaining("start with '/'");
        assertThatThrownBy(() -> FaultRule.on("PO ST", "/x"))
                .isInstanceOf(SandboxException.class).hasMessageContaining("HTTP method");
        assertThatThrownBy(() -> FaultRule.on("GET", "/x").delay(Duration.ZERO))
                .isInstanceOf(SandboxException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> FaultRule.on("GET", "/x").probability(0, 1))
                .isInstanceOf(SandboxException.class).hasMessageContaining("(0, 1]");
    }
}
