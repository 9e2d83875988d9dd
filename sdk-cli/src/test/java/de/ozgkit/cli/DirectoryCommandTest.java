package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import org.junit.jupiter.api.Test;

/** {@code ozgkit directory locations|services|route} against a running sandbox and the embedded one. */
class DirectoryCommandTest {

    @Test
    void route_againstARunningSandbox_printsUnitOnlineServicesPaymentAndFitConnect() {
        try (Sandbox sandbox = Sandbox.builder().service(DirectorySimulator.create()).start()) {
            String base = sandbox.baseUri("directory").toString();
            Run run = Run.of("directory", "route", "--base", base, "--client-id", "cli-test", "--leika", "99050012104000",
                    "Mainz");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("service RP.LB.3002 Gewerbeanmeldung in Mainz\nars 073150000000\n"
                    + "unit RP.OE.1001 Stadtverwaltung Mainz – Gewerbeamt (role 01)\n"
                    + "  online RP.OD.2001 https://gewerbe.mainz.example/anmeldung\n");
            assertThat(run.out()).contains("  payment " + sandbox.rootUri().toString().replaceAll("/$", "")
                    + "/payment originatorId=gewerbe-mainz endPointId=07315000\n");
            assertThat(run.out()).endsWith("  fit-connect 6c1f4f2e-3f0a-4b8e-9d55-0a7e2b1c9d01\n");
        }
    }

    @Test
    void locationsAndServices_withTheEmbeddedSimulator() {
        Run places = Run.of("directory", "locations", "54292");
        assertThat(places.code()).isZero();
        assertThat(places.out()).isEqualTo("072110000000 07211000 Trier 54292\n");
        Run services = Run.of("directory", "services", "--leika", "99050012104000", "--ars", "073150000000", "--size", "1");
        assertThat(services.code()).isZero();
        assertThat(services.out().lines()).hasSize(1);
        assertThat(services.err()).contains("page 0 of 2, 2 in all");
        Run byArs = Run.of("directory", "route", "--leika", "99102013104000", "072110000000");
        assertThat(byArs.out()).contains("unit RP.OE.1005");
    }

    @Test
    void noHitAndBadInput_exitWithOneAndTwo() {
        Run none = Run.of("directory", "locations", "Atlantis");
        assertThat(none.code()).isEqualTo(ExitCode.NEGATIVE);
        assertThat(none.err()).isEqualTo("ozgkit directory locations: no place matches \"Atlantis\"\n");
        Run badKey = Run.of("directory", "route", "--leika", "123", "Mainz");
        assertThat(badKey.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(badKey.err()).contains("LeiKa key must have exactly 14 digits");
        Run badSize = Run.of("directory", "services", "--leika", "99050012104000", "--ars", "073150000000", "--size", "0");
        assertThat(badSize.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(badSize.err()).contains("size must be 1 to 100");
    }

    @Test
    void clean_replacesControlCharactersOfDirectoryText() {
        assertThat(DirectoryCommand.clean("a\r\nb\u001b[31m\uD83D\uDE00")).isEqualTo("a\uFFFD\uFFFDb\uFFFD[31m\uD83D\uDE00");
    }
}
