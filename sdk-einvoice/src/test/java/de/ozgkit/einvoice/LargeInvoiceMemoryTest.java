package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing and reading a 100,000-line invoice works with a 256 MiB heap: checked in a JVM of its own
 * started with {@code -Xmx256m}, so the limit is real and not the test runner's.
 */
class LargeInvoiceMemoryTest {

    @Test
    void writeAndRead_100000Lines_inBothSyntaxes_withA256MiBHeap(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(javaBin, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeInvoiceCheck.class.getName(), "100000", dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(done).as("the check JVM finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("UBL: 100000 lines").contains("CII: 100000 lines").contains("OK")
                .doesNotContain("OutOfMemoryError");
    }
}
