package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB attachment end to end (encrypt, store in chunks, reassemble, fetch in chunks, decrypt,
 * verify, compare) in a forked JVM limited to 256 MiB of heap, with client and sandbox intermediary
 * in that JVM: the message never sits in memory on either side.
 */
class LargeMessageTest {

    static final long SIZE = 1L << 30;

    @Test
    void attachmentOf1GiB_travelsInChunksWithin256MiBHeap(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir,
                "-cp", System.getProperty("java.class.path"), LargeMessageRun.class.getName(), dir.resolve("mailbox").toString(),
                Long.toString(SIZE), Integer.toString(16 * 1024)))
                .directory(new File(".")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished within 10 minutes: " + output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        String result = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
        System.out.println(result);
        assertThat(Long.parseLong(result.replaceAll(".*bytes=(\\d+).*", "$1"))).isEqualTo(SIZE);
        assertThat(Long.parseLong(result.replaceAll(".*maxHeap=(\\d+).*", "$1"))).isLessThanOrEqualTo(256L << 20);
        assertThat(Long.parseLong(result.replaceAll(".*peakHeapUsed=(\\d+).*", "$1"))).isLessThan(256L << 20);
        assertThat(result).as("no spool file left behind").contains(" leftover=0");
    }
}
