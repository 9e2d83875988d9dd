package de.ozgkit.einvoice.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;

/**
 * {@link XmlOut} writes exactly the bytes the JDK's {@code XMLStreamWriter} writes for the same calls
 * (the reference below does it the way the invoice writers did before XmlOut had its own encoder):
 * random text from every kind of character (markup, quotes, controls, umlauts, three-byte characters,
 * surrogate pairs and lone surrogates), long texts across the buffer boundary, deep nesting, attributes
 * and base64 content.
 */
class XmlOutTest {

    /** One call of the writer API, replayed on both writers. */
    private sealed interface Op permits Start, End, Leaf, Binary {
    }

    private record Start(String prefix, String local) implements Op {
    }

    private record End() implements Op {
    }

    private record Leaf(String prefix, String local, String text, String[] attrs) implements Op {
    }

    private record Binary(String prefix, String local, byte[] content, String[] attrs) implements Op {
    }

    private static byte[] ours(List<Op> ops) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlOut x = new XmlOut(bytes)) {
            x.root("rsm", "Root", "rsm", "urn:example:rsm", "ram", "urn:example:ram");
            for (Op op : ops) {
                if (op instanceof Start s) {
                    x.start(s.prefix(), s.local());
                } else if (op instanceof End) {
                    x.end();
                } else if (op instanceof Leaf l) {
                    x.leaf(l.prefix(), l.local(), l.text(), l.attrs());
                } else if (op instanceof Binary b) {
                    x.binary(b.prefix(), b.local(), b.content(), b.attrs());
                }
            }
            x.end();
        }
        return bytes.toByteArray();
    }

    /** The same document through the JDK's StAX writer, indented the same way. */
    private static byte[] reference(List<Op> ops) throws XMLStreamException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer text = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("rsm", "Root", "urn:example:rsm");
        w.writeNamespace("rsm", "urn:example:rsm");
        w.writeNamespace("ram", "urn:example:ram");
        int depth = 1;
        boolean child = false;
        for (Op op : ops) {
            if (op instanceof Start s) {
                w.writeCharacters("\n" + "  ".repeat(depth));
                w.writeStartElement(s.prefix(), s.local(), "");
                depth++;
                child = false;
            } else if (op instanceof End) {
                depth--;
                if (child) {
                    w.writeCharacters("\n" + "  ".repeat(depth));
                }
                w.writeEndElement();
                child = true;
            } else if (op instanceof Leaf l) {
                if (l.text() == null) {
                    continue;
                }
                w.writeCharacters("\n" + "  ".repeat(depth));
                w.writeStartElement(l.prefix(), l.local(), "");
                attributes(w, l.attrs());
                w.writeCharacters(l.text());
                w.writeEndElement();
                child = true;
            } else if (op instanceof Binary b) {
                w.writeCharacters("\n" + "  ".repeat(depth));
                w.writeStartElement(b.prefix(), b.local(), "");
                attributes(w, b.attrs());
                w.writeCharacters(java.util.Base64.getEncoder().encodeToString(b.content()));
                w.writeEndElement();
                child = true;
            }
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeEndDocument();
        w.writeCharacters("\n");
        w.flush();
        w.close();
        text.flush();
        return bytes.toByteArray();
    }

    private static void attributes(XMLStreamWriter w, String[] attrs) throws XMLStreamException {
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                w.writeAttribute(attrs[i], attrs[i + 1]);
            }
        }
    }

    private static final char[] INTERESTING = {'<', '>', '&', '"', '\'', '\t', '\n', '\r', ' ', ']', 'a', 'Z', '0',
            'ä', 'ß', 'é', '€', '\u2028', '\uFFFD', '\uD83D', '\uDE00', '\uD800', '\uDFFF', '\u007F', '\u0080', '\u07FF',
            '\u0800'};

    private static String randomText(Random r, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            if (kind == 0) {
                // a well-formed surrogate pair
                sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
            } else if (kind == 1) {
                sb.append((char) (0x20 + r.nextInt(0x5F)));
            } else {
                sb.append(INTERESTING[r.nextInt(INTERESTING.length)]);
            }
        }
        return sb.toString();
    }

    @Test
    void randomDocuments_areByteForByteWhatTheJdkWriterWrites() throws Exception {
        Random r = new Random(20240502);
        for (int doc = 0; doc < 200; doc++) {
            List<Op> ops = new ArrayList<>();
            int open = 0;
            for (int i = 0; i < 40; i++) {
                int what = r.nextInt(10);
                if (what < 3) {
                    ops.add(new Start("ram", "Group" + r.nextInt(5)));
                    open++;
                } else if (what < 5 && open > 0) {
                    ops.add(new End());
                    open--;
                } else if (what < 9) {
                    String text = r.nextInt(20) == 0 ? null : randomText(r, r.nextInt(30) == 0 ? 40_000 : 40);
                    String[] attrs = r.nextBoolean() ? new String[0]
                            : new String[] {"schemeID", r.nextInt(3) == 0 ? null : randomText(r, 12)};
                    ops.add(new Leaf(r.nextBoolean() ? "ram" : "udt", "Leaf", text, attrs));
                } else {
                    byte[] content = new byte[r.nextInt(r.nextInt(10) == 0 ? 100_000 : 100)];
                    r.nextBytes(content);
                    ops.add(new Binary("ram", "Attachment", content, new String[] {"mimeCode", "application/pdf"}));
                }
            }
            for (; open > 0; open--) {
                ops.add(new End());
            }
            assertThat(ours(ops)).as("document %d", doc).isEqualTo(reference(ops));
        }
    }

    @Test
    void deepNesting_beyondThePreparedIndentation_isIndentedLikeTheJdkWriter() throws Exception {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ops.add(new Start("ram", "Level"));
        }
        ops.add(new Leaf("ram", "ID", "deep", new String[0]));
        for (int i = 0; i < 150; i++) {
            ops.add(new End());
        }
        assertThat(ours(ops)).isEqualTo(reference(ops));
    }

    @Test
    void basicDate_isFormat102LikeTheJdkFormatter() {
        for (LocalDate d : List.of(LocalDate.of(2024, 5, 2), LocalDate.of(1999, 12, 31), LocalDate.of(1000, 1, 1),
                LocalDate.of(9999, 12, 31), LocalDate.of(999, 1, 9), LocalDate.of(1, 10, 20))) {
            assertThat(XmlOut.basic(d)).isEqualTo(d.format(DateTimeFormatter.BASIC_ISO_DATE));
        }
        // years the format cannot carry fail the same way
        for (LocalDate d : List.of(LocalDate.of(12345, 6, 7), LocalDate.of(-5, 3, 4))) {
            assertThatThrownBy(() -> d.format(DateTimeFormatter.BASIC_ISO_DATE)).isInstanceOf(java.time.DateTimeException.class);
            assertThatThrownBy(() -> XmlOut.basic(d)).isInstanceOf(java.time.DateTimeException.class);
        }
        assertThat(XmlOut.basic(null)).isNull();
    }

    @Test
    void failingStream_givesUncheckedIOExceptionWithTheCause() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> {
            try (XmlOut x = new XmlOut(broken)) {
                x.root("rsm", "Root", "rsm", "urn:example:rsm");
                x.leaf("ram", "Text", "x".repeat(100_000));
                x.end();
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    }
}
