package de.ozgkit.messaging.internal;

import jakarta.activation.DataSource;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Times the split of one large message into its parts, in the same JVM: {@link MimeIn#parse} (one
 * {@link MimeScan} pass, parts read by Jakarta Mail) against Jakarta Mail's own
 * {@code MimeMultipart} over the same {@code SharedFileInputStream}. Not a test; prints one line per
 * round. Arguments: a scratch folder, the attachment size in bytes, the rounds.
 */
public final class MimeScanRun {

    private MimeScanRun() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile(Path.of(args[0]), "mimescan-", ".mime");
        long size = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String boundary;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            MimeOut mime = new MimeOut(out);
            boundary = mime.boundary();
            mime.soapPart("<soap/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            mime.partHeader("big", "application/octet-stream", size);
            byte[] block = new byte[1 << 16];
            Random random = new Random(1);
            for (long done = 0; done < size; done += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
            mime.finish();
        }
        try {
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                int ours;
                try (SharedFileInputStream in = new SharedFileInputStream(file.toFile(), 1 << 16)) {
                    ours = MimeIn.parse(in, null, 1000).size();
                }
                long t1 = System.nanoTime();
                int theirs;
                try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
                    long start = headerEnd(file);
                    InputStream body = in.newStream(start, -1);
                    theirs = new MimeMultipart(new DataSource() {
                        @Override
                        public InputStream getInputStream() {
                            return body;
                        }

                        @Override
                        public OutputStream getOutputStream() throws IOException {
                            throw new IOException("read-only");
                        }

                        @Override
                        public String getContentType() {
                            return "multipart/related; boundary=\"" + boundary + "\"";
                        }

                        @Override
                        public String getName() {
                            return "run";
                        }
                    }).getCount();
                }
                long t2 = System.nanoTime();
                System.out.printf("round %d: MimeIn.parse (MimeScan) %d parts %.0f ms (%.0f MB/s); Jakarta Mail MimeMultipart %d parts %.0f ms (%.0f MB/s)%n",
                        round, ours, (t1 - t0) / 1e6, size / 1e3 / ((t1 - t0) / 1e6), theirs, (t2 - t1) / 1e6, size / 1e3 / ((t2 - t1) / 1e6));
            }
        } finally {
            Files.delete(file);
        }
    }

    /** The offset after the entity headers' blank line. */
    private static long headerEnd(Path file) throws IOException {
        byte[] head = new byte[4096];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            for (int i = 3; i < n; i++) {
                if (head[i - 3] == '\r' && head[i - 2] == '\n' && head[i - 1] == '\r' && head[i] == '\n') {
                    return i + 1;
                }
            }
        }
        throw new IOException("no header end");
    }
}
