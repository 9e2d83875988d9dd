package de.ozgkit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
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
 *       and says why it is missing;</li>
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
     * is absent outside CI, fails it under CI.
     *
     * @param relative a path inside the shared folder, e.g. {@code interop/osci-bibliothek-2.4.1}
     * @return the existing folder or file
     * @throws AssertionError under CI when the part is absent
     */
    public static Path require(String relative) {
        Optional<Path> found = find(relative);
        if (found.isPresent()) {
            return found.get();
        }
        String where = root().map(r -> r.resolve(relative).toString())
                .orElse("<" + PROPERTY + " not set>/" + relative);
        String why = "shared test data " + where + " is absent: the official test suites and interoperability"
                + " peers live in the folder 'shared' beside the repository, not in it";
        if (inCi()) {
            throw new AssertionError(why + "; under CI this is a failure, not a skip");
        }
        Assumptions.abort(why + "; skipping");
        throw new AssertionError("unreachable");
    }

    /** @return whether the build runs under CI ({@code CI=true} or {@code -Dozgkit.ci=true}) */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("ozgkit.ci");
    }
}
