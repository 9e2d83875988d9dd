package de.ozgkit.einvoice.internal.xml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, streaming layer over the JDK's {@link XMLStreamWriter}: indents with two spaces, skips
 * absent values (never writes an empty element) and formats dates and numbers the same way every
 * time, so that equal models give byte-identical documents.
 *
 * <p>Not thread-safe; one instance writes one document.
 */
public final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final XMLStreamWriter w;
    private final Writer text;
    private int depth;
    private boolean childWritten;

    /**
     * @param out the stream; flushed but not closed by {@link #close()}
     */
    public XmlOut(OutputStream out) {
        // the JDK's writer puts single bytes into an OutputStream; a buffered character writer lets it
        // hand over whole strings instead
        text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 14);
        try {
            w = FACTORY.createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    private static UncheckedIOException io(XMLStreamException e) {
        Throwable c = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        return new UncheckedIOException("could not write the invoice XML: " + e.getMessage(),
                c instanceof IOException ioe ? ioe : new IOException(e));
    }

    private void indent(int level) throws XMLStreamException {
        w.writeCharacters("\n");
        for (int i = 0; i < level; i++) {
            w.writeCharacters("  ");
        }
    }

    /**
     * Starts the root element and declares the namespaces.
     *
     * @param prefix     root prefix
     * @param local      root local name
     * @param namespaces pairs of prefix and namespace URI, the root's first
     */
    public void root(String prefix, String local, String... namespaces) {
        try {
            w.writeCharacters("\n");
            w.writeStartElement(prefix, local, namespaces[1]);
            for (int i = 0; i < namespaces.length; i += 2) {
                w.writeNamespace(namespaces[i], namespaces[i + 1]);
            }
            depth = 1;
            childWritten = false;
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    /**
     * Starts an element that will have child elements.
     *
     * @param prefix namespace prefix (declared on the root)
     * @param local  local name
     */
    public void start(String prefix, String local) {
        try {
            indent(depth);
            w.writeStartElement(prefix, local, "");
            depth++;
            childWritten = false;
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    /** Ends the element last started with {@link #start} or {@link #root}. */
    public void end() {
        try {
            depth--;
            if (childWritten || depth == 0) {
                indent(depth);
            }
            w.writeEndElement();
            childWritten = true;
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    /**
     * Writes a leaf element with text, unless the text is {@code null}.
     *
     * @param prefix prefix
     * @param local  local name
     * @param text   content, or {@code null} to write nothing
     * @param attrs  attribute name/value pairs; pairs with a {@code null} value are left out
     */
    public void leaf(String prefix, String local, String text, String... attrs) {
        if (text == null) {
            return;
        }
        try {
            indent(depth);
            w.writeStartElement(prefix, local, "");
            for (int i = 0; i < attrs.length; i += 2) {
                if (attrs[i + 1] != null) {
                    w.writeAttribute(attrs[i], attrs[i + 1]);
                }
            }
            w.writeCharacters(text);
            w.writeEndElement();
            childWritten = true;
        } catch (XMLStreamException e) {
            throw io(e);
        }
    }

    /**
     * Writes base64 content in chunks, so that a large attachment is never held twice as text.
     *
     * @param prefix  prefix
     * @param local   local name
     * @param content the bytes
     * @param attrs   attribute name/value pairs
     */
    public void binary(String prefix, String local, byte[] content, String... attrs) {
        try {
            indent(depth);
            w.writeStartElement(prefix, local, "");
            for (int i = 0; i < attrs.length; i += 2) {
                if (attrs[i + 1] != null) {
                    w.writeAttribute(attrs[i], attrs[i + 1]);
                }
            }
            java.util.Base64.Encoder enc = java.util.Base64.getEncoder();
            int chunk = 3 * 16 * 1024;
            for (int off = 0; off < content.length; off += chunk) {
                int len = Math.min(chunk, content.length - off);
                byte[] part = java.util.Arrays.copyOfRange(content, off, off + len);
                w.writeCharacters(enc.encodeToString(part));
            }
            w.writeEndElement();
            childWritten = true;
        } catch (XMLStreamException e) {
            throw io(e);
        }
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
     */
    public static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /**
     * @param d a date, or {@code null}
     * @return {@code yyyyMMdd} (format 102), or {@code null}
     */
    public static String basic(LocalDate d) {
        return d == null ? null : d.format(BASIC);
    }

    /** Ends the document and flushes; does not close the underlying stream. */
    @Override
    public void close() {
        try {
            w.writeEndDocument();
            w.writeCharacters("\n");
            w.flush();
            w.close();
            text.flush();
        } catch (XMLStreamException e) {
            throw io(e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the invoice XML: " + e.getMessage(), e);
        }
    }
}
