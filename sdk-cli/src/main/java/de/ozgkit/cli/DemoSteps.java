package de.ozgkit.cli;

import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.id.LeitwegId;
import de.ozgkit.sandbox.Sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps of {@code ozgkit demo} in order. Each service adds its steps to {@link #create()}.
 */
public final class DemoSteps {

    private DemoSteps() {
    }

    /** @return the steps, starting with the sandbox start */
    public static List<DemoStep> create() {
        List<DemoStep> steps = new ArrayList<>();
        steps.add(DemoStep.of("start the sandbox", DemoSteps::startSandbox));
        steps.add(DemoStep.of("check the sandbox health over HTTP", DemoSteps::health));
        steps.add(DemoStep.of("check Leitweg-IDs", DemoSteps::checkLeitwegIds));
        steps.add(DemoStep.of("complete a Leitweg-ID with its check digits", DemoSteps::completeLeitwegId));
        // service steps follow here, in the order of the typical integration
        steps.addAll(PaymentDemoSteps.create());
        EInvoiceDemo einvoice = new EInvoiceDemo();
        steps.add(DemoStep.of("build an XRechnung invoice with the model builder", einvoice::build));
        steps.add(DemoStep.of("write it as XRechnung CII and UBL", einvoice::write));
        steps.add(DemoStep.of("validate both against the official rule sets", einvoice::validate));
        steps.add(DemoStep.of("convert UBL to CII through the model", einvoice::convert));
        steps.add(DemoStep.of("deliver it by e-mail to the sandbox invoice portal", einvoice::deliver));
        return steps;
    }

    private static String startSandbox(DemoContext context) {
        Sandbox sandbox = context.startSandbox();
        return sandbox.services().size() + " endpoint(s) at " + sandbox.rootUri();
    }

    private static String health(DemoContext context) throws Exception {
        HttpRequest request = HttpRequest.builder("GET", context.uri("health", "")).header("Accept", "application/json").build();
        HttpResponse response = context.transport().execute(request);
        String body = response.bodyAsString();
        if (response.status() != 200 || !body.contains("\"status\":\"UP\"")) {
            throw new IllegalStateException("expected 200 with status UP, got " + response.status());
        }
        return "GET " + request.uri() + " -> 200 UP";
    }

    private static String checkLeitwegIds(DemoContext context) {
        List<String> valid = List.of("991-33333TEST-33", "04011000-1234512345-06");
        String wrongCheckDigits = "991-33333TEST-34";
        for (String id : valid) {
            Optional<String> problem = LeitwegId.check(id);
            if (problem.isPresent()) {
                throw new IllegalStateException(id + " should be valid but was rejected: " + problem.get());
            }
        }
        String reason = LeitwegId.check(wrongCheckDigits)
                .orElseThrow(() -> new IllegalStateException(wrongCheckDigits + " should be rejected but was accepted"));
        return String.join(", ", valid) + " valid; " + wrongCheckDigits + " rejected (" + reason + ")";
    }

    private static String completeLeitwegId(DemoContext context) {
        String coarseFine = "991-33333TEST";
        String completed = LeitwegId.complete(coarseFine).toString();
        if (!completed.equals("991-33333TEST-33")) {
            throw new IllegalStateException("expected 991-33333TEST-33, got " + completed);
        }
        return coarseFine + " -> " + completed;
    }
}
