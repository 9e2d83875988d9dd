package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Bytes written once and read any number of times: in memory up to a threshold, then in a
 * temporary file that {@link #close()} deletes. Large attachments never sit in the heap.
 *
 * <p>Write through {@link #output()}, close that stream, then read with {@link #open()}. Not
 * thread-safe while writing; reading from several threads is fine once written.
 */
public final class Spool implements AutoCloseable {

    /** Up to this many bytes stay in memory. */
    public static final int MEMORY_THRESHOLD = 1 << 20;

    private final int threshold;
    private byte[] memory = new byte[0];
    private int memoryLength;
    private Path file;
    private long size;
    private boolean written;
    private boolean closed;

    /** A spool with the default memory threshold. */
    public Spool() {
        this(MEMORY_THRESHOLD);
    }

    /** @param threshold bytes kept in memory before spilling to a temporary file */
    public Spool(int threshold) {
        this.threshold = threshold;
    }

    /**
     * @param data bytes to hold (not copied; must not change afterwards)
     * @return a written spool over the bytes
     */
    public static Spool of(byte[] data) {
        Spool s = new Spool();
        s.memory = data;
        s.memoryLength = data.length;
        s.size = data.length;
        s.written = true;
        return s;
    }

    /**
     * Copies a stream into a new spool.
     *
     * @param in the stream, read to its end, not closed
     * @param maxBytes the most bytes accepted
     * @return the written spool
     * @throws OsciException of check {@link OsciCheck#SIZE} when the stream is longer
     */
    public static Spool copyOf(InputStream in, long maxBytes) {
        Spool s = new Spool();
        try (OutputStream out = s.output()) {
            byte[] buf = new byte[65536];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    s.close();
                    throw new OsciException(OsciCheck.SIZE, "data is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            s.close();
            throw new OsciException(OsciCheck.STRUCTURE, "data could not be read: " + e.getMessage(), e);
        }
        return s;
    }

    /**
     * @return the stream to write to; closing it completes the spool
     */
    public OutputStream output() {
        if (written) {
            throw new IllegalStateException("spool already written");
        }
        return new OutputStream() {
            private OutputStream fileOut;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (fileOut == null && memoryLength + (long) len > threshold) {
                    file = Files.createTempFile("ozgkit-osci-", ".spool");
                    fileOut = Files.newOutputStream(file, StandardOpenOption.WRITE);
                    fileOut.write(memory, 0, memoryLength);
                    memory = null;
                }
                if (fileOut != null) {
                    fileOut.write(b, off, len);
                } else {
                    if (memoryLength + len > memory.length) {
                        memory = Arrays.copyOf(memory, Math.max(memoryLength + len, Math.min(threshold, memory.length * 2 + 4096)));
                    }
                    System.arraycopy(b, off, memory, memoryLength, len);
                    memoryLength += len;
                }
                size += len;
            }

            @Override
            public void close() throws IOException {
                if (!written) {
                    written = true;
                    if (fileOut != null) {
                        fileOut.close();
                    }
                }
            }
        };
    }

    /** @return the number of bytes held */
    public long size() {
        return size;
    }

    /** @return the temporary file holding the bytes, when they spilled to disk */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    /** @return whether the bytes sit in a temporary file */
    public boolean onDisk() {
        return file != null;
    }

    /**
     * @return a new stream over the bytes
     * @throws UncheckedIOException never for memory, rarely for a vanished temp file
     */
    public InputStream open() {
        if (!written) {
            throw new IllegalStateException("spool not yet written");
        }
        if (closed) {
            throw new IllegalStateException("spool already closed");
        }
        if (file == null) {
            return new ByteArrayInputStream(memory, 0, memoryLength);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the bytes as an array; only for small spools (the SOAP part, keys)
     */
    public byte[] toBytes() {
        if (file == null) {
            return memoryLength == memory.length ? memory : Arrays.copyOf(memory, memoryLength);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() {
        closed = true;
        memory = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is not worth failing for; the OS cleans its temp folder
            }
        }
    }
}
