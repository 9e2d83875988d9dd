package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.ozgkit.einvoice.pdf.TestPdfs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module graph as an application on the module path sees it: a small named module that requires
 * only {@code de.ozgkit.einvoice} is compiled against the module's classes and its runtime dependencies
 * (all on the module path) and run with {@code java -p ... -m}. It validates a CII invoice (Saxon-HE with
 * the rule sets of Mustang's validator jar, reached through the automatic module
 * {@code de.ozgkit.einvoice.engine}, and the CII schema of ph-cii-d16b), embeds it into a PDF (Mustang's
 * library, PDFBox and Commons Logging) and reads it back. One document only: each syntax costs a
 * compilation of its rule sets in the fresh JVM.
 * The other tests run on the class path, where module boundaries do not apply.
 */
class ModulePathTest {

    private static final String MODULE_INFO = """
            module ozgkit.modulecheck {
                requires de.ozgkit.einvoice;
            }
            """;

    private static final String MAIN = """
            package ozgkit.modulecheck;

            import de.ozgkit.einvoice.EInvoiceValidator;
            import de.ozgkit.einvoice.ValidationReport;
            import de.ozgkit.einvoice.pdf.ZugferdPdf;
            import de.ozgkit.einvoice.pdf.ZugferdProfile;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.Arrays;

            public class Main {
                public static void main(String[] args) throws Exception {
                    EInvoiceValidator validator = EInvoiceValidator.create();
                    ValidationReport r = validator.validate(Path.of(args[0]));
                    System.out.println("valid " + r.syntax().orElseThrow() + " " + r.valid() + " " + r.ruleSets() + " " + r.errors());
                    byte[] cii = Files.readAllBytes(Path.of(args[0]));
                    byte[] hybrid = ZugferdPdf.embed(Files.readAllBytes(Path.of(args[1])), cii, ZugferdProfile.XRECHNUNG);
                    System.out.println("embedded " + Arrays.equals(ZugferdPdf.extract(hybrid), cii));
                    System.out.println("module " + EInvoiceValidator.class.getModule().getName() + " "
                            + ModuleLayer.boot().findModule("de.ozgkit.einvoice.engine").isPresent());
                }
            }
            """;

    @Test
    void applicationOnTheModulePath_validatesAndEmbeds(@TempDir Path dir) throws Exception {
        String classes = System.getProperty("ozgkit.einvoice.classes");
        String runtimePath = System.getProperty("ozgkit.einvoice.runtimePath");
        assumeTrue(classes != null && runtimePath != null && Files.isRegularFile(Path.of(runtimePath)),
                "runs in the Maven build, which writes the runtime module path (maven-dependency-plugin)");
        String modulePath = classes + File.pathSeparator + Files.readString(Path.of(runtimePath)).strip();

        Path src = dir.resolve("src/ozgkit.modulecheck");
        Files.createDirectories(src.resolve("ozgkit/modulecheck"));
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("ozgkit/modulecheck/Main.java"), MAIN);
        Path out = dir.resolve("out");
        run(tool("javac"), "--module-path", modulePath, "-d", out.toString(), src.resolve("module-info.java").toString(),
                src.resolve("ozgkit/modulecheck/Main.java").toString());

        Path cii = dir.resolve("invoice-cii.xml");
        Path pdf = dir.resolve("visual.pdf");
        EInvoices.write(TestInvoices.rich(), InvoiceSyntax.CII, cii);
        Files.write(pdf, TestPdfs.visualInvoice("Rechnung RE-2024-0001"));

        String output = run(tool("java"), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-p", out + File.pathSeparator + modulePath, "-m", "ozgkit.modulecheck/ozgkit.modulecheck.Main",
                cii.toString(), pdf.toString());
        assertThat(output).as(output)
                .contains("valid CII true [CII_SCHEMA, EN16931, XRECHNUNG] []")
                .contains("embedded true")
                .contains("module de.ozgkit.einvoice true");
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Runs a JDK tool, expects exit code 0 and returns what it printed. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(p.exitValue()).as(command[0] + ":\n" + output).isZero();
        return output;
    }
}
