package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentExistsException;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import org.junit.jupiter.api.Test;

/**
 * The answer to a create is lost after the provider created the transaction; the client's retry
 * (same requestId) is answered PAYMENT_EXISTS. XBezahldienste 1.0.0 does not say which transaction
 * holds the requestId, so the client cannot fetch it: it reports the requestId for reconciliation.
 * Only from a provider that names the transaction (a non-standard extension) does it recover alone.
 */
class LostCreateAnswerTest {

    static final String CREATE = "/payment/paymenttransaction/*/*";

    @Test
    void standardProvider_lostAnswer_endsInPaymentExistsWithTheRequestId_andOneTransaction() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.create()); PaymentClient c = f.client()) {
            f.sandbox.faults().add(FaultRule.on("POST", CREATE).times(1).dropAnswer());
            PaymentRequest request = ProviderFixture.request().build();
            assertThatThrownBy(() -> c.create(request))
                    .isInstanceOfSatisfying(PaymentExistsException.class, e -> {
                        assertThat(e.afterLostAnswer()).isTrue();
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.paymentRequestId()).contains(request.requestId());
                        assertThat(e.existingTransactionId()).isEmpty();
                        assertThat(e.getMessage()).contains("answer lost").contains("reconcile by the requestId")
                                .contains(request.requestId());
                    });
            assertThat(f.provider.transactionCount()).isEqualTo(1);
        }
    }

    @Test
    void providerNamingTheTransaction_lostAnswer_isRecoveredByFetchingIt() {
        try (ProviderFixture f = new ProviderFixture(PaymentProviderSimulator.builder().namesExistingTransaction(true).build());
             PaymentClient c = f.client()) {
            FaultRule drop = f.sandbox.faults().add(FaultRule.on("POST", CREATE).times(1).dropAnswer());
            PaymentRequest request = ProviderFixture.request().build();
            PaymentTransaction tx = c.create(request);
            assertThat(drop.firedCount()).isEqualTo(1);
            assertThat(tx.status()).isEqualTo(PaymentStatus.INITIAL);
            assertThat(tx.request().requestId()).isEqualTo(request.requestId());
            assertThat(f.provider.transactionCount()).isEqualTo(1);
        }
    }
}
