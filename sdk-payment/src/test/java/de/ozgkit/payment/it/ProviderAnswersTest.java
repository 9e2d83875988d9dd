package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.payment.InvalidPaymentFieldException;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentMethod;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Answers as real providers give them, loosely or dangerously, from a canned provider over real
 * HTTP: odd fields yield a readable status with the field kept as text and a warning in the log;
 * a paypage that is not http(s) is refused, so the citizen is never sent there; a transaction id of
 * dots is not sent back as a path step.
 */
class ProviderAnswersTest {

    static PaymentClient client(CannedProvider provider) {
        return PaymentClient.builder().config(OzgClientConfig.builder().baseUri(provider.base())
                .retryPolicy(RetryPolicy.none()).build()).context("online-service-1", "09162000").build();
    }

    @Test
    void oddFields_yieldAReadableStatus_keptAsText_withAWarning() throws Exception {
        String id = "TX-" + "9".repeat(60);
        try (CannedProvider provider = new CannedProvider(200, "{\"paymentInformation\":{\"transactionId\":\"" + id + "\","
                + "\"status\":\"PAYED\",\"transactionTimestamp\":\"03.06.2025 14:12:55\",\"transactionUrl\":\"tx/" + id + "\","
                + "\"paymentMethod\":\"SOFORT\",\"transactionReference\":\"KZ-1\"}}");
             PaymentClient c = client(provider)) {
            PrintStream err = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PaymentTransaction tx;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                tx = c.get(id);
            } finally {
                System.setErr(err);
            }
            assertThat(tx.status()).isEqualTo(PaymentStatus.PAYED);
            assertThat(tx.transactionId()).isEqualTo(id);
            assertThat(tx.information().transactionReference()).isEqualTo("KZ-1");
            assertThat(tx.information().paymentMethod()).isEqualTo(PaymentMethod.OTHER);
            assertThat(tx.information().transactionTimestamp()).isNull();
            assertThat(tx.information().transactionUrl()).isNull();
            assertThat(tx.information().irregularFields()).containsEntry("transactionTimestamp", "03.06.2025 14:12:55")
                    .containsEntry("transactionUrl", "tx/" + id).containsEntry("paymentMethod", "SOFORT");
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN").contains("transactionTimestamp")
                    .contains("transactionUrl").contains("63 characters");
        }
    }

    @Test
    void javascriptOrOtherNonHttpPaypage_isRefused_theCitizenIsNotSentThere() throws Exception {
        try (CannedProvider provider = new CannedProvider(200, "{}"); PaymentClient c = client(provider)) {
            for (String paypage : new String[] {"javascript:alert(document.cookie)", "data:text/html,<h1>pay</h1>",
                "file:///etc/passwd", "ftp://pay.example.org/x"}) {
                provider.answer(200, "{\"paymentInformation\":{\"transactionId\":\"TX1\",\"status\":\"INITIAL\","
                        + "\"transactionRedirectUrl\":\"" + paypage + "\"}}");
                assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                        .as(paypage)
                        .isInstanceOfSatisfying(OzgClientException.class, e -> {
                            assertThat(e.kind()).isEqualTo(OzgClientException.Kind.PROTOCOL);
                            assertThat(e.getMessage()).contains("paypage").contains("not sent there")
                                    .doesNotContain("alert").doesNotContain("passwd");
                        });
            }
            // a relative paypage is taken relative to the provider's own address
            provider.answer(200, "{\"paymentInformation\":{\"transactionId\":\"TX1\",\"status\":\"INITIAL\","
                    + "\"transactionRedirectUrl\":\"/paypage/TX1\"}}");
            assertThat(c.create(ProviderFixture.request().build()).paypageUrl())
                    .contains(URI.create(provider.base().resolve("/paypage/TX1").toString()));
        }
    }

    @Test
    void transactionIdOfDots_isNotSentAsAPathStep() throws Exception {
        try (CannedProvider provider = new CannedProvider(200, "{}"); PaymentClient c = client(provider)) {
            for (String id : new String[] {"..", ".", "...."}) {
                assertThatThrownBy(() -> c.get(id)).isInstanceOfSatisfying(InvalidPaymentFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("transactionId"));
            }
            assertThat(provider.requests()).isZero();
        }
    }
}
