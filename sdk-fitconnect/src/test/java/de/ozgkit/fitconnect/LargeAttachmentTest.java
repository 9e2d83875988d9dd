package de.ozgkit.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 500 MiB attachment is encrypted, uploaded, fetched and decrypted in a forked JVM limited to
 * 256 MiB of heap, with sender, submission service and subscriber all in that JVM: the attachment
 * never sits in memory on any side.
 */
class LargeAttachmentTest {

    static final long SIZE = 500L * 1024 * 1024;

    @Test
    void attachmentOf500MiB_travelsWithin256MiBHeap(@TempDir Path dir) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LargeAttachmentRun.class.getName(), dir.toString(),
                Long.toString(SIZE))).directory(new File(".")).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        boolean finished = p.waitFor(8, TimeUnit.MINUTES);
        String output = java.nio.file.Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("finished within 8 minutes").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        System.out.println(result);
        long maxHeap = Long.parseLong(result.replaceAll(".*maxHeap=(\\d+).*", "$1"));
        long peak = Long.parseLong(result.replaceAll(".*peakHeapUsed=(\\d+).*", "$1"));
        assertThat(maxHeap).isLessThanOrEqualTo(256L * 1024 * 1024);
        assertThat(peak).isLessThan(SIZE / 2);
    }
}
