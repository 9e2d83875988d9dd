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
    private Spool parent;
    private long offset;
    private boolean kept;
    private java.util.function.Supplier<InputStream> source;

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
     * A spool over bytes that can be read again from their source (e.g. a part of a stored message),
     * without copying them; closing it does nothing.
     *
     * @param size   the number of bytes the source gives
     * @param source opens a fresh stream over them
     * @return the spool
     */
    public static Spool of(long size, java.util.function.Supplier<InputStream> source) {
        Spool s = new Spool();
        s.source = source;
        s.size = size;
        s.written = true;
        s.kept = true;
        return s;
    }

    /**
     * A spool over a file that stays where it is: closing the spool does not delete it.
     *
     * @param file the file
     * @return the spool
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Spool view(Path file) {
        Spool s = ofFile(file);
        s.kept = true;
        return s;
    }

    /**
     * A view of a part of this spool's bytes, e.g. one chunk of a large message. The view holds no
     * resources of its own: it is valid while this spool is open, and closing it does nothing.
     *
     * @param from   the first byte
     * @param length the number of bytes
     * @return the view
     */
    public Spool slice(long from, long length) {
        if (!written || from < 0 || length < 0 || from + length > size) {
            throw new IllegalArgumentException("slice " + from + "+" + length + " outside a spool of " + size + " bytes");
        }
        Spool s = new Spool();
        s.parent = this;
        s.offset = from;
        s.size = length;
        s.written = true;
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

    /** @return the temporary file holding the bytes, when they spilled to disk (never for a slice) */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    /** @return whether the bytes sit in a temporary file of their own (never for a slice) */
    public boolean onDisk() {
        return file != null;
    }

    /**
     * Adopts a written file as a spool's bytes; closing the spool deletes the file.
     *
     * @param file the file
     * @return the spool
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Spool ofFile(Path file) {
        Spool s = new Spool();
        try {
            s.size = Files.size(file);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
        s.file = file;
        s.memory = null;
        s.written = true;
        return s;
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
        if (source != null) {
            return source.get();
        }
        if (parent != null) {
            InputStream in = parent.open();
            try {
                in.skipNBytes(offset);
            } catch (IOException e) {
                throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
            }
            return new java.io.FilterInputStream(in) {
                private long left = size;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long k = super.skip(Math.min(n, left));
                    left -= k;
                    return k;
                }

                @Override
                public int available() throws IOException {
                    return (int) Math.min(super.available(), left);
                }
            };
        }
        if (file == null) {
            return new ByteArrayInputStream(memory, 0, memoryLength);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
    }

    /**
     * @return the bytes as an array; only for small spools (the SOAP part, keys)
     */
    public byte[] toBytes() {
        if (parent != null || source != null) {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
            }
        }
        if (file == null) {
            return memoryLength == memory.length ? memory : Arrays.copyOf(memory, memoryLength);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.LOCAL_STORAGE, "a local file could not be written or read: " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file, if any (a {@linkplain #slice slice} has none). */
    @Override
    public void close() {
        closed = true;
        if (parent != null) {
            return;
        }
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
