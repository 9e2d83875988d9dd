package de.ozgkit.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The folder of shared test data that lives beside the repository (the official XRechnung test
 * suite under {@code conformance/}, third-party interoperability peers under {@code interop/}).
 * Tests read it in place and never copy it into the project.
 *
 * <p>The folder is named by the system property {@value #PROPERTY} (the build sets it to
 * {@code ../shared} next to the repository). When a test asks for a part that is absent:
 * <ul>
 *   <li>outside CI the test is skipped (a JUnit assumption) with a message that names the folder
 *       and says why it is missing, and the skip is recorded in the file named by the system
 *       property {@value #SKIP_RECORD_PROPERTY} (when set), from which the build prints one summary
 *       line at its end;</li>
 *   <li>with the environment variable {@code CI=true} (or the system property {@code ozgkit.ci=true})
 *       the test fails: conformance and interoperability evidence never skips in CI.</li>
 * </ul>
 *
 * <pre>{@code
 * Path peer = SharedData.require("interop/osci-bibliothek-2.4.1");
 * }</pre>
 */
public final class SharedData {

    /** The system property that names the shared folder. */
    public static final String PROPERTY = "ozgkit.shared.dir";

    /**
     * The system property that names the file in which each skip is recorded as one line
     * {@code <module folder> TAB <part>} (the build sets it to {@code target/shared-data-skips.tsv}
     * at the repository root).
     */
    public static final String SKIP_RECORD_PROPERTY = "ozgkit.shared.skips";

    private SharedData() {
    }

    /**
     * @return the shared folder as configured, or empty when the property is not set
     */
    public static Optional<Path> root() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath().normalize());
    }

    /**
     * Looks a part of the shared folder up without skipping or failing.
     *
     * @param relative a path inside the shared folder, e.g. {@code conformance/xrechnung-testsuite/standard}
     * @return the folder or file when it exists
     */
    public static Optional<Path> find(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::exists);
    }

    /**
     * Returns a part of the shared folder for a test that needs it: skips the calling test when it
     * is absent outside CI (and records the skip), fails it under CI.
     *
     * @param relative a path inside the shared folder, e.g. {@code interop/osci-bibliothek-2.4.1}
     * @return the existing folder or file
     * @throws AssertionError under CI when the part is absent
     */
    public static Path require(String relative) {
        return require(relative, inCi());
    }

    static Path require(String relative, boolean ci) {
        Optional<Path> found = find(relative);
        if (found.isPresent()) {
            return found.get();
        }
        String where = root().map(r -> r.resolve(relative).toString())
                .orElse("<" + PROPERTY + " not set>/" + relative);
        String why = "shared test data " + where + " is absent: the official test suites and interoperability"
                + " peers live in the folder 'shared' beside the repository, not in it";
        if (ci) {
            throw new AssertionError(why + "; under CI this is a failure, not a skip");
        }
        recordSkip(relative);
        Assumptions.abort(why + "; skipping");
        throw new AssertionError("unreachable");
    }

    /** @return whether the build runs under CI ({@code CI=true} or {@code -Dozgkit.ci=true}) */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("ozgkit.ci");
    }

    /**
     * Appends {@code <module folder> TAB <part>} to the skip record. Surefire runs the tests in the
     * module's folder, so the working directory names the module. The file is locked while writing
     * because modules built in parallel ({@code mvn -T}) append to the same file.
     */
    private static void recordSkip(String relative) {
        String record = System.getProperty(SKIP_RECORD_PROPERTY);
        if (record == null || record.isBlank()) {
            return;
        }
        Path file = Path.of(record);
        Path module = Path.of("").toAbsolutePath().getFileName();
        String line = (module == null ? "?" : module.toString()) + "\t" + relative + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.lock(); // released when the channel closes
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            // the record only feeds the build's summary line; the test is skipped with its message all the same
        }
    }
}
