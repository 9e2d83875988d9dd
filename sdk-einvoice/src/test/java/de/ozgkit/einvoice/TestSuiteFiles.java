package de.ozgkit.einvoice;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared XRechnung test suite under {@code ozgkit.shared.dir}, read in place, never copied. */
final class TestSuiteFiles {
    private TestSuiteFiles() {
    }

    /** @return the folder with the 66 standard business cases, or {@code null} when the shared folder is absent */
    static Path standardDir() {
        String shared = System.getProperty("ozgkit.shared.dir");
        if (shared == null) {
            return null;
        }
        Path dir = Path.of(shared, "conformance", "xrechnung-testsuite", "standard");
        return Files.isDirectory(dir) ? dir : null;
    }

    /** @return every suite file, sorted; empty when the suite is absent */
    static List<Path> all() {
        Path dir = standardDir();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a file name in the suite, e.g. {@code 01.01a-INVOICE_uncefact.xml}
     * @return its content; the calling test is skipped when the suite is absent
     */
    static String read(String name) {
        Path dir = standardDir();
        assumeTrue(dir != null, "shared XRechnung test suite not found under the system property ozgkit.shared.dir"
                + " (expected <shared>/conformance/xrechnung-testsuite/standard); skipping");
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test when the suite is absent. */
    static void assumePresent() {
        assumeTrue(standardDir() != null, "shared XRechnung test suite not found under the system property"
                + " ozgkit.shared.dir (expected <shared>/conformance/xrechnung-testsuite/standard); skipping");
    }
}
