package de.ozgkit.einvoice.pdf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The official XRechnung test suite under {@code ${ozgkit.shared.dir}/conformance/xrechnung-testsuite}. */
public final class SuiteFiles {

    private SuiteFiles() {
    }

    /** @return the folder with the standard business cases; skips the calling test when it is absent */
    public static Path standardDir() {
        String shared = System.getProperty("ozgkit.shared.dir");
        assumeTrue(shared != null, "system property ozgkit.shared.dir is not set; the XRechnung test suite is unavailable");
        Path dir = Path.of(shared, "conformance", "xrechnung-testsuite", "standard");
        assumeTrue(Files.isDirectory(dir), "XRechnung test suite not found at " + dir + "; skipping");
        return dir;
    }

    /** @return every CII invoice of the suite, sorted by name (skips when the suite is absent) */
    public static List<Path> ciiFiles() {
        return list("_uncefact.xml");
    }

    /** @return every UBL invoice of the suite, sorted by name (skips when the suite is absent) */
    public static List<Path> ublFiles() {
        return list("_ubl.xml");
    }

    /** @return one file of the suite as bytes, e.g. {@code 01.01a-INVOICE_uncefact.xml} */
    public static byte[] read(String name) {
        try {
            return Files.readAllBytes(standardDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(String suffix) {
        try (Stream<Path> s = Files.list(standardDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
