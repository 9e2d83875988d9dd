package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.net.URI;
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
        assertThat(badKey.err()).isEqualTo("ozgkit directory route: --leika must have exactly 14 digits, had 3 characters"
                + " (a LeiKa key such as 99050012104000) (see 'ozgkit directory route --help')\n");
        Run badSize = Run.of("directory", "services", "--leika", "99050012104000", "--ars", "073150000000", "--size", "0");
        assertThat(badSize.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(badSize.err()).isEqualTo("ozgkit directory services: --size must be 1 to 100, was 0"
                + " (see 'ozgkit directory services --help')\n");
        Run badArs = Run.of("directory", "services", "--leika", "99050012104000", "--ars", "07315");
        assertThat(badArs.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(badArs.err()).startsWith("ozgkit directory services: --ars ").contains("073150000000").doesNotContain("Exception");
        Run longQuery = Run.of("directory", "locations", "x".repeat(101));
        assertThat(longQuery.err()).startsWith("ozgkit directory locations: QUERY must be 1 to 100 characters");
        Run longPlace = Run.of("directory", "route", "--leika", "99050012104000", "x".repeat(101));
        assertThat(longPlace.err()).startsWith("ozgkit directory route: PLACE must be 1 to 100 characters");
        Run notANumber = Run.of("directory", "services", "--leika", "99050012104000", "--ars", "073150000000", "--page", "x");
        assertThat(notANumber.err()).startsWith("ozgkit directory services: --page must be a whole number, was 'x'");
    }

    @Test
    void base_mustBeHttp_andAnUnreachableServiceIsOneLine() {
        Run ftp = Run.of("directory", "locations", "--base", "ftp://127.0.0.1/directory", "Mainz");
        assertThat(ftp.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(ftp.err()).isEqualTo("ozgkit directory locations: --base must be an absolute http or https URI such as"
                + " https://pvog.fitko.net/suchdienst/api or the 'directory' line of 'ozgkit sandbox', was"
                + " 'ftp://127.0.0.1/directory' (see 'ozgkit directory locations --help')\n");
        URI gone;
        try (Sandbox sandbox = Sandbox.builder().service(DirectorySimulator.create()).start()) {
            gone = sandbox.baseUri("directory");
        }
        Run refused = Run.of("directory", "locations", "--base", gone.toString(), "Mainz");
        assertThat(refused.code()).isEqualTo(ExitCode.USAGE_OR_IO);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("ozgkit directory locations: ").endsWith("\n");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(refused.err()).contains(gone.getHost() + ":" + gone.getPort()).doesNotContain("Exception");
    }

    @Test
    void errorAnswerOfTheService_isOneLineWithExitCodeOne() {
        try (Sandbox sandbox = Sandbox.builder().service(DirectorySimulator.create()).start()) {
            sandbox.faults().add(FaultRule.on("GET", "/directory/v3/locations").status(400));
            Run run = Run.of("directory", "locations", "--base", sandbox.baseUri("directory").toString(), "Mainz");
            assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.NEGATIVE);
            assertThat(run.err()).startsWith("ozgkit directory locations: the search service at "
                    + sandbox.baseUri("directory") + " answered with an error: ");
            assertThat(run.err().lines()).hasSize(1);
        }
    }

    @Test
    void embeddedSimulator_isNamedOnStandardError_andHelpFollowsTheCommandPath() {
        Run places = Run.of("directory", "locations", "Mainz");
        assertThat(places.err()).isEqualTo("ozgkit directory locations: answered by an embedded sandbox simulator (its"
                + " fixture of Rheinland-Pfalz, not the real search service); pass --base for another service\n");
        Run help = Run.of("help", "directory", "route");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: ozgkit directory route").contains("--leika");
        assertThat(Run.of("directory", "rout").err()).contains("unknown command 'rout'").contains("route");
    }

    @Test
    void clean_replacesControlCharactersOfDirectoryText() {
        assertThat(DirectoryCommand.clean("a\r\nb\u001b[31m\uD83D\uDE00")).isEqualTo("a\uFFFD\uFFFDb\uFFFD[31m\uD83D\uDE00");
    }
}
