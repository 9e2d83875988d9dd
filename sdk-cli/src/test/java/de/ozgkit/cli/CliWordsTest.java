package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import de.ozgkit.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line speaks in its own words: options, arguments and commands, never Java types,
 * exception names or the field paths of the SDK's request objects. Each case runs the real command
 * in-process (with real sandboxes where a provider answers) and checks the exact line on stderr.
 */
class CliWordsTest {

    /** What must never reach a user of the command line (the {@code einvoice} commands aside). */
    private static final Pattern JAVA_WORDS = Pattern.compile("\\b(java|javax|sun|jdk)\\.[a-z]|Exception\\b|BigDecimal"
            + "|\\bnot an? (int|long)\\b|items\\[]|totalNetAmount|grosAmount|originatorId|endPointId|redirectUrl"
            + "|requestId|toUpperCase|Locale|index \\d");

    @TempDir
    Path dir;

    private static void assertNoJavaWords(Run run) {
        assertThat(JAVA_WORDS.matcher(run.err()).find()).as("Java words in: %s", run.err()).isFalse();
        assertThat(run.err().lines()).as(run.err()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void amountThatIsNoNumber_saysWhatANumberLooksLike() {
        for (String amount : List.of("abc", "12,50", "1e3", "")) {
            Run run = Run.of("payment", "create", "--amount", amount, "--purpose", "X");
            assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
            assertThat(run.err()).isEqualTo("ozgkit payment create: --amount must be a decimal number such as 12.50, was '"
                    + amount + "' (see 'ozgkit payment create --help')\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void amountBreakingARuleOfTheStandard_namesTheOptionNotTheField() {
        Map<String, String> expected = Map.of(
                "12.505", "--amount must have at most 2 decimal places (euro cents), was 12.505",
                "0", "--amount must be greater than 0, was 0.00",
                "-1", "--amount must not be negative, was -1",
                "1000000", "--amount must be at most 999999, was 1000000");
        expected.forEach((amount, reason) -> {
            Run run = Run.of("payment", "create", "--amount", amount, "--purpose", "X");
            assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
            assertThat(run.err()).isEqualTo("ozgkit payment create: " + reason + " (see 'ozgkit payment create --help')\n");
        });
    }

    @Test
    void otherFieldsOfTheRequest_areNamedByTheirOptions() {
        assertThat(Run.of("payment", "create", "--amount", "1", "--purpose", "A*B").err())
                .startsWith("ozgkit payment create: --purpose must match ").endsWith(", was a text with '*' (U+002A) at position 2"
                        + " (see 'ozgkit payment create --help')\n");
        assertThat(Run.of("payment", "create", "--amount", "1", "--purpose", "X", "--redirect-url", "foo").err())
                .isEqualTo("ozgkit payment create: --redirect-url must be an absolute http or https URL, was a URL with"
                        + " scheme \"\" and no host (see 'ozgkit payment create --help')\n");
        assertThat(Run.of("payment", "create", "--amount", "1", "--purpose", "X", "--request-id", "a b").err())
                .startsWith("ozgkit payment create: --request-id must match ");
        assertThat(Run.of("payment", "create", "--amount", "1", "--purpose", "X", "--description", "x*y").err())
                .startsWith("ozgkit payment create: --description must match ");
        assertThat(Run.of("payment", "create", "--amount", "1", "--purpose", "X", "--endpoint", "a b").err())
                .startsWith("ozgkit payment create: --endpoint must match ");
        assertThat(Run.of("payment", "status", "--base", "http://127.0.0.1:9/payment", "a\tb").err())
                .isEqualTo("ozgkit payment status: TRANSACTION_ID must not contain control characters, was a text with"
                        + " control character U+0009 at position 2 (see 'ozgkit payment status --help')\n");
    }

    @Test
    void lowerCasePurposeForEpaybl_suggestsTheOptionInUpperCase() {
        Run run = Run.of("payment", "create", "--amount", "1", "--purpose", "Gebuehr Meldeamt", "--profile", "epaybl");
        assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(run.err()).isEqualTo("ozgkit payment create: --purpose must be in upper case for --profile epaybl,"
                + " e.g. --purpose \"GEBUEHR MELDEAMT\" (see 'ozgkit payment create --help')\n");
        assertThat(Run.of("payment", "create", "--amount", "1", "--purpose", "X", "--profile", "nope").err())
                .isEqualTo("ozgkit payment create: --profile must be standard, epaybl or pmpayment, was nope"
                        + " (see 'ozgkit payment create --help')\n");
    }

    @Test
    void statusHelp_promisesNoEmbeddedSandbox() {
        String help = Run.of("payment", "status", "--help").out();
        assertThat(help).doesNotContain("embedded sandbox provider is used").contains("Needs --base");
        assertThat(Run.of("payment", "create", "--help").out()).contains("Without --base, an embedded sandbox provider is");
    }

    @Test
    void statusOfAnUnknownTransaction_namesOriginatorEndpointAndBase() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.create()).start()) {
            String base = sandbox.baseUri("payment").toString();
            Run created = Run.of("payment", "create", "--base", base, "--originator", "svc", "--amount", "1", "--purpose", "X");
            String tx = PaymentCommandTest.lines(created.out()).get("transactionId");

            Run run = Run.of("payment", "status", "--base", base, "--originator", "other", tx);

            assertThat(run.code()).isEqualTo(ExitCode.NEGATIVE);
            assertThat(run.err()).matches("ozgkit payment status: the provider at " + Pattern.quote(base)
                    + " knows no transaction " + tx + " for --originator other and --endpoint 00000000 \\(HTTP 404,"
                    + " request id [-0-9a-f]+\\); a transaction is found only with the --originator and --endpoint it was"
                    + " created with, at the --base it was created at\n");
            assertThat(Run.of("payment", "status", "--base", base, "--originator", "svc", tx).out()).isEqualTo("status INITIAL\n");
        }
    }

    @Test
    void untrustedSandboxCertificate_suggestsCaCert() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.create()).tls(true).start()) {
            String base = sandbox.baseUri("payment").toString();
            String where = "127.0.0.1:" + sandbox.baseUri("payment").getPort();

            Run run = Run.of("payment", "create", "--base", base, "--amount", "1", "--purpose", "X");
            assertThat(run.code()).isEqualTo(ExitCode.USAGE_OR_IO);
            assertThat(run.err()).isEqualTo("ozgkit payment create: the TLS handshake with " + where + " failed: the"
                    + " provider's certificate is not trusted (unable to find valid certification path to requested target);"
                    + " for a sandbox started with 'ozgkit sandbox --tls', pass the CA certificate it wrote with --ca-cert FILE\n");
            Run status = Run.of("payment", "status", "--base", base, "TX1");
            assertThat(status.err()).startsWith("ozgkit payment status: the TLS handshake with " + where).contains("--ca-cert FILE");

            Path otherCa = Files.writeString(dir.resolve("other-ca.pem"), pem(TestPki.create().rootCertificate().getEncoded()));
            Run wrongCa = Run.of("payment", "create", "--base", base, "--ca-cert", otherCa.toString(), "--amount", "1", "--purpose", "X");
            assertThat(wrongCa.err()).startsWith("ozgkit payment create: the TLS handshake with " + where + " failed: the"
                    + " provider's certificate is not trusted (").endsWith("); --ca-cert " + otherCa + " does not hold the CA"
                    + " that issued it\n");

            Path rightCa = Files.writeString(dir.resolve("ca.pem"), sandbox.tls().orElseThrow().caCertificatePem());
            Run ok = Run.of("payment", "create", "--base", base, "--ca-cert", rightCa.toString(), "--amount", "1", "--purpose", "X");
            assertThat(ok.code()).as(ok.err()).isZero();
            for (Run r : List.of(run, status, wrongCa)) {
                assertNoJavaWords(r);
            }
        }
    }

    @Test
    void leitwegIdHelp_listsWholeSentences() {
        String help = Run.of("leitweg-id", "--help").out();
        assertThat(help).contains("  complete  Append the check digits to a coarse part or a coarse-fine pair.\n")
                .contains("  check     Check Leitweg-IDs: format and MOD 97-10 check digits.\n");
    }

    @Test
    void helpWithAPath_printsTheHelpOfTheLastCommand() {
        Run help = Run.of("help", "leitweg-id", "check");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("Usage: ozgkit leitweg-id check ").isEqualTo(Run.of("leitweg-id", "check", "--help").out());
        assertThat(Run.of("help", "payment", "status").out()).isEqualTo(Run.of("payment", "status", "--help").out());
        assertThat(Run.of("help").out()).isEqualTo(Run.of("--help").out());

        Run unknown = Run.of("help", "leitweg-id", "frobnicate");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(unknown.err()).isEqualTo("ozgkit help: 'ozgkit leitweg-id' has no command 'frobnicate'; its commands are"
                + " check, complete (see 'ozgkit help --help')\n");
    }

    @Test
    void unknownCommandOrArgument_saysSoInWords() {
        Run command = Run.of("paymnt");
        assertThat(command.err()).startsWith("ozgkit: unknown command 'paymnt'; the commands are leitweg-id, payment, ")
                .contains("; did you mean payment").endsWith(" (see 'ozgkit --help')\n");
        Run argument = Run.of("demo", "extra");
        assertThat(argument.err()).isEqualTo("ozgkit demo: unexpected argument 'extra' (see 'ozgkit demo --help')\n");
    }

    @Test
    void valuesOfOtherTypes_areDescribedInWords() throws Exception {
        assertThat(Run.of("sandbox", "--payment-token-lifetime", "abc").err()).isEqualTo("ozgkit sandbox:"
                + " --payment-token-lifetime must be a whole number, was 'abc' (see 'ozgkit sandbox --help')\n");
        assertThat(Run.of("sandbox", "--port", "99999999999").err()).isEqualTo("ozgkit sandbox: --port must be a whole"
                + " number from -2147483648 to 2147483647, was '99999999999' (see 'ozgkit sandbox --help')\n");
        assertThat(Run.of("payment", "create", "--base", "::bad", "--amount", "1", "--purpose", "X").err())
                .isEqualTo("ozgkit payment create: --base must be a URI such as https://provider.example/api (expected"
                        + " scheme name at character 1), was '::bad' (see 'ozgkit payment create --help')\n");
        assertThat(Run.of("payment", "create", "--base", "foo", "--amount", "1", "--purpose", "X").err())
                .isEqualTo("ozgkit payment create: --base must be an absolute http or https URI such as"
                        + " http://127.0.0.1:8080/payment (the 'payment' line of 'ozgkit sandbox'), was 'foo'"
                        + " (see 'ozgkit payment create --help')\n");
        Path missing = dir.resolve("missing.pem");
        assertThat(Run.of("payment", "create", "--base", "https://127.0.0.1:9/payment", "--ca-cert", missing.toString(),
                "--amount", "1", "--purpose", "X").err()).isEqualTo("ozgkit payment create: --ca-cert " + missing
                + " cannot be read: no such file or directory (" + missing + ") (see 'ozgkit payment create --help')\n");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(Run.of("payment", "create", "--base", "https://127.0.0.1:9/payment", "--ca-cert", garbage.toString(),
                "--amount", "1", "--purpose", "X").err()).isEqualTo("ozgkit payment create: --ca-cert " + garbage
                + " holds no readable certificate; it must hold PEM certificates (-----BEGIN CERTIFICATE-----), e.g. the"
                + " file 'ozgkit sandbox --tls' writes (see 'ozgkit payment create --help')\n");
    }

    /** Every usage and failure path of the commands other than {@code einvoice}, checked for Java words. */
    @Test
    void noCommandOutsideEinvoice_speaksJava() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        List<String[]> cases = List.of(
                new String[] {"payment", "create", "--amount", "abc", "--purpose", "X"},
                new String[] {"payment", "create", "--amount", "1.001", "--purpose", "X"},
                new String[] {"payment", "create", "--amount", "1", "--purpose", "lower", "--profile", "epaybl"},
                new String[] {"payment", "create", "--amount", "1", "--purpose", "X".repeat(28)},
                new String[] {"payment", "create", "--amount", "1", "--purpose", "X", "--originator", "a/b"},
                new String[] {"payment", "create", "--amount", "1", "--purpose", "X", "--auth", "mtls", "--base",
                        "https://127.0.0.1:9/p", "--p12", dir.resolve("none.p12").toString(), "--p12-password", "x"},
                new String[] {"payment", "create", "--amount", "1", "--purpose", "X", "--base", "http://127.0.0.1:9/p",
                        "--auth", "nope"},
                new String[] {"payment", "create", "--amount", "1", "--purpose", "X", "--wait", "--base", "http://127.0.0.1:9/p"},
                new String[] {"payment", "status", "TX1"},
                new String[] {"payment", "status", "--base", "::", "TX1"},
                new String[] {"sandbox", "--port", "-1"},
                new String[] {"sandbox", "--port", "x"},
                new String[] {"sandbox", "--ca-cert", file.toString()},
                new String[] {"sandbox", "--payment-auth", "mtls"},
                new String[] {"sandbox", "--payment-timeout", "0"},
                new String[] {"sandbox", "--payment-known-pair", "a"},
                new String[] {"demo", "--out", file.toString()},
                new String[] {"leitweg-id", "check"},
                new String[] {"leitweg-id", "complete", "x y"},
                new String[] {"help", "nope"},
                new String[] {"nope"});
        for (String[] args : cases) {
            Run run = Run.of(args);
            assertThat(run.code()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err()).as(String.join(" ", args)).isNotEmpty();
            assertNoJavaWords(run);
        }
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
