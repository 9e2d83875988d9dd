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
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
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
        assertThat(tx.request()).isEqualTo(request);
        assertThat(tx.information().transactionReference()).isEqualTo("5.0100.123456.7");
        assertThat(tx.information().transactionTimestamp()).as("only once paid").isNull();

        ProviderFixture.PaypageResult page = ProviderFixture.choose(paypage, "pay", "GIROPAY");
        assertThat(page.html()).contains("12,50 EUR").contains("MELDEBESCHEINIGUNG");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).isEqualTo(request.redirectUrl());

        PaymentTransaction done = client.awaitFinalStatus(tx.transactionId(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(PaymentStatus.PAYED);
        assertThat(done.information().paymentMethod()).isEqualTo(PaymentMethod.GIROPAY);
        assertThat(done.information().transactionTimestamp()).isEqualTo(fixture.clock.instant());
        assertThat(done.paypageUrl()).isEmpty();
        assertThat(done.request().requestId()).isEqualTo(request.requestId());
    }

    @Test
    void create_cancelOnPaypage_endsCanceled() throws Exception {
        PaymentTransaction tx = client.create(ProviderFixture.request().build());
        ProviderFixture.PaypageResult page = ProviderFixture.choose(tx.paypageUrl().orElseThrow(), "cancel", null);
        assertThat(page.status()).isEqualTo(303);
        PaymentTransaction done = client.awaitFinalStatus(tx.transactionId(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(done.information().paymentMethod()).isNull();
        assertThat(done.information().transactionTimestamp()).isNull();
        // the finished paypage offers no choice, and a late form post changes nothing
        assertThatThrownBy(() -> ProviderFixture.choose(tx.paypageUrl().orElseThrow(), "pay", "PAYPAL"))
                .hasMessageContaining("no form").hasMessageContaining("CANCELED");
        ProviderFixture.post(tx.paypageUrl().orElseThrow(), "application/x-www-form-urlencoded", "action=pay", null);
        assertThat(client.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.CANCELED);
    }

    @Test
    void unpaid_turnsFailedAfterThePaypageTimeout() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().paypageTimeout(Duration.ofMinutes(30)).build();
        try (ProviderFixture f = new ProviderFixture(provider); PaymentClient c = f.client()) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            f.clock.advance(Duration.ofMinutes(29));
            assertThat(c.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.INITIAL);
            // polling moves the shared clock past the paypage timeout; the provider then reports FAILED
            PaymentTransaction done = c.awaitFinalStatus(tx.transactionId(), Duration.ofMinutes(5));
            assertThat(done.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(done.information().statusDetail()).contains("timeout");
            assertThat(done.information().transactionTimestamp()).isNull();
        }
    }

    @Test
    void awaitFinalStatus_whenTheCitizenTakesLonger_givesUpWithTheLastStatus_afterTheExactPolls() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().paypageTimeout(Duration.ofHours(1)).build();
        try (ProviderFixture f = new ProviderFixture(provider); PaymentClient c = f.client()) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            Duration before = f.clock.waited();
            // pauses of 1 s growing by half up to 10 s: 1 + 1.5 + 2.25 + 3.375 + 5.0625 + 7.59375 + 10 + 10 ... = 60 s
            assertThatThrownBy(() -> c.awaitFinalStatus(tx.transactionId(), Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(PaymentAwaitTimeoutException.class, e -> {
                        assertThat(e.lastSeen().status()).isEqualTo(PaymentStatus.INITIAL);
                        assertThat(e.attempts()).isEqualTo(11);
                        assertThat(e.getMessage()).contains(tx.transactionId()).contains("still INITIAL");
                    });
            assertThat(f.clock.waited().minus(before)).isEqualTo(Duration.ofMinutes(1));
        }
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
        assertThat(ok.problem().title()).isEqualTo("OK");
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
        assertThat(tx.request().grosAmount()).isEqualTo(new BigDecimal("1000.35"));
        assertThat(tx.request()).isEqualTo(request);
    }
}
