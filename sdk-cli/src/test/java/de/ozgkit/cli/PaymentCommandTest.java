package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code ozgkit payment create|status} against a sandbox provider over HTTP, and against the embedded one. */
class PaymentCommandTest {

    static Map<String, String> lines(String out) {
        return out.lines().map(l -> l.split(" ", 2)).collect(Collectors.toMap(a -> a[0], a -> a.length > 1 ? a[1] : ""));
    }

    static int pay(String paypage) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(paypage).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = c.getOutputStream()) {
            out.write("action=pay&paymentMethod=PAYPAL".getBytes(StandardCharsets.UTF_8));
        }
        return c.getResponseCode();
    }

    @Test
    void create_thenStatus_againstARunningSandbox() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.create()).start()) {
            String base = sandbox.baseUri("payment").toString();
            Run created = Run.of("payment", "create", "--base", base, "--originator", "online-service-1",
                    "--endpoint", "09162000", "--amount", "12.50", "--purpose", "MELDEBESCHEINIGUNG");
            assertThat(created.code()).as(created.err()).isZero();
            Map<String, String> out = lines(created.out());
            assertThat(out.get("status")).isEqualTo("INITIAL");
            assertThat(out.get("transactionId")).isNotBlank();
            assertThat(out.get("paypage")).startsWith(base + "/paypage/");

            Run status = Run.of("payment", "status", "--base", base, "--originator", "online-service-1",
                    "--endpoint", "09162000", out.get("transactionId"));
            assertThat(status.code()).isZero();
            assertThat(status.out()).isEqualTo("status INITIAL\n");

            assertThat(pay(out.get("paypage"))).isEqualTo(303);
            Run paid = Run.of("payment", "status", "--base", base, "--originator", "online-service-1",
                    "--endpoint", "09162000", out.get("transactionId"));
            assertThat(paid.out()).isEqualTo("status PAYED\npaymentMethod PAYPAL\n");
        }
    }

    @Test
    void create_withoutBase_usesAnEmbeddedSandbox() {
        Run run = Run.of("payment", "create", "--amount", "7", "--purpose", "TEST");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(lines(run.out())).containsKeys("transactionId", "status", "paypage").containsEntry("status", "INITIAL");
        assertThat(run.err()).contains("embedded sandbox provider");
    }

    @Test
    void status_withoutBase_explainsThatAFreshSandboxHasNoTransactions() {
        Run run = Run.of("payment", "status", "TX123");
        assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(run.err()).contains("fresh embedded sandbox has no transactions").contains("--base");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void create_breakingAFieldLimit_isAUsageErrorNamingTheField() {
        Run run = Run.of("payment", "create", "--amount", "12.50", "--purpose", "A PURPOSE THAT IS FAR TOO LONG");
        assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(run.err()).contains("--purpose must be at most 27 characters, was 30 characters");
        Run epaybl = Run.of("payment", "create", "--amount", "1", "--purpose", "lower", "--profile", "epaybl");
        assertThat(epaybl.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(epaybl.err()).contains("--purpose must be in upper case for --profile epaybl");
    }

    @Test
    void create_refusedByTheProvider_isANegativeAnswer() {
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.builder()
                .knownPair("known", "00000000").build()).start()) {
            Run run = Run.of("payment", "create", "--base", sandbox.baseUri("payment").toString(),
                    "--originator", "unknown", "--amount", "1", "--purpose", "X");
            assertThat(run.code()).isEqualTo(ExitCode.NEGATIVE);
            assertThat(run.err()).contains("NO_VALID_ORIGINATOR_OR_ENDPOINT").doesNotContain("\n\n");
        }
    }

    @Test
    void create_withBasicAndOAuth2_authenticatesAsTheProviderWants() {
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.builder().basic("u", "p").build()).start()) {
            String base = sandbox.baseUri("payment").toString();
            assertThat(Run.of("payment", "create", "--base", base, "--amount", "1", "--purpose", "X").code())
                    .isEqualTo(ExitCode.NEGATIVE);
            Run ok = Run.of("payment", "create", "--base", base, "--auth", "basic", "--user", "u", "--password", "p",
                    "--amount", "1", "--purpose", "X");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.err()).doesNotContain("p\n");
        }
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.builder()
                .oauth2("cli", "cli-secret", java.time.Duration.ofMinutes(1)).build()).start()) {
            Run ok = Run.of("payment", "create", "--base", sandbox.baseUri("payment").toString(), "--auth", "oauth2",
                    "--client-id", "cli", "--client-secret", "cli-secret", "--amount", "1", "--purpose", "X");
            assertThat(ok.code()).as(ok.err()).isZero();
            Run missing = Run.of("payment", "create", "--base", sandbox.baseUri("payment").toString(), "--auth", "oauth2",
                    "--amount", "1", "--purpose", "X");
            assertThat(missing.code()).isEqualTo(ExitCode.USAGE_OR_IO);
            assertThat(missing.err()).contains("--auth oauth2 needs --client-id");
        }
    }

    @Test
    void help_listsThePaymentCommand() {
        Run run = Run.of("--help");
        assertThat(run.out()).contains("payment");
        assertThat(List.of(Run.of("payment", "create", "--help").out())).anySatisfy(
                h -> assertThat(h).contains("--amount").contains("--base").contains("--auth"));
    }
}
