package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.NotFoundException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.payment.FunctionalCode;
import de.ozgkit.payment.PaymentAwaitTimeoutException;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentContext;
import de.ozgkit.payment.PaymentMethod;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.ProviderHealth;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole payment flow against the sandbox provider over real HTTP. */
class PaymentFlowTest {

    static ProviderFixture fixture;
    static PaymentClient client;

    @BeforeAll
    static void start() {
        fixture = new ProviderFixture(PaymentProviderSimulator.create());
        client = fixture.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        fixture.close();
    }

    @Test
    void create_payOnPaypage_pollUntilPayed() throws Exception {
        PaymentRequest request = ProviderFixture.request().build();
        PaymentTransaction tx = client.create(request);
        assertThat(tx.status()).isEqualTo(PaymentStatus.INITIAL);
        assertThat(tx.transactionId()).hasSizeBetween(1, 44);
        URI paypage = tx.paypageUrl().orElseThrow();
        assertThat(paypage.toString()).startsWith(fixture.base().toString());
        assertThat(tx.request()).contains(request);
        assertThat(tx.information().transactionReference()).contains("5.0100.123456.7");

        ProviderFixture.PaypageResult page = ProviderFixture.choose(paypage, "pay", "GIROPAY");
        assertThat(page.html()).contains("12,50 EUR").contains("MELDEBESCHEINIGUNG");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).isEqualTo(request.redirectUrl());

        PaymentTransaction done = client.awaitFinalStatus(tx.transactionId(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(PaymentStatus.PAYED);
        assertThat(done.information().paymentMethod()).contains(PaymentMethod.GIROPAY);
        assertThat(done.paypageUrl()).isEmpty();
        assertThat(done.request().map(PaymentRequest::requestId)).contains(request.requestId());
    }

    @Test
    void create_cancelOnPaypage_endsCanceled() throws Exception {
        PaymentTransaction tx = client.create(ProviderFixture.request().build());
        ProviderFixture.PaypageResult page = ProviderFixture.choose(tx.paypageUrl().orElseThrow(), "cancel", null);
        assertThat(page.status()).isEqualTo(303);
        PaymentTransaction done = client.awaitFinalStatus(tx.transactionId(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(done.information().paymentMethod()).isEmpty();
        // the finished paypage offers no choice, and a late form post changes nothing
        assertThatThrownBy(() -> ProviderFixture.choose(tx.paypageUrl().orElseThrow(), "pay", "PAYPAL"))
                .hasMessageContaining("no form").hasMessageContaining("CANCELED");
        ProviderFixture.post(tx.paypageUrl().orElseThrow(), "application/x-www-form-urlencoded", "action=pay", null);
        assertThat(client.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.CANCELED);
    }

    @Test
    void unpaid_turnsFailedAfterThePaypageTimeout() {
        MovableClock clock = new MovableClock();
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().paypageTimeout(Duration.ofMinutes(30)).build();
        try (ProviderFixture f = new ProviderFixture(provider, Sandbox.builder().clock(clock).service(provider));
             PaymentClient c = f.client()) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            clock.advance(Duration.ofMinutes(29));
            assertThat(c.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.INITIAL);
            clock.advance(Duration.ofMinutes(1));
            PaymentTransaction done = c.awaitFinalStatus(tx.transactionId(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(done.information().statusDetail()).hasValueSatisfying(d -> assertThat(d).contains("timeout"));
        }
    }

    @Test
    void awaitFinalStatus_whenTheCitizenTakesLonger_givesUpWithTheLastStatus() {
        PaymentTransaction tx = client.create(ProviderFixture.request().build());
        assertThatThrownBy(() -> client.awaitFinalStatus(tx.transactionId(), Duration.ofMillis(300)))
                .isInstanceOfSatisfying(PaymentAwaitTimeoutException.class, e -> {
                    assertThat(e.lastSeen().status()).isEqualTo(PaymentStatus.INITIAL);
                    assertThat(e.attempts()).isGreaterThanOrEqualTo(2);
                    assertThat(e.getMessage()).contains(tx.transactionId()).contains("still INITIAL");
                });
    }

    @Test
    void get_unknownTransaction_isNotFoundWithUnspecifiedCode() {
        assertThatThrownBy(() -> client.get("TXdoesnotexist"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(FunctionalCode.of(e)).contains(FunctionalCode.UNSPECIFIED);
                    assertThat(e.attempts()).isEqualTo(1);
                });
        // a transaction of another end point is not visible
        PaymentTransaction tx = client.create(ProviderFixture.request().build());
        assertThatThrownBy(() -> client.get(PaymentContext.of(ProviderFixture.ORIGINATOR, "other"), tx.transactionId()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void health_reportsAvailableThenUnavailable() {
        ProviderHealth ok = client.health();
        assertThat(ok.isAvailable()).isTrue();
        assertThat(ok.httpStatus()).isEqualTo(200);
        assertThat(ok.problem()).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("OK"));
        PaymentProviderSimulator provider = PaymentProviderSimulator.create();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient c = f.client(f.config().retryPolicy(RetryPolicy.none()).build())) {
            provider.setAvailable(false);
            ProviderHealth down = c.health();
            assertThat(down.availability()).isEqualTo(ProviderHealth.Availability.UNAVAILABLE);
            assertThat(down.httpStatus()).isEqualTo(503);
        }
    }

    @Test
    void amountsAndItems_arriveExactly() {
        PaymentRequest request = ProviderFixture.request().items(java.util.List.of(
                de.ozgkit.payment.PaymentItem.builder().id("a").quantity(3).singleNetAmount(new BigDecimal("0.10"))
                        .singleTaxAmount(new BigDecimal("0.02")).taxRate(new BigDecimal("19")).build(),
                de.ozgkit.payment.PaymentItem.builder().id("b").totalNetAmount(new BigDecimal("999.99")).build())).build();
        PaymentTransaction tx = client.create(request);
        assertThat(tx.request().orElseThrow().grosAmount()).isEqualTo(new BigDecimal("1000.35"));
        assertThat(tx.request()).contains(request);
    }

    /** A clock the test moves forward, shared with the sandbox. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T08:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
