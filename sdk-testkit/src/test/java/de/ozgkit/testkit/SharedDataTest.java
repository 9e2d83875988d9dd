package de.ozgkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.ozgkit.testkit.internal.SharedDataSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * {@link SharedData}: a present part is returned, an absent one skips the test and is recorded
 * for the build's summary line outside CI, and fails the test without a record under CI.
 */
class SharedDataTest {

    @TempDir
    Path dir;

    private String sharedBefore;
    private String recordBefore;
    private Path shared;
    private Path record;

    @BeforeEach
    void pointAtATemporarySharedFolder() throws IOException {
        sharedBefore = System.getProperty(SharedData.PROPERTY);
        recordBefore = System.getProperty(SharedData.SKIP_RECORD_PROPERTY);
        shared = Files.createDirectories(dir.resolve("shared"));
        Files.createDirectories(shared.resolve("conformance/suite"));
        record = dir.resolve("target/shared-data-skips.tsv");
        System.setProperty(SharedData.PROPERTY, shared.toString());
        System.setProperty(SharedData.SKIP_RECORD_PROPERTY, record.toString());
    }

    @AfterEach
    void restore() {
        restore(SharedData.PROPERTY, sharedBefore);
        restore(SharedData.SKIP_RECORD_PROPERTY, recordBefore);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void require_presentPart_returnsItWithoutRecording() {
        assertThat(SharedData.require("conformance/suite", false)).isEqualTo(shared.resolve("conformance/suite"));
        assertThat(SharedData.require("conformance/suite", true)).isEqualTo(shared.resolve("conformance/suite"));
        assertThat(record).doesNotExist();
    }

    @Test
    void require_absentPartOutsideCi_skipsWithAReasonAndRecordsModuleAndPart() throws IOException {
        Throwable skip = catchThrowable(() -> SharedData.require("interop/peer-1.0", false));
        Throwable again = catchThrowable(() -> SharedData.require("conformance/other/a.xml", false));

        assertThat(skip).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(shared.resolve("interop/peer-1.0").toString())
                .hasMessageContaining("live in the folder 'shared' beside the repository").hasMessageEndingWith("skipping");
        assertThat(again).isInstanceOf(TestAbortedException.class);
        // surefire runs the tests in the module's folder
        assertThat(Files.readString(record, StandardCharsets.UTF_8))
                .isEqualTo("sdk-testkit\tinterop/peer-1.0\nsdk-testkit\tconformance/other/a.xml\n");
    }

    @Test
    void require_absentPartUnderCi_failsAndRecordsNothing() {
        Throwable failure = catchThrowable(() -> SharedData.require("interop/peer-1.0", true));

        assertThat(failure).isExactlyInstanceOf(AssertionError.class)
                .hasMessageContaining("interop/peer-1.0").hasMessageEndingWith("under CI this is a failure, not a skip");
        assertThat(record).doesNotExist();
    }

    @Test
    void require_withoutRecordProperty_stillSkips() {
        System.clearProperty(SharedData.SKIP_RECORD_PROPERTY);
        assertThat(catchThrowable(() -> SharedData.require("interop/x", false))).isInstanceOf(TestAbortedException.class);
        assertThat(record).doesNotExist();
    }

    @Test
    void summary_ofTheRecord_namesCountModulesPartsAndWhy() {
        catchThrowable(() -> SharedData.require("conformance/xrechnung-testsuite/standard/01.01a.xml", false));
        catchThrowable(() -> SharedData.require("conformance/xrechnung-testsuite/standard", false));
        catchThrowable(() -> SharedData.require("interop/osci-bibliothek-2.4.1", false));

        List<String> lines = readRecord();
        assertThat(SharedDataSummary.summary(lines, Path.of("/w/shared"), false)).isEqualTo(
                "ozgkit tests: 3 tests skipped because the shared test data is absent at /w/shared"
                        + " (sdk-testkit 3; missing: conformance/xrechnung-testsuite, interop/osci-bibliothek-2.4.1):"
                        + " the official test suites and the interoperability peers live in a folder 'shared' beside"
                        + " the repository, not in it; put it there, or name it with -Dozgkit.shared.dir=DIR, to run"
                        + " them (README.md, \"Running the tests\")");
    }

    @Test
    void summary_countsPerModuleInTheOrderOfTheBuild() {
        String line = SharedDataSummary.summary(List.of("sdk-einvoice\tconformance/s/a", "sdk-cli\tconformance/s",
                "sdk-einvoice\tconformance/s/b", ""), Path.of("/w/shared"), false);
        assertThat(line).startsWith("ozgkit tests: 3 tests skipped because").contains("(sdk-einvoice 2, sdk-cli 1; missing: conformance/s)");
        assertThat(SharedDataSummary.summary(List.of("m\tinterop/p"), Path.of("/w/shared"), false))
                .startsWith("ozgkit tests: 1 test skipped because");
    }

    @Test
    void summary_withoutSkips_saysSoAndWhetherTheFolderIsThere() {
        assertThat(SharedDataSummary.summary(List.of(), Path.of("/w/shared"), true))
                .isEqualTo("ozgkit tests: none skipped for want of shared test data (/w/shared is present)");
        assertThat(SharedDataSummary.summary(List.of(), Path.of("/w/shared"), false))
                .isEqualTo("ozgkit tests: none skipped for want of shared test data (/w/shared is absent, but no test"
                        + " that ran needed it)");
    }

    private List<String> readRecord() {
        try {
            return Files.readAllLines(record, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
