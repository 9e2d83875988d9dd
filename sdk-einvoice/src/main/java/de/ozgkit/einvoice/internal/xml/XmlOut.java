package de.ozgkit.einvoice.internal.xml;

import de.ozgkit.einvoice.EInvoiceFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small streaming XML writer for the invoice writers: UTF-8 straight into a byte buffer, indents
 * with two spaces, skips absent values (never writes an empty element) and formats dates and numbers
 * the same way every time, so that equal models give byte-identical documents.
 *
 * <p>It writes only what the invoice writers need, which is why it can be much faster than a general
 * {@code XMLStreamWriter} ({@link StaxXmlSink} is the same sink on the JDK's writer, kept as the
 * reference the tests and the benchmark compare with): namespaces are declared once on the root and
 * elements use fixed prefixes; element and attribute names are the writers' own constants.
 *
 * <p>Escaping, so that every character XML 1.0 can carry reads back as it was written: {@code <},
 * {@code >} and {@code &} always; a carriage return as {@code &#13;} (a parser would turn a raw one
 * into a line feed); in attribute values also {@code "}, and tab, line feed and carriage return as
 * {@code &#9;}, {@code &#10;}, {@code &#13;} (a parser would turn raw ones into spaces). A character
 * XML 1.0 cannot carry (a control character, a lone surrogate, U+FFFE, U+FFFF) is refused with an
 * {@link EInvoiceFormatException}; the invoice model refuses them before, so this is a last guard.
 * Memory stays at one 16 KiB buffer whatever the document's size.
 *
 * <p>Not thread-safe; one instance writes one document.
 */
public final class XmlOut implements XmlSink {

    private static final byte[] PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LT = "&lt;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GT = "&gt;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AMP = "&amp;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOT = "&quot;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CR = "&#13;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LF = "&#10;".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAB = "&#9;".getBytes(StandardCharsets.US_ASCII);
    /** A line feed and enough spaces for 64 levels; deeper levels are written in pieces. */
    private static final byte[] INDENT = ("\n" + "  ".repeat(64)).getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 14;
    /** Room for the longest thing written per character: an entity ({@code &quot;}, 6 bytes) or 4 UTF-8 bytes. */
    private static final int SLACK = 8;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private Tag[] open = new Tag[32];
    private int depth;
    private boolean childWritten;

    /**
     * @param out the stream; flushed but not closed by {@link #close()}
     */
    public XmlOut(OutputStream out) {
        this.out = out;
        raw(PROLOG, 0, PROLOG.length);
    }

    // ---- the byte buffer ----

    private void flushBuffer() {
        if (pos > 0) {
            try {
                out.write(buf, 0, pos);
            } catch (IOException e) {
                throw EInvoiceFormatException.io("could not write the invoice XML: " + e.getMessage(), e);
            }
            pos = 0;
        }
    }

    private void raw(byte[] bytes, int off, int len) {
        if (len <= BUFFER - pos) {
            System.arraycopy(bytes, off, buf, pos, len);
            pos += len;
            return;
        }
        while (len > 0) {
            if (pos == BUFFER) {
                flushBuffer();
            }
            int n = Math.min(len, BUFFER - pos);
            System.arraycopy(bytes, off, buf, pos, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    private void raw(char c) {
        if (pos == BUFFER) {
            flushBuffer();
        }
        buf[pos++] = (byte) c;
    }

    /** Writes a name (the writers' ASCII constants; anything else is encoded as UTF-8 like text). */
    private void name(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                raw(c);
            } else {
                text(s.substring(i), false);
                return;
            }
        }
    }

    /**
     * Writes text as UTF-8, escaping markup and a carriage return; {@code attribute} escapes the double
     * quote, tab and line feed too (see the class comment). Refuses characters XML 1.0 cannot carry.
     */
    private void text(String s, boolean attribute) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (pos > BUFFER - SLACK) {
                flushBuffer();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20) {
                    switch (c) {
                        case '<' -> put(LT);
                        case '>' -> put(GT);
                        case '&' -> put(AMP);
                        case '"' -> {
                            if (attribute) {
                                put(QUOT);
                            } else {
                                buf[pos++] = '"';
                            }
                        }
                        default -> buf[pos++] = (byte) c;
                    }
                } else if (c == '\r') {
                    put(CR);
                } else if (c == '\n') {
                    if (attribute) {
                        put(LF);
                    } else {
                        buf[pos++] = '\n';
                    }
                } else if (c == '\t') {
                    if (attribute) {
                        put(TAB);
                    } else {
                        buf[pos++] = '\t';
                    }
                } else {
                    throw illegal(c);
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[pos++] = (byte) (0xF0 | (cp >> 18));
                    buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[pos++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    throw illegal(c);
                }
            } else if (c >= 0xFFFE) {
                throw illegal(c);
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * @param c a character XML 1.0 cannot carry
     * @return the error for it
     */
    static EInvoiceFormatException illegal(int c) {
        return EInvoiceFormatException.unsupported(String.format(java.util.Locale.ROOT,
                "the invoice holds U+%04X, a character XML 1.0 cannot carry; remove it from the text", c));
    }

    /** Copies a short entity into the buffer; the caller has made room. */
    private void put(byte[] entity) {
        System.arraycopy(entity, 0, buf, pos, entity.length);
        pos += entity.length;
    }

    private void indent(int level) {
        int spaces = 2 * level;
        raw(INDENT, 0, 1 + Math.min(spaces, INDENT.length - 1));
        for (spaces -= INDENT.length - 1; spaces > 0; spaces -= INDENT.length - 1) {
            raw(INDENT, 1, Math.min(spaces, INDENT.length - 1));
        }
    }

    /**
     * An element name, encoded once: {@code <prefix:local} and {@code </prefix:local>}. The writers use a
     * few hundred constant names, so the encoded forms are cached per JVM; copying them is much cheaper
     * than encoding the names again for every element.
     */
    private record Tag(byte[] open, byte[] close) {
    }

    private static final Map<String, Map<String, Tag>> TAGS = new ConcurrentHashMap<>();
    /** A bound on the cache, should a writer ever pass names that are not constants. */
    private static final int MAX_CACHED_TAGS = 4096;
    private static final AtomicInteger CACHED_TAGS = new AtomicInteger();

    private static Tag tag(String prefix, String local) {
        Map<String, Tag> byLocal = TAGS.computeIfAbsent(prefix, p -> new ConcurrentHashMap<>());
        Tag t = byLocal.get(local);
        if (t == null) {
            String name = prefix + ":" + local;
            t = new Tag(("<" + name).getBytes(StandardCharsets.UTF_8), ("</" + name + ">").getBytes(StandardCharsets.UTF_8));
            if (CACHED_TAGS.get() < MAX_CACHED_TAGS && byLocal.putIfAbsent(local, t) == null) {
                CACHED_TAGS.incrementAndGet();
            }
        }
        return t;
    }

    private void openTag(Tag t) {
        raw(t.open(), 0, t.open().length);
    }

    private void closeTag(Tag t) {
        raw(t.close(), 0, t.close().length);
    }

    private static final Map<String, byte[]> ATTRIBUTE_NAMES = new ConcurrentHashMap<>();

    private void attributes(String... attrs) {
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                byte[] start = ATTRIBUTE_NAMES.get(attrs[i]);
                if (start == null) {
                    start = (" " + attrs[i] + "=\"").getBytes(StandardCharsets.UTF_8);
                    if (ATTRIBUTE_NAMES.size() < MAX_CACHED_TAGS) {
                        ATTRIBUTE_NAMES.put(attrs[i], start);
                    }
                }
                raw(start, 0, start.length);
                text(attrs[i + 1], true);
                raw('"');
            }
        }
    }

    private void push(Tag t) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = t;
    }

    // ---- what the invoice writers call ----

    /**
     * Starts the root element and declares the namespaces.
     *
     * @param prefix     root prefix
     * @param local      root local name
     * @param namespaces pairs of prefix and namespace URI, the root's first
     */
    @Override
    public void root(String prefix, String local, String... namespaces) {
        raw('\n');
        Tag t = tag(prefix, local);
        openTag(t);
        for (int i = 0; i < namespaces.length; i += 2) {
            raw(' ');
            name("xmlns:");
            name(namespaces[i]);
            raw('=');
            raw('"');
            text(namespaces[i + 1], true);
            raw('"');
        }
        raw('>');
        depth = 0;
        push(t);
        childWritten = false;
    }

    /**
     * Starts an element that will have child elements.
     *
     * @param prefix namespace prefix (declared on the root)
     * @param local  local name
     */
    @Override
    public void start(String prefix, String local) {
        indent(depth);
        Tag t = tag(prefix, local);
        openTag(t);
        raw('>');
        push(t);
        childWritten = false;
    }

    /** Ends the element last started with {@link #start} or {@link #root}. */
    @Override
    public void end() {
        depth--;
        if (childWritten || depth == 0) {
            indent(depth);
        }
        closeTag(open[depth]);
        open[depth] = null;
        childWritten = true;
    }

    /**
     * Writes a leaf element with text, unless the text is {@code null}.
     *
     * @param prefix prefix
     * @param local  local name
     * @param text   content, or {@code null} to write nothing
     * @param attrs  attribute name/value pairs; pairs with a {@code null} value are left out
     */
    @Override
    public void leaf(String prefix, String local, String text, String... attrs) {
        if (text == null) {
            return;
        }
        indent(depth);
        Tag t = tag(prefix, local);
        openTag(t);
        attributes(attrs);
        raw('>');
        text(text, false);
        closeTag(t);
        childWritten = true;
    }

    /**
     * Writes base64 content in chunks, so that a large attachment is never held twice as text.
     *
     * @param prefix  prefix
     * @param local   local name
     * @param content the bytes
     * @param attrs   attribute name/value pairs
     */
    @Override
    public void binary(String prefix, String local, byte[] content, String... attrs) {
        indent(depth);
        Tag t = tag(prefix, local);
        openTag(t);
        attributes(attrs);
        raw('>');
        Base64.Encoder enc = Base64.getEncoder();
        int chunk = 3 * 4 * 1024;
        for (int off = 0; off < content.length; off += chunk) {
            int len = Math.min(chunk, content.length - off);
            byte[] encoded = enc.encode(Arrays.copyOfRange(content, off, off + len));
            raw(encoded, 0, encoded.length);
        }
        closeTag(t);
        childWritten = true;
    }

    /**
     * @param v a number in canonical form, or {@code null}
     * @return its plain text, or {@code null}
     */
    public static String num(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    /**
     * @param d a date, or {@code null}
     * @return {@code yyyy-MM-dd}, or {@code null}
     * @throws EInvoiceFormatException if the year is not between 1 and 9999, which the XML date forms
     *                                 cannot carry
     */
    public static String iso(LocalDate d) {
        return d == null ? null : fourDigitYear(d).toString();
    }

    private static LocalDate fourDigitYear(LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw EInvoiceFormatException.unsupported("the date " + d + " cannot be written: invoice dates have"
                    + " years from 0001 to 9999");
        }
        return d;
    }

    /**
     * @param d a date, or {@code null}
     * @return {@code yyyyMMdd} (format 102), or {@code null}
     */
    public static String basic(LocalDate d) {
        if (d == null) {
            return null;
        }
        int y = fourDigitYear(d).getYear();
        if (y < 1000) {
            return d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        }
        char[] c = new char[8];
        for (int i = 3; i >= 0; i--) {
            c[i] = (char) ('0' + y % 10);
            y /= 10;
        }
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        c[4] = (char) ('0' + m / 10);
        c[5] = (char) ('0' + m % 10);
        c[6] = (char) ('0' + day / 10);
        c[7] = (char) ('0' + day % 10);
        return new String(c);
    }

    /**
     * Closes the elements still open (as an {@code XMLStreamWriter} does at the end of the document),
     * ends with a line feed and flushes; does not close the underlying stream.
     */
    @Override
    public void close() {
        while (depth > 0) {
            depth--;
            closeTag(open[depth]);
        }
        raw('\n');
        flushBuffer();
        try {
            out.flush();
        } catch (IOException e) {
            throw EInvoiceFormatException.io("could not write the invoice XML: " + e.getMessage(), e);
        }
    }
}
