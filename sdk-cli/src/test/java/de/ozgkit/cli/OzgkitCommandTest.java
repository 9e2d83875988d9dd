package de.ozgkit.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The root command: version, help and usage errors, run in-process with captured output. */
class OzgkitCommandTest {

    /** Output and exit code of one in-process run. */
    record Run(int code, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = OzgkitCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
        }
    }

    @Test
    void version_printsOneLineWithTheProjectVersion() {
        String expected = System.getProperty("ozgkit.expected.version");
        Run run = Run.of("--version");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("ozgkit " + expected + " (Java " + Runtime.version() + ")\n");
        assertThat(run.err()).isEmpty();
        assertThat(expected).isNotBlank().doesNotContain("${");
    }

    @Test
    void help_listsTheCommandsAndExitCodes() {
        Run run = Run.of("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("leitweg-id", "sandbox", "demo", "Exit codes:", "usage or I/O error");
        assertThat(Run.of("help", "leitweg-id").out()).contains("check", "complete");
    }

    @Test
    void missingCommand_isAUsageErrorWithOneLineOnStderr() {
        Run run = Run.of();
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ozgkit: Missing required subcommand (see 'ozgkit --help')\n");
    }

    @Test
    void unknownOptionOrCommand_isAUsageErrorWithOneLineOnStderr() {
        Run option = Run.of("--frobnicate");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).isEqualTo("ozgkit: Unknown option: '--frobnicate' (see 'ozgkit --help')\n");

        Run command = Run.of("frobnicate");
        assertThat(command.code()).isEqualTo(2);
        assertThat(command.err()).startsWith("ozgkit: unknown command 'frobnicate'; the commands are leitweg-id, payment")
                .endsWith("(see 'ozgkit --help')\n");
        assertThat(command.err().lines()).hasSize(1);

        Run sub = Run.of("leitweg-id", "check", "--bogus", "991-33333TEST-33");
        assertThat(sub.code()).isEqualTo(2);
        assertThat(sub.err()).isEqualTo("ozgkit leitweg-id check: Unknown option: '--bogus' "
                + "(see 'ozgkit leitweg-id check --help')\n");
    }

    @Test
    void oneLine_joinsLinesAndLimitsLength() {
        assertThat(OzgkitCommand.oneLine(" a\nb\r\n c ")).isEqualTo("a; b; c");
        assertThat(OzgkitCommand.oneLine("x".repeat(600))).hasSize(503);
        assertThat(OzgkitCommand.describe(new java.io.UncheckedIOException(new java.io.IOException("disk full"))))
                .isEqualTo("I/O error: disk full");
        assertThat(OzgkitCommand.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
