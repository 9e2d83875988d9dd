package de.ozgkit.einvoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDF decompression bombs (about 1 MB of PDF inflating to 1 GiB, made in the test) end in a
 * {@link ZugferdException} of kind TOO_LARGE or CORRUPT_PDF, never in an OutOfMemoryError: checked in a JVM
 * of its own started with {@code -Xmx192m}, so the limit is real and not the test runner's. The control in
 * the same JVM shows that the bombs are real: PDFBox on its own runs out of heap on the first one.
 */
class PdfBombMemoryTest {

    @Test
    void bombs_inEveryStreamAReaderInflates_areRefused_withA192MiBHeap(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(javaBin, "-Xmx192m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                PdfBombCheck.class.getName());
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
        assertThat(out).contains("control: PDFBox alone runs out of heap on the xref stream bomb");
        assertThat(out.replace("control: PDFBox alone runs out of heap", "")).contains("inflating to 1073741824")
                .contains("OK").doesNotContain("OutOfMemoryError")
                .doesNotContain("FAILED").doesNotContain("accepted");
        assertThat(out).containsPattern("xref stream: \\d+ bytes; extract TOO_LARGE .*; embed TOO_LARGE")
                .containsPattern("object stream: \\d+ bytes; extract TOO_LARGE .*; embed TOO_LARGE")
                .containsPattern("embedded file with DecodeParms: \\d+ bytes; extract TOO_LARGE .*; embed TOO_LARGE")
                .containsPattern("embedded file behind ASCIIHexDecode: \\d+ bytes; extract CORRUPT_PDF .*; embed CORRUPT_PDF");
    }
}
