package de.ozgkit.cli;

import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The payment part of {@code ozgkit demo}: create an XBezahldienste payment at the sandbox
 * provider, pay it on the paypage over HTTP the way a citizen's browser does, and wait for the
 * final status through the client. The steps share the transaction, so one instance serves one
 * demo run.
 */
final class PaymentDemoSteps {

    private static final String ORIGINATOR = "ozgkit-demo";
    private static final String END_POINT = "09162000";
    private static final String REDIRECT = "https://fachverfahren.example/antrag/4711/zurueck";

    private PaymentTransaction transaction;

    /** @return the three payment steps, in order */
    static List<DemoStep> create() {
        PaymentDemoSteps steps = new PaymentDemoSteps();
        return List.of(
                DemoStep.of("create a payment (XBezahldienste)", steps::createPayment),
                DemoStep.of("pay on the paypage over HTTP", steps::pay),
                DemoStep.of("await the final payment status", steps::awaitPaid));
    }

    private PaymentClient client(DemoContext context) {
        return PaymentClient.builder()
                .config(context.clientConfig(PaymentProviderSimulator.SERVICE_NAME))
                .context(ORIGINATOR, END_POINT)
                .build();
    }

    private String createPayment(DemoContext context) {
        PaymentRequest request = PaymentRequest.builder()
                .purpose("MELDEBESCHEINIGUNG")
                .description("Meldebescheinigung, einfache Ausfertigung")
                .redirectUrl(REDIRECT)
                .item(PaymentItem.builder()
                        .id("gebuehr-1")
                        .singleNetAmount(new BigDecimal("12.50"))
                        .taxRate(BigDecimal.ZERO)
                        .build())
                .build();
        try (PaymentClient client = client(context)) {
            transaction = client.create(request);
        }
        if (transaction.status() != PaymentStatus.INITIAL || transaction.paypageUrl().isEmpty()) {
            throw new IllegalStateException("expected a new transaction with a paypage, got " + transaction.status());
        }
        return "12.50 EUR, transaction " + transaction.transactionId() + " " + transaction.status()
                + ", paypage " + transaction.paypageUrl().get();
    }

    private String pay(DemoContext context) throws Exception {
        URI paypage = transaction().paypageUrl().orElseThrow();
        HttpResponse page = context.transport().execute(HttpRequest.builder("GET", paypage).build());
        if (page.status() != 200 || !page.bodyAsString().contains("value=\"pay\"")) {
            throw new IllegalStateException("expected the paypage with a Pay button, got HTTP " + page.status());
        }
        HttpResponse submitted = context.transport().execute(HttpRequest.builder("POST", paypage)
                .body("application/x-www-form-urlencoded", "action=pay")
                .build());
        String location = submitted.headers().first("Location").orElse("");
        if (submitted.status() != 303 || !location.startsWith(REDIRECT)) {
            throw new IllegalStateException("expected 303 back to " + REDIRECT + ", got HTTP " + submitted.status());
        }
        return "GET paypage -> 200, POST action=pay -> 303 to " + location;
    }

    private String awaitPaid(DemoContext context) throws Exception {
        PaymentTransaction done;
        try (PaymentClient client = client(context)) {
            done = client.awaitFinalStatus(transaction().transactionId(), Duration.ofSeconds(10));
        }
        if (done.status() != PaymentStatus.PAYED) {
            throw new IllegalStateException("expected PAYED, got " + done.status());
        }
        if (context.keeping()) {
            // the provider's own answer (XBezahldienste JSON), as a Fachverfahren would receive it
            HttpResponse answer = context.transport().execute(HttpRequest.builder("GET",
                    context.uri(PaymentProviderSimulator.SERVICE_NAME, "/paymenttransaction/" + ORIGINATOR + "/" + END_POINT
                            + "/" + done.transactionId())).header("Accept", "application/json").build());
            if (answer.status() != 200) {
                throw new IllegalStateException("GET the transaction answered HTTP " + answer.status());
            }
            context.keep("payment-transaction.json", answer.body());
        }
        return "transaction " + done.transactionId() + " " + done.status();
    }

    private PaymentTransaction transaction() {
        if (transaction == null) {
            throw new IllegalStateException("no payment was created; the create step failed or did not run");
        }
        return transaction;
    }
}
