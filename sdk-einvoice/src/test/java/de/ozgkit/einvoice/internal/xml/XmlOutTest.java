package de.ozgkit.einvoice.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import de.ozgkit.einvoice.EInvoiceFormatException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link XmlOut} writes exactly the bytes of {@link StaxXmlSink}, the same sink on the JDK's
 * {@code XMLStreamWriter}, for the same calls; both write every character XML 1.0 can carry so that a
 * parser reads it back equal, and refuse the others:
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
        replay(new XmlOut(bytes), ops);
        return bytes.toByteArray();
    }

    /** The same calls through the JDK's StAX writer ({@link StaxXmlSink}). */
    private static byte[] reference(List<Op> ops) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        replay(new StaxXmlSink(bytes), ops);
        return bytes.toByteArray();
    }

    private static void replay(XmlSink x, List<Op> ops) {
        try (x) {
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
    }

    private static final char[] INTERESTING = {'<', '>', '&', '"', '\'', '\t', '\n', '\r', ' ', ']', 'a', 'Z', '0',
            'ä', 'ß', 'é', '€', '\u2028', '\uFFFD', '\u007F', '\u0080', '\u0085', '\u07FF', '\u0800', '\uFDD0',
            '\u1E9E'};

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
    void randomDocuments_areByteForByteWhatTheJdkWriterSinkWrites() throws Exception {
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
        // years the XML date forms cannot carry are refused (the readers take four-digit years only)
        for (LocalDate d : List.of(LocalDate.of(12345, 6, 7), LocalDate.of(-5, 3, 4), LocalDate.of(0, 1, 1))) {
            assertThatThrownBy(() -> XmlOut.basic(d)).isInstanceOf(EInvoiceFormatException.class).hasMessageContaining("0001 to 9999");
            assertThatThrownBy(() -> XmlOut.iso(d)).isInstanceOf(EInvoiceFormatException.class).hasMessageContaining("0001 to 9999");
        }
        assertThat(XmlOut.basic(null)).isNull();
    }

    @Test
    void everyLegalCharacter_readsBackEqual_inTextAndAttributes() throws Exception {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            String text = randomText(r, 60);
            String attr = randomText(r, 20);
            for (boolean own : new boolean[] {true, false}) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (XmlSink x = own ? new XmlOut(bytes) : new StaxXmlSink(bytes)) {
                    x.root("rsm", "Root", "rsm", "urn:example:rsm");
                    x.leaf("rsm", "Leaf", text, "a", attr);
                    x.end();
                }
                javax.xml.stream.XMLStreamReader in = de.ozgkit.core.xml.SecureXml.streamReader(
                        new java.io.ByteArrayInputStream(bytes.toByteArray()), de.ozgkit.core.xml.XmlLimits.DEFAULT);
                in.nextTag();
                in.nextTag();
                assertThat(in.getAttributeValue(null, "a")).as("attribute, %s writer", own ? "own" : "JDK").isEqualTo(attr);
                assertThat(in.getElementText()).as("text, %s writer", own ? "own" : "JDK").isEqualTo(text);
            }
        }
    }

    @Test
    void carriageReturnAndAttributeWhiteSpace_areCharacterReferences() {
        List<Op> ops = List.of(new Leaf("ram", "Note", "a\r\nb\rc\td\ne", new String[] {"x", "1\t2\n3\r4\"5"}));
        String xml = new String(ours(ops), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ram:Note x=\"1&#9;2&#10;3&#13;4&quot;5\">a&#13;\nb&#13;c\td\ne</ram:Note>");
        assertThat(reference(ops)).isEqualTo(ours(ops));
    }

    @Test
    void charactersXmlCannotCarry_areRefusedByBothWriters() {
        for (String bad : List.of("a\u0007b", "\u0000", "x\uD800", "\uDC00y", "\uFFFE", "\uFFFF", "\u001F")) {
            List<Op> ops = List.of(new Leaf("ram", "Text", bad, new String[0]));
            assertThatThrownBy(() -> ours(ops)).isInstanceOf(EInvoiceFormatException.class)
                    .hasMessageContaining("XML 1.0 cannot carry");
            assertThatThrownBy(() -> reference(ops)).isInstanceOf(EInvoiceFormatException.class)
                    .hasMessageContaining("XML 1.0 cannot carry");
            List<Op> inAttribute = List.of(new Leaf("ram", "Text", "ok", new String[] {"a", bad}));
            assertThatThrownBy(() -> ours(inAttribute)).isInstanceOf(EInvoiceFormatException.class);
            assertThatThrownBy(() -> reference(inAttribute)).isInstanceOf(EInvoiceFormatException.class);
        }
    }

    @Test
    void failingStream_givesFormatExceptionWithReasonIoAndTheCause() {
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
        }).isInstanceOf(EInvoiceFormatException.class).hasMessageContaining("disk full")
                .satisfies(e -> assertThat(((EInvoiceFormatException) e).reason()).isEqualTo(EInvoiceFormatException.Reason.IO))
                .hasCauseInstanceOf(IOException.class);
    }
}
