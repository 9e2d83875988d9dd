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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 429 with Retry-After, 404 and 5xx injected by the sandbox in front of the directory simulator. */
class FaultsTest {

    Sandbox sandbox;
    DirectorySimulator simulator;

    @BeforeEach
    void start() {
        simulator = DirectorySimulator.create();
        sandbox = Sandbox.builder().service(simulator).start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    DirectoryClient client(RetryPolicy policy) {
        return DirectoryClient.builder().config(OzgClientConfig.builder()
                .baseUri(sandbox.baseUri(DirectorySimulator.SERVICE_NAME)).retryPolicy(policy).build()).build();
    }

    @Test
    void locations_whenServiceAnswers429WithRetryAfter_waitsAndRetries() {
        FaultRule rule = sandbox.faults().add(FaultRule.on("GET", "/directory/v3/locations").times(1)
                .status(429, Duration.ofSeconds(1)));
        try (DirectoryClient c = client(RetryPolicy.DEFAULT)) {
            assertThat(c.locations("Mainz")).hasSize(1);
        }
        assertThat(rule.firedCount()).isEqualTo(1);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void locations_whenRetryAfterExceedsThePolicy_failsRateLimitedWithTheDemand() {
        sandbox.faults().add(FaultRule.on("GET", "/directory/v3/locations").status(429, Duration.ofSeconds(120)));
        try (DirectoryClient c = client(RetryPolicy.DEFAULT)) {
            assertThatThrownBy(() -> c.locations("Mainz")).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.error().retryAfter()).isEqualTo(Duration.ofSeconds(120));
                assertThat(e.error().attempts()).isEqualTo(1);
            });
        }
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void search_when404_answersAnEmptyPage() {
        sandbox.faults().add(FaultRule.on("GET", "/directory/v3/servicedescriptions/leikaid").status(404));
        try (DirectoryClient c = client(RetryPolicy.DEFAULT)) {
            assertThat(c.serviceDescriptions(LeikaKey.parse("99050012104000"), Ars.parse("073150000000"), 0, 10)
                    .items()).isEmpty();
        }
    }

    @Test
    void detail_whenServiceKeepsFailing_throwsServerErrorAfterTheRetries() {
        FaultRule rule = sandbox.faults().add(FaultRule.on("GET", "/directory/v6/servicedescriptions/*/detail")
                .status(503));
        RetryPolicy quick = RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
        try (DirectoryClient c = client(quick)) {
            assertThatThrownBy(() -> c.serviceDescription("RP.LB.3002", Ars.parse("073150000000")))
                    .isInstanceOfSatisfying(ServerErrorException.class,
                            e -> assertThat(e.error().attempts()).isEqualTo(3));
        }
        assertThat(rule.firedCount()).isEqualTo(3);
    }

    @Test
    void resetConnections_areRetriedLikeAnyIdempotentGet() {
        FaultRule rule = sandbox.faults().add(FaultRule.on("GET", "/directory/v2/onlineservices/detail").times(2).reset());
        RetryPolicy quick = RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
        try (DirectoryClient c = client(quick)) {
            assertThat(c.onlineService("RP.OD.2001")).isPresent();
        }
        assertThat(rule.firedCount()).isEqualTo(2);
    }
}
