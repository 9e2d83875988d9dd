package de.ozgkit.testkit.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one line at the end of the build that says which tests were skipped because the shared test
 * data beside the repository is absent, and why. It reads the skip record that
 * {@link de.ozgkit.testkit.SharedData#require(String)} writes (one line {@code <module> TAB <part>}
 * per skipped test; a parameterized test whose argument source needs the folder counts once, where
 * Surefire's count leaves it out); the last module of the reactor runs {@link #main(String[])}.
 */
public final class SharedDataSummary {

    private SharedDataSummary() {
    }

    /**
     * Prints the summary line on standard output.
     *
     * @param args the skip record file and the shared folder the build used
     * @throws IOException if the record exists but cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SharedDataSummary <skip record file> <shared folder>");
        }
        Path record = Path.of(args[0]);
        List<String> lines = Files.exists(record) ? Files.readAllLines(record, StandardCharsets.UTF_8) : List.of();
        Path shared = Path.of(args[1]).toAbsolutePath().normalize();
        System.out.println(summary(lines, shared, Files.isDirectory(shared)));
    }

    /**
     * Builds the summary line.
     *
     * @param records      the lines of the skip record, {@code <module> TAB <part>}
     * @param shared       the shared folder the build used
     * @param sharedExists whether that folder exists
     * @return one line
     */
    public static String summary(List<String> records, Path shared, boolean sharedExists) {
        Map<String, Integer> perModule = new LinkedHashMap<>();
        Set<String> parts = new LinkedHashSet<>();
        for (String record : records) {
            if (record.isBlank()) {
                continue;
            }
            int tab = record.indexOf('\t');
            String module = tab < 0 ? "?" : record.substring(0, tab);
            perModule.merge(module, 1, Integer::sum);
            parts.add(topTwo(record.substring(tab + 1)));
        }
        int skipped = perModule.values().stream().mapToInt(Integer::intValue).sum();
        if (skipped == 0) {
            return "ozgkit tests: none skipped for want of shared test data (" + shared
                    + (sharedExists ? " is present)" : " is absent, but no test that ran needed it)");
        }
        String modules = perModule.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return "ozgkit tests: " + skipped + (skipped == 1 ? " test" : " tests") + " skipped because the shared test data"
                + " is absent at " + shared + " (" + modules + "; missing: " + String.join(", ", parts) + "):"
                + " the official test suites and the interoperability peers live in a folder 'shared' beside the"
                + " repository, not in it; put it there, or name it with -Dozgkit.shared.dir=DIR, to run them"
                + " (README.md, \"Running the tests\")";
    }

    /** {@code conformance/xrechnung-testsuite/standard/x.xml} -> {@code conformance/xrechnung-testsuite}. */
    private static String topTwo(String part) {
        String[] segments = part.replace('\\', '/').split("/");
        return segments.length <= 2 ? part : segments[0] + "/" + segments[1];
    }
}
