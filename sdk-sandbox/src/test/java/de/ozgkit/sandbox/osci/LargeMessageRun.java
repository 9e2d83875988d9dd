package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.ReceivedAttachment;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * One large attachment end to end in this JVM (started by {@link LargeMessageTest} with a small
 * heap): encrypted for the recipient, stored in chunks through the sandbox intermediary (which
 * reassembles it in its mailbox folder), fetched in chunks, decrypted, the author signature
 * verified, and compared byte by byte with the generated source. Then, in the same JVM, the same
 * bytes through raw AES-256-GCM (the JDK's cipher, sealed and opened in 64 KiB messages so that the
 * heap stays small) as the physical limit. Checks that no spool file is left in
 * {@code java.io.tmpdir} once the delivery is closed. Prints one line
 * {@code RESULT bytes=... peakHeapUsed=... maxHeap=... storeMs=... fetchMs=... readMs=... rawMs=... leftover=...}.
 *
 * <p>Arguments: the mailbox folder, the attachment size in bytes, the chunk size in KiB.
 */
public final class LargeMessageRun {

    private LargeMessageRun() {
    }

    /** Pseudo-random bytes from a seed, the same on every read; nothing is held in memory (also used by the peer run). */
    public static final class Generated extends InputStream {
        private long left;
        private long state;
        private long position;

        public Generated(long size, long seed) {
            this.left = size;
            this.state = seed;
        }

        @Override
        public int read() {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            int i = 0;
            // whole words at once where they line up (the same bytes as the loop below)
            while ((position & 7) == 0 && n - i >= 8) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                long s = state;
                for (int k = 0; k < 8; k++) {
                    b[off + i + k] = (byte) (s >>> (k << 3));
                }
                i += 8;
                position += 8;
            }
            for (; i < n; i++) {
                // the byte at a position does not depend on how the stream is read
                if ((position & 7) == 0) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                }
                b[off + i] = (byte) (state >>> ((position & 7) << 3));
                position++;
            }
            left -= n;
            return n;
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        int chunkKib = Integer.parseInt(args[2]);
        IssuedCertificate sender = OsciParties.party("Large Sender");
        IssuedCertificate recipient = OsciParties.party("Large Recipient");
        OsciIntermediaryService service = new OsciIntermediaryService(folder);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            long t0 = System.nanoTime();
            StoreReceipt receipt;
            try (OsciClient c = OsciParties.builder(sandbox, service, sender).chunkSize(chunkKib).build()) {
                receipt = c.store(Delivery.builder().addressee(recipient.certificate()).subject("1 GiB")
                        .container(ContentContainer.builder().text("<gross/>")
                                .attachment(Attachment.of("gross.bin", "application/octet-stream", () -> new Generated(size, 42)))
                                .signedBy(OsciParties.identity(sender).signer()).encryptedFor(recipient.certificate()).build())
                        .build());
            }
            long t1 = System.nanoTime();
            long read;
            long t2;
            try (OsciClient c = OsciParties.builder(sandbox, service, recipient).chunkSize(chunkKib).build();
                 ReceivedDelivery d = c.fetch(FetchSelection.byMessageId(receipt.messageId())).orElseThrow()) {
                t2 = System.nanoTime();
                if (d.containers().get(0).signatures().size() != 1) {
                    throw new IllegalStateException("the author signature is missing");
                }
                ReceivedAttachment a = d.containers().get(0).attachment("gross.bin").orElseThrow();
                read = compare(a, size);
            }
            long t3 = System.nanoTime();
            long peak = peakHeap();
            long rawMs = rawAesGcm(size) / 1_000_000;
            long leftover;
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                leftover = files.filter(f -> f.getFileName().toString().startsWith("ozgkit-osci-")).count();
            }
            System.out.println("RESULT bytes=" + read + " peakHeapUsed=" + peak + " maxHeap=" + Runtime.getRuntime().maxMemory()
                    + " storeMs=" + (t1 - t0) / 1_000_000 + " fetchMs=" + (t2 - t1) / 1_000_000 + " readMs=" + (t3 - t2) / 1_000_000
                    + " rawMs=" + rawMs + " leftover=" + leftover);
        }
    }

    /** The peak use of all heap pools since they were reset. */
    private static long peakHeap() {
        long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * Seals and opens the same generated bytes with the JDK's AES-256-GCM, in messages of 64 KiB
     * (each with its own IV, as one message of 1 GiB cannot be opened by the JDK without holding it
     * whole), and returns the nanoseconds taken.
     */
    static long rawAesGcm(long size) throws Exception {
        javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("AES").generateKey();
        javax.crypto.Cipher enc = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        javax.crypto.Cipher dec = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        byte[] block = new byte[1 << 16];
        byte[] sealed = new byte[block.length + 16];
        byte[] opened = new byte[block.length];
        byte[] iv = new byte[12];
        long start = System.nanoTime();
        long counter = 0;
        try (InputStream in = new Generated(size, 42)) {
            int n;
            while ((n = in.readNBytes(block, 0, block.length)) > 0) {
                counter++;
                for (int i = 0; i < 8; i++) {
                    iv[i] = (byte) (counter >>> (i * 8));
                }
                javax.crypto.spec.GCMParameterSpec spec = new javax.crypto.spec.GCMParameterSpec(128, iv);
                enc.init(javax.crypto.Cipher.ENCRYPT_MODE, key, spec);
                int c = enc.doFinal(block, 0, n, sealed, 0);
                dec.init(javax.crypto.Cipher.DECRYPT_MODE, key, spec);
                if (dec.doFinal(sealed, 0, c, opened, 0) != n) {
                    throw new IllegalStateException("raw AES-GCM lost bytes");
                }
            }
        }
        return System.nanoTime() - start;
    }

    /** Compares the received attachment with the generated source, byte by byte. */
    static long compare(ReceivedAttachment a, long size) throws IOException {
        if (a.size() != size) {
            throw new IllegalStateException("the attachment has " + a.size() + " bytes, not " + size);
        }
        byte[] got = new byte[1 << 16];
        byte[] want = new byte[1 << 16];
        long total = 0;
        try (InputStream in = a.openStream(); InputStream expected = new Generated(size, 42)) {
            int n;
            while ((n = in.readNBytes(got, 0, got.length)) > 0) {
                if (expected.readNBytes(want, 0, n) != n || !java.util.Arrays.equals(got, 0, n, want, 0, n)) {
                    throw new IllegalStateException("the attachment differs from the source near byte " + total);
                }
                total += n;
            }
        }
        return total;
    }
}
