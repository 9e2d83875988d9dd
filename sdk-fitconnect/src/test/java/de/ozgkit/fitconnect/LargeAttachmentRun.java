package de.ozgkit.fitconnect;

import de.ozgkit.sandbox.fitconnect.TestDestination;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/**
 * Sends one large attachment through the simulated submission service and receives it, all in this
 * JVM (sender, service and subscriber), and prints the peak heap. Run by {@link LargeAttachmentTest}
 * in a forked JVM with {@code -Xmx256m}:
 * {@code java -Xmx256m -cp <test class path> de.ozgkit.fitconnect.LargeAttachmentRun <dir> <bytes>}.
 */
public final class LargeAttachmentRun {

    private LargeAttachmentRun() {
    }

    /**
     * @param args work directory and attachment size in bytes
     * @throws Exception when anything fails (exit code 1)
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        long start = System.nanoTime();
        Path file = dir.resolve("large.bin");
        MessageDigest sha = MessageDigest.getInstance("SHA-512");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Random random = new Random(1);
            byte[] chunk = new byte[1 << 16];
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                sha.update(chunk, 0, n);
            }
        }
        String expected = HexFormat.of().formatHex(sha.digest());
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        try (Fixture fixture = new Fixture(); FitConnectSender sender = fixture.sender();
             FitConnectSubscriber subscriber = fixture.subscriber(dir.resolve("work"))) {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            t0 = System.nanoTime();
            SentSubmission sent = sender.send(OutgoingSubmission.builder()
                    .destinationId(fixture.destination.destinationId())
                    .serviceType(new ServiceType("Test", TestDestination.DEFAULT_SERVICE))
                    .data("{}".getBytes(StandardCharsets.UTF_8), new SubmissionSchema(
                            URI.create(TestDestination.DEFAULT_SCHEMA), "application/json"))
                    .attachment(OutgoingAttachment.ofFile(file, "application/octet-stream"))
                    .build());
            long sentAt = System.nanoTime();
            Files.delete(file);
            try (ReceivedSubmission received = subscriber.receive(sent.submissionId())) {
                ReceivedAttachment a = received.attachments().get(0);
                MessageDigest check = MessageDigest.getInstance("SHA-512");
                try (InputStream in = a.openStream()) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        check.update(buf, 0, n);
                    }
                }
                if (a.size() != size || !HexFormat.of().formatHex(check.digest()).equals(expected)) {
                    throw new IllegalStateException("the received attachment differs from the sent one");
                }
                subscriber.accept(received);
            }
            long done = System.nanoTime();
            if (sender.status(sent).state() != SubmissionState.ACCEPTED) {
                throw new IllegalStateException("not accepted");
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.println("RESULT bytes=" + size + " maxHeap=" + Runtime.getRuntime().maxMemory()
                    + " peakHeapUsed=" + peak + " sendMs=" + (sentAt - t0) / 1_000_000
                    + " receiveMs=" + (done - sentAt) / 1_000_000 + " totalMs=" + (System.nanoTime() - start) / 1_000_000);
        }
    }
}
