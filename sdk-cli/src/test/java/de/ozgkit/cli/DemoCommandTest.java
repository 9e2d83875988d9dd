package de.ozgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ozgkit demo}: every step against a real embedded sandbox, exact output shape and exit codes. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demo_runsAllStepsAndPasses() {
        int steps = DemoSteps.create().size();
        Run run = Run.of("demo");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(steps + 2);
        assertThat(lines.get(0)).isEqualTo("ozgkit demo: " + steps + " steps against an embedded sandbox");
        assertThat(lines.get(1)).matches("\\[1/" + steps + "] start the sandbox: ok, \\d+ endpoint\\(s\\) at http://127\\.0\\.0\\.1:\\d+");
        assertThat(lines.get(2)).matches("\\[2/" + steps + "] check the sandbox health over HTTP: ok, "
                + "GET http://127\\.0\\.0\\.1:\\d+/health -> 200 UP");
        assertThat(lines.get(3)).isEqualTo("[3/" + steps + "] check Leitweg-IDs: ok, 991-33333TEST-33, 04011000-1234512345-06 valid; "
                + "991-33333TEST-34 rejected (check digits must be 33, were 34)");
        assertThat(lines.get(4)).isEqualTo("[4/" + steps + "] complete a Leitweg-ID with its check digits: ok, "
                + "991-33333TEST -> 991-33333TEST-33");
        assertThat(lines.get(5)).matches("\\[5/" + steps + "] create a payment \\(XBezahldienste\\): ok, 12\\.50 EUR, "
                + "transaction (\\S+) INITIAL, paypage http://127\\.0\\.0\\.1:\\d+/payment/paypage/\\S+");
        assertThat(lines.get(6)).matches("\\[6/" + steps + "] pay on the paypage over HTTP: ok, GET paypage -> 200, "
                + "POST action=pay -> 303 to https://fachverfahren\\.example/antrag/4711/zurueck.*");
        assertThat(lines.get(7)).matches("\\[7/" + steps + "] await the final payment status: ok, transaction \\S+ PAYED");
        // the e-invoice steps, wherever other services' steps put them
        assertThat(outcome(lines, "build an XRechnung invoice with the model builder"))
                .isEqualTo("RE-2024-0001, 2 lines; derived: net 978.80 EUR + VAT 183.12 (2 rates) = 1161.92 EUR");
        assertThat(outcome(lines, "write it as XRechnung CII and UBL"))
                .matches("CII \\d+ bytes, UBL \\d+ bytes; both read back to the same model");
        assertThat(outcome(lines, "validate both against the official rule sets"))
                .startsWith("CII valid, UBL valid (XML Schema, EN 16931 and XRechnung 3.0 STANDARD rules; 0 errors");
        assertThat(outcome(lines, "convert UBL to CII through the model")).isEqualTo("UBL -> CII gives the same "
                + EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII).length + " bytes as writing CII from the model");
        assertThat(outcome(lines, "deliver it by e-mail to the sandbox invoice portal"))
                .matches("RE-2024-0001\\.xml mailed to smtp://127\\.0\\.0\\.1:\\d+ \\(STARTTLS, AUTH\\); portal receipt #1 ACCEPTED");
        for (String line : lines.subList(1, steps + 1)) {
            assertThat(line).contains(": ok, ");
        }
        assertThat(lines.get(steps + 1)).isEqualTo("demo passed: " + steps + " of " + steps + " steps passed");
    }

    @Test
    void demo_withTlsAndOut_reachesTheSandboxOverHttpsAndKeepsWhatItProduced() throws Exception {
        Path out = dir.resolve("made/by/the/demo");
        Run run = Run.of("demo", "--tls", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("(HTTPS)").contains("at https://127.0.0.1:").contains("GET https://127.0.0.1:")
                .contains("portal receipt #1 ACCEPTED");

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("kept in " + out + ": payment-transaction.json, rechnung-cii.xml,"
                + " rechnung-ubl.xml, validation-report.txt, portal-receipt.json");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("payment-transaction.json",
                    "rechnung-cii.xml", "rechnung-ubl.xml", "validation-report.txt", "portal-receipt.json");
        }
        assertThat(Files.readAllBytes(out.resolve("rechnung-cii.xml")))
                .isEqualTo(EInvoices.write(SampleInvoice.create(), InvoiceSyntax.CII));
        assertThat(Files.readAllBytes(out.resolve("rechnung-ubl.xml")))
                .isEqualTo(EInvoices.write(SampleInvoice.create(), InvoiceSyntax.UBL));
        List<String> report = Files.readAllLines(out.resolve("validation-report.txt"));
        assertThat(report).contains("rechnung-cii.xml: valid", "rechnung-ubl.xml: valid");
        assertThat(report).filteredOn(l -> l.startsWith("  ")).allMatch(l -> l.matches("  (WARNING|INFO) \\S+ \\S+: .+"));

        ObjectMapper json = new ObjectMapper();
        String transactionId = lines.stream().filter(l -> l.contains("] await the final payment status: ok, transaction "))
                .findFirst().orElseThrow().replaceAll(".* transaction (\\S+) PAYED$", "$1");
        JsonNode transaction = json.readTree(out.resolve("payment-transaction.json").toFile());
        assertThat(transaction.path("paymentInformation").path("transactionId").asText()).isEqualTo(transactionId);
        assertThat(transaction.path("paymentInformation").path("status").asText()).isEqualTo("PAYED");
        assertThat(transaction.path("paymentRequest").path("purpose").asText()).isEqualTo("MELDEBESCHEINIGUNG");
        JsonNode receipt = json.readTree(out.resolve("portal-receipt.json").toFile());
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void demo_withOutNamingAFile_isAUsageErrorBeforeAnyStep() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Run run = Run.of("demo", "--out", file.toString());
        assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ozgkit demo: --out " + file + " is a file; give a folder (see 'ozgkit demo --help')\n");
        assertThat(Files.readString(file)).isEqualTo("not a folder");
    }

    @Test
    void demo_failingStep_skipsTheRestAndExits1() {
        StringWriter out = new StringWriter();
        DemoCommand demo = OzgkitCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .getSubcommands().get("demo").getCommand();
        List<DemoStep> steps = List.of(
                DemoStep.of("start the sandbox", context -> {
                    context.startSandbox();
                    return "started";
                }),
                DemoStep.of("reach a service the sandbox does not have", context -> context.uri("no-such-service", "").toString()),
                DemoStep.of("never runs", context -> {
                    throw new AssertionError("a step after a failure must not run");
                }));

        int code = demo.run(steps);

        assertThat(code).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).containsExactly(
                "ozgkit demo: 3 steps against an embedded sandbox",
                "[1/3] start the sandbox: ok, started",
                "[2/3] reach a service the sandbox does not have: FAILED, the sandbox has no service \"no-such-service\"; "
                        + "it has " + String.join(", ", sandboxServiceNames()),
                "[3/3] never runs: skipped",
                "demo failed: 1 of 3 steps passed, 1 failed, 1 skipped");
    }

    /** What a passed step printed after "ok, ". */
    private static String outcome(List<String> lines, String title) {
        String marker = "] " + title + ": ok, ";
        return lines.stream().filter(l -> l.contains(marker)).findFirst()
                .map(l -> l.substring(l.indexOf(marker) + marker.length()))
                .orElseThrow(() -> new AssertionError("no passed step '" + title + "' in " + lines));
    }

    private static List<String> sandboxServiceNames() {
        try (de.ozgkit.sandbox.Sandbox sandbox = de.ozgkit.sandbox.Sandbox.start()) {
            return List.copyOf(sandbox.services().keySet());
        }
    }
}
