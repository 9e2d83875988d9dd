package de.ozgkit.cli;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ozgkit leitweg-id check|complete}: exact output and exit codes. */
class LeitwegIdCommandTest {

    @Test
    void check_allValid_printsValidAndExits0() {
        Run run = Run.of("leitweg-id", "check", "991-33333TEST-33", "04011000-1234512345-06");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("991-33333TEST-33: valid\n04011000-1234512345-06: valid\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void check_someInvalid_printsReasonsAndExits1() {
        Run run = Run.of("leitweg-id", "check", "991-33333TEST-33", "991-33333TEST-34", "", "991--33", "99-1-2-3");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEqualTo(""
                + "991-33333TEST-33: valid\n"
                + "991-33333TEST-34: invalid (check digits must be 33, were 34)\n"
                + ": invalid (must not be empty)\n"
                + "991--33: invalid (fine part must not be empty; leave out the fine part and its '-' instead)\n"
                + "99-1-2-3: invalid (must have the form coarse-check or coarse-fine-check (2 or 3 parts separated by '-'), had 4 parts)\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void check_lowerCase_isInvalidWithAHint() {
        Run run = Run.of("leitweg-id", "check", "991-33333test-33");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).startsWith("991-33333test-33: invalid (fine part must use upper-case letters only")
                .endsWith("(write \"33333TEST\"))\n");
    }

    @Test
    void check_withoutIds_isAUsageError() {
        Run run = Run.of("leitweg-id", "check");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ozgkit leitweg-id check: Missing required parameter: 'ID' "
                + "(see 'ozgkit leitweg-id check --help')\n");
    }

    @Test
    void leitwegIdWithoutSubcommand_isAUsageError() {
        Run run = Run.of("leitweg-id");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ozgkit leitweg-id: Missing required subcommand (see 'ozgkit leitweg-id --help')\n");
    }

    @Test
    void complete_printsTheFullIds() {
        Run run = Run.of("leitweg-id", "complete", "991-33333TEST", "04011000-1234512345");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("991-33333TEST-33\n04011000-1234512345-06\n");
        assertThat(run.err()).isEmpty();

        // the completed id passes the check
        String coarseOnly = Run.of("leitweg-id", "complete", "05315000").out().strip();
        assertThat(coarseOnly).startsWith("05315000-").hasSize(11);
        assertThat(Run.of("leitweg-id", "check", coarseOnly).out()).isEqualTo(coarseOnly + ": valid\n");
    }

    @Test
    void complete_malformedPart_exits1WithTheReasonOnStderr() {
        Run run = Run.of("leitweg-id", "complete", "991-33333TEST", "9", "991-A-B");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("991-33333TEST-33\n");
        assertThat(run.err()).isEqualTo(""
                + "ozgkit leitweg-id complete: cannot complete \"9\": coarse part must have 2 to 12 characters, had 1\n"
                + "ozgkit leitweg-id complete: cannot complete \"991-A-B\": "
                + "to complete, give COARSE or COARSE-FINE (at most 2 parts), had 3 parts\n");
    }
}
