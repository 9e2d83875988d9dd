package de.ozgkit.messaging.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the boundary delimiters of a multipart body in one pass (RFC 2046 section 5.1.1): a
 * delimiter is {@code --boundary} at the start of the body or after a line break, followed by
 * optional spaces or tabs and a line break, or by {@code --} for the close delimiter. The line break
 * before a delimiter belongs to it. The search is Boyer-Moore-Horspool over a 1 MiB window, so a
 * binary part of a gigabyte is passed over in steps of about the delimiter's length instead of byte
 * by byte.
 *
 * <p>The part headers and contents themselves are read by Jakarta Mail ({@code MimeBodyPart} over a
 * shared stream view of each range found here).
 */
final class MimeScan {

    /** The window; large enough that refills are rare. */
    private static final int WINDOW = 1 << 20;
    /** The most transport padding (spaces, tabs) accepted after a delimiter. */
    private static final int MAX_PADDING = 1000;

    /** One part's content range in the body: {@code [start, end)}, its headers included. */
    record Range(long start, long end) {
    }

    /** The ranges found, and whether the close delimiter was found. */
    record Result(List<Range> parts, boolean closed) {
    }

    /** Thrown when more than the allowed number of delimiters is found. */
    static final class TooManyParts extends Exception {
        private static final long serialVersionUID = 1L;

        TooManyParts() {
            super(null, null, false, false);
        }
    }

    private final InputStream in;
    private final byte[] pattern;
    private final int[] shift = new int[256];
    private final byte[] buf;
    /** The body offset of buf[0]. */
    private long base;
    private int length;
    private boolean eof;

    private MimeScan(InputStream in, String boundary) {
        this.in = in;
        this.pattern = ("\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[Math.max(WINDOW, 4 * (pattern.length + MAX_PADDING))];
        int m = pattern.length;
        java.util.Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[pattern[i] & 0xff] = m - 1 - i;
        }
    }

    /**
     * Scans a body.
     *
     * @param in       the body (after the entity headers); read to the close delimiter or its end, not closed
     * @param boundary the boundary
     * @param maxParts the most parts accepted
     * @return the parts' ranges, the preamble and epilogue left out
     * @throws TooManyParts when the body has more than {@code maxParts} parts
     * @throws IOException  when reading fails
     */
    static Result scan(InputStream in, String boundary, int maxParts) throws IOException, TooManyParts {
        return new MimeScan(in, boundary).run(maxParts);
    }

    private Result run(int maxParts) throws IOException, TooManyParts {
        List<Range> parts = new ArrayList<>();
        long partStart = -1;
        // the body start counts as a line start: look for "--boundary" there
        fill(0);
        int at;
        if (startsWith(0, 1)) {
            at = 0;
            int end = lineEnd(pattern.length - 1);
            if (end == -2) {
                return new Result(parts, true);
            }
            if (end >= 0) {
                partStart = base + end;
                at = end - 1;
            }
        } else {
            at = 0;
        }
        int m = pattern.length;
        while (true) {
            // Horspool: pattern[0] aligned at buf[at]
            if (at + m > length) {
                // keep the byte before: a CR there belongs to a delimiter found next
                int keep = Math.max(0, at - 1);
                compact(keep);
                at -= keep;
                if (at + m > length) {
                    break;
                }
            }
            int j = m - 1;
            while (j >= 0 && buf[at + j] == pattern[j]) {
                j--;
            }
            if (j >= 0) {
                at += shift[buf[at + m - 1] & 0xff];
                continue;
            }
            // "\n--boundary" at buf[at]: the line break before it, with a CR, belongs to the delimiter
            long delimiter = base + at;
            if (at > 0 && buf[at - 1] == '\r') {
                delimiter--;
            }
            int end = lineEnd(at + m);
            at = compacted(at);
            if (end == -1) {
                at++;
                continue;
            }
            if (partStart >= 0) {
                parts.add(new Range(partStart, Math.max(partStart, delimiter)));
            }
            if (end == -2) {
                return new Result(parts, true);
            }
            if (parts.size() >= maxParts) {
                throw new TooManyParts();
            }
            partStart = base + end;
            // the line break that ends this delimiter may start the next one
            at = end - 1;
        }
        if (partStart >= 0 && partStart < base + length) {
            parts.add(new Range(partStart, base + length));
        }
        return new Result(parts, false);
    }

    /** Whether buf[from..] holds pattern[skip..]. */
    private boolean startsWith(int from, int skip) {
        int n = pattern.length - skip;
        if (from + n > length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (buf[from + i] != pattern[skip + i]) {
                return false;
            }
        }
        return true;
    }

    private int shifted;

    /**
     * What follows a boundary at buf[i]: the index just after the line break of a delimiter line,
     * -2 for a close delimiter, -1 for none. May move the window; then {@link #compacted} maps an
     * index from before the move.
     */
    private int lineEnd(int i) throws IOException {
        shifted = 0;
        if (i + 2 + MAX_PADDING + 2 > length && !eof) {
            int keep = Math.max(0, i - pattern.length - 1);
            shifted = keep;
            compact(keep);
            i -= keep;
        }
        if (i + 1 < length && buf[i] == '-' && buf[i + 1] == '-') {
            return -2;
        }
        int limit = Math.min(length, i + MAX_PADDING);
        while (i < limit && (buf[i] == ' ' || buf[i] == '\t')) {
            i++;
        }
        if (i < length && buf[i] == '\n') {
            return i + 1;
        }
        if (i + 1 < length && buf[i] == '\r' && buf[i + 1] == '\n') {
            return i + 2;
        }
        return -1;
    }

    /** Maps an index taken before the last {@link #lineEnd} to the window as it is now. */
    private int compacted(int i) {
        return i - shifted;
    }

    /** Drops buf[0..from) and refills the rest. */
    private void compact(int from) throws IOException {
        if (from > 0) {
            System.arraycopy(buf, from, buf, 0, length - from);
            length -= from;
            base += from;
        }
        fill(length);
    }

    private void fill(int from) throws IOException {
        length = from;
        while (!eof && length < buf.length) {
            int n = in.read(buf, length, buf.length - length);
            if (n < 0) {
                eof = true;
            } else {
                length += n;
            }
        }
    }
}
