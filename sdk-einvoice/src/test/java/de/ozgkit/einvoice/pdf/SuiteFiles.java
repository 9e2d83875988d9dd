package de.ozgkit.einvoice.pdf;

import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The official XRechnung test suite in the shared folder ({@link SharedData}), read in place. */
public final class SuiteFiles {

    private SuiteFiles() {
    }

    /**
     * @return the folder with the standard business cases; skips the calling test outside CI (fails it
     *         under CI) when it is absent
     */
    public static Path standardDir() {
        return SharedData.require("conformance/xrechnung-testsuite/standard");
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
