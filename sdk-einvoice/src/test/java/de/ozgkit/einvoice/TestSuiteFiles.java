package de.ozgkit.einvoice;

import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared XRechnung test suite, read in place through {@link SharedData} (never copied): absent, a
 * test that needs it is skipped with a message outside CI and fails under CI.
 */
final class TestSuiteFiles {

    /** The standard business cases, relative to the shared folder. */
    static final String STANDARD = "conformance/xrechnung-testsuite/standard";

    private TestSuiteFiles() {
    }

    /** @return the folder with the 66 standard business cases, or {@code null} when absent (no skip) */
    static Path standardDir() {
        return SharedData.find(STANDARD).filter(Files::isDirectory).orElse(null);
    }

    /** @return every suite file, sorted; empty when the suite is absent (the test then calls {@link #assumePresent()}) */
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
     * @return its content; the calling test is skipped (outside CI) or fails (under CI) when the suite is absent
     */
    static String read(String name) {
        try {
            return Files.readString(SharedData.require(STANDARD).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test (outside CI) or fails it (under CI) when the suite is absent. */
    static void assumePresent() {
        SharedData.require(STANDARD);
    }
}
