package de.ozgkit.directory.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RateLimitedException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.ServerErrorException;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 429 with Retry-After, 404, 5xx and connection resets injected by the sandbox in front of the
 * directory simulator. The client's pauses between attempts are recorded instead of slept, so the
 * tests check how long the client would have waited without waiting.
 */
class FaultsTest {

    static DirectorySimulator simulator;
    static Sandbox sandbox;

    final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        simulator = DirectorySimulator.create();
        sandbox = Sandbox.builder().service(simulator).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }

    DirectoryClient client() {
        return DirectoryClient.builder().config(OzgClientConfig.builder()
                        .baseUri(sandbox.baseUri(DirectorySimulator.SERVICE_NAME)).retryPolicy(RetryPolicy.DEFAULT).build())
                .sleeper(pauses::add).build();
    }

    @Test
    void locations_whenServiceAnswers429WithRetryAfter_waitsAndRetries() {
        FaultRule rule = sandbox.faults().add(FaultRule.on("GET", "/directory/v3/locations").times(1)
                .status(429, Duration.ofSeconds(1)));
        long before = simulator.requestCount();
        try (DirectoryClient c = client()) {
            assertThat(c.locations("Mainz")).hasSize(1);
        }
        assertThat(rule.firedCount()).isEqualTo(1);
        assertThat(simulator.requestCount() - before).isEqualTo(1);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void locations_whenRetryAfterExceedsThePolicy_failsRateLimitedWithTheDemand() {
        sandbox.faults().add(FaultRule.on("GET", "/directory/v3/locations").status(429, Duration.ofSeconds(120)));
        long before = simulator.requestCount();
        try (DirectoryClient c = client()) {
            assertThatThrownBy(() -> c.locations("Mainz")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.error().retryAfter()).isEqualTo(Duration.ofSeconds(120));
                assertThat(e.error().attempts()).isEqualTo(1);
            });
        }
        assertThat(simulator.requestCount()).isEqualTo(before);
        assertThat(pauses).isEmpty();
    }

    @Test
    void search_when404_answersAnEmptyPage() {
        sandbox.faults().add(FaultRule.on("GET", "/directory/v3/servicedescriptions/leikaid").status(404));
        try (DirectoryClient c = client()) {
            assertThat(c.serviceDescriptions(LeikaKey.parse("99050012104000"), Ars.parse("073150000000"), 0, 10)
                    .items()).isEmpty();
        }
        assertThat(pauses).isEmpty();
    }

    @Test
    void detail_whenServiceKeepsFailing_throwsServerErrorAfterTheRetries() {
        FaultRule rule = sandbox.faults().add(FaultRule.on("GET", "/directory/v6/servicedescriptions/*/detail")
                .status(503));
        try (DirectoryClient c = client()) {
            assertThatThrownBy(() -> c.serviceDescription("RP.LB.3002", Ars.parse("073150000000")))
                    .isInstanceOfSatisfying(ServerErrorException.class,
                            e -> assertThat(e.error().attempts()).isEqualTo(3));
        }
        assertThat(rule.firedCount()).isEqualTo(3);
        // the policy's backoff between the three attempts, without Retry-After
        assertThat(pauses).hasSize(2).allSatisfy(p -> assertThat(p).isPositive()
                .isLessThanOrEqualTo(RetryPolicy.DEFAULT.maxBackoff()));
    }

    @Test
    void resetConnections_areRetriedLikeAnyIdempotentGet() {
        FaultRule rule = sandbox.faults().add(FaultRule.on("GET", "/directory/v2/onlineservices/detail").times(2).reset());
        try (DirectoryClient c = client()) {
            assertThat(c.onlineService("RP.OD.2001")).isPresent();
        }
        assertThat(rule.firedCount()).isEqualTo(2);
        assertThat(pauses).hasSize(2);
    }
}
