package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.RetryPolicy;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Creates under random faults (connection resets, 5xx, 429, answers lost after the transaction was
 * created) end with exactly one transaction per request at the provider: none lost, none duplicated.
 * The provider names the existing transaction on PAYMENT_EXISTS (a non-standard extension), so the
 * client recovers every lost answer itself; {@link LostCreateAnswerTest} covers the standard case.
 */
class FaultToleranceTest {

    static final int CREATES = 200;
    static final String CREATE = "/payment/paymenttransaction/*/*";
    static final String STATUS = "/payment/paymenttransaction/*/*/*";

    @Test
    void twoHundredCreatesUnderRandomFaults_endWithExactlyTwoHundredTransactions() throws Exception {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().namesExistingTransaction(true).build();
        try (ProviderFixture f = new ProviderFixture(provider)) {
            List<FaultRule> rules = List.of(
                    f.sandbox.faults().add(FaultRule.on("POST", CREATE).probability(0.10, 11).reset()),
                    f.sandbox.faults().add(FaultRule.on("POST", CREATE).probability(0.10, 12).dropAnswer()),
                    f.sandbox.faults().add(FaultRule.on("POST", CREATE).probability(0.05, 13).status(503)),
                    f.sandbox.faults().add(FaultRule.on("POST", CREATE).probability(0.05, 14).status(500)),
                    f.sandbox.faults().add(FaultRule.on("POST", CREATE).probability(0.04, 15).status(429, Duration.ZERO)),
                    f.sandbox.faults().add(FaultRule.on("GET", STATUS).probability(0.10, 16).status(502)),
                    f.sandbox.faults().add(FaultRule.on("GET", STATUS).probability(0.10, 17).reset()));
            RetryPolicy patient = RetryPolicy.DEFAULT.withMaxAttempts(15).withBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
            List<PaymentRequest> requests = new ArrayList<>();
            for (int i = 0; i < CREATES; i++) {
                requests.add(ProviderFixture.request().build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<PaymentTransaction> created = new ArrayList<>();
            try (PaymentClient c = f.client(f.config().retryPolicy(patient).build())) {
                List<Future<PaymentTransaction>> futures = new ArrayList<>();
                for (PaymentRequest r : requests) {
                    futures.add(pool.submit(() -> c.create(r)));
                }
                for (Future<PaymentTransaction> fu : futures) {
                    created.add(fu.get());
                }
            } finally {
                pool.shutdownNow();
            }

            Set<String> ids = new HashSet<>();
            for (int i = 0; i < CREATES; i++) {
                PaymentTransaction tx = created.get(i);
                assertThat(tx.status()).isEqualTo(PaymentStatus.INITIAL);
                assertThat(tx.request().requestId()).isEqualTo(requests.get(i).requestId());
                ids.add(tx.transactionId());
            }
            assertThat(ids).hasSize(CREATES);
            assertThat(provider.transactionCount()).isEqualTo(CREATES);
            // every kind of fault happened, including answers lost after the transaction was created
            for (FaultRule rule : rules) {
                assertThat(rule.firedCount()).as(rule.toString()).isPositive();
            }
        }
    }
}
