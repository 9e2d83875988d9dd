package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ozgkit sandbox --payment-*}: the payment provider's variants, used by {@code ozgkit payment}. */
class SandboxPaymentOptionsTest {

    /** {@code ozgkit sandbox} on its own thread until interrupted. */
    static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final BufferedReader err;
        final StringBuilder errText = new StringBuilder();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) throws IOException {
            PipedWriter pipe = new PipedWriter();
            err = new BufferedReader(new PipedReader(pipe, 64 * 1024));
            PrintWriter o = new PrintWriter(out, true);
            PrintWriter e = new PrintWriter(pipe, true);
            thread = new Thread(() -> {
                code.set(OzgkitCommand.execute(o, e, args));
                e.close();
            }, "ozgkit-sandbox-payment");
            thread.start();
        }

        List<String> awaitServices() throws IOException {
            String line;
            while ((line = err.readLine()) != null) {
                errText.append(line).append('\n');
                if (line.contains("press Ctrl+C to stop")) {
                    return out.toString().lines().toList();
                }
            }
            throw new AssertionError("the sandbox did not start: " + errText + out);
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }

    static String paymentBase(List<String> services) {
        return services.stream().filter(l -> l.startsWith("payment ")).findFirst().orElseThrow().substring(8);
    }

    @Test
    void basicAndKnownPairs_areSelectedAndDescribedWithoutSecrets() throws Exception {
        try (Running r = new Running("sandbox", "--payment-auth", "basic", "--payment-user", "fv",
                "--payment-password", "pw-123", "--payment-known-pair", "online-service-1/09162000")) {
            List<String> services = r.awaitServices();
            String base = paymentBase(services);
            assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+/payment");
            assertThat(r.errText).contains("HTTP Basic, user fv").contains("online-service-1/09162000")
                    .doesNotContain("pw-123");
            Run ok = Run.of("payment", "create", "--base", base, "--auth", "basic", "--user", "fv", "--password", "pw-123",
                    "--originator", "online-service-1", "--endpoint", "09162000", "--amount", "3.20", "--purpose", "X");
            assertThat(ok.code()).as(ok.err()).isZero();
            Run unknownPair = Run.of("payment", "create", "--base", base, "--auth", "basic", "--user", "fv",
                    "--password", "pw-123", "--originator", "other", "--amount", "3.20", "--purpose", "X");
            assertThat(unknownPair.code()).isEqualTo(ExitCode.NEGATIVE);
            assertThat(unknownPair.err()).contains("NO_VALID_ORIGINATOR_OR_ENDPOINT");
        }
    }

    @Test
    void oauth2_isSelectedAndTheTokenEndpointNamed() throws Exception {
        try (Running r = new Running("sandbox", "--payment-auth", "oauth2", "--payment-client-id", "fv-client",
                "--payment-client-secret", "s3cret")) {
            String base = paymentBase(r.awaitServices());
            assertThat(r.errText).contains("client id fv-client").contains(base + "/oauth/token").doesNotContain("s3cret");
            Run ok = Run.of("payment", "create", "--base", base, "--auth", "oauth2", "--client-id", "fv-client",
                    "--client-secret", "s3cret", "--amount", "1", "--purpose", "X");
            assertThat(ok.code()).as(ok.err()).isZero();
        }
    }

    @Test
    void mutualTls_writesAClientCertificateThatThePaymentCommandUses(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        Path p12 = dir.resolve("client.p12");
        try (Running r = new Running("sandbox", "--tls", "--ca-cert", ca.toString(), "--payment-auth", "mtls",
                "--payment-client-p12", p12.toString(), "--payment-client-p12-password", "p12pw")) {
            String base = paymentBase(r.awaitServices());
            assertThat(base).startsWith("https://");
            assertThat(Files.size(p12)).isPositive();
            assertThat(r.errText).contains(p12.toAbsolutePath().toString()).doesNotContain("p12pw");
            Run ok = Run.of("payment", "create", "--base", base, "--auth", "mtls", "--p12", p12.toString(),
                    "--p12-password", "p12pw", "--ca-cert", ca.toString(), "--amount", "1", "--purpose", "X");
            assertThat(ok.code()).as(ok.err()).isZero();
            Run noCert = Run.of("payment", "create", "--base", base, "--ca-cert", ca.toString(), "--amount", "1",
                    "--purpose", "X");
            assertThat(noCert.code()).isNotZero();
            Run wrongPassword = Run.of("payment", "create", "--base", base, "--auth", "mtls", "--p12", p12.toString(),
                    "--p12-password", "wrong", "--ca-cert", ca.toString(), "--amount", "1", "--purpose", "X");
            assertThat(wrongPassword.code()).isEqualTo(ExitCode.USAGE_OR_IO);
            assertThat(wrongPassword.err()).contains("--p12").doesNotContain("wrong\n").doesNotContain("p12pw");
        }
    }

    @Test
    void mutualTlsWithoutTls_isAUsageError() {
        Run run = Run.of("sandbox", "--payment-auth", "mtls");
        assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(run.err()).contains("--payment-auth mtls needs --tls");
        assertThat(Run.of("sandbox", "--payment-known-pair", "nonsense").err()).contains("ORIGINATOR/ENDPOINT");
    }
}
