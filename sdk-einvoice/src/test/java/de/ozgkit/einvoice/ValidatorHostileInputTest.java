package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.xml.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input: the validator answers with an invalid report carrying one FATAL finding,
 * or, when the input cannot be read at all, with {@link EInvoiceValidationException}; never with a
 * hang, an out-of-memory or a half-done report. The timeout only turns a hang into a failure.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ValidatorHostileInputTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    private static ValidationReport validate(String xml) {
        return VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(ValidationReport report, String ruleId) {
        assertThat(report.valid()).isFalse();
        assertThat(report.processed()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ruleId);
            assertThat(f.severity()).isEqualTo(Severity.FATAL);
            assertThat(f.layer()).isEqualTo(ValidationLayer.XML_SCHEMA);
            assertThat(f.location()).isEqualTo("/");
            assertThat(f.message()).isNotBlank();
        });
        assertThat(report.variant()).isEmpty();
    }

    @Test
    void notXml_isRefusedAsMalformed() {
        assertRefused(validate("this is not XML"), EInvoiceValidator.RULE_MALFORMED);
        assertRefused(VALIDATOR.validate(new byte[0]), EInvoiceValidator.RULE_MALFORMED);
        assertRefused(VALIDATOR.validate(new byte[] {0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0, (byte) 0xff}),
                EInvoiceValidator.RULE_MALFORMED);
    }

    @Test
    void truncatedInvoice_isRefusedAsMalformed() {
        String xml = TestSuiteFiles.read(NegativeCases.CII);
        ValidationReport report = validate(xml.substring(0, xml.length() / 2));

        assertRefused(report, EInvoiceValidator.RULE_MALFORMED);
        assertThat(report.syntax()).contains(InvoiceSyntax.CII);
        assertThat(report.findings().get(0).message()).contains("line");
    }

    @Test
    void externalEntity_isRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<Invoice xmlns=\"" + InvoiceSyntax.UBL_INVOICE_NS + "\"><ID>&xxe;</ID></Invoice>";
        ValidationReport report = validate(xml);

        assertRefused(report, EInvoiceValidator.RULE_DOCTYPE);
        assertThat(report.toString()).doesNotContain("TOP-SECRET-CONTENT");
    }

    @Test
    void entityExpansion_isRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String xml = dtd + "<rsm:CrossIndustryInvoice xmlns:rsm=\"" + InvoiceSyntax.CII_NS + "\">&lol9;</rsm:CrossIndustryInvoice>";

        assertRefused(validate(xml), EInvoiceValidator.RULE_DOCTYPE);
    }

    @Test
    void undeclaredEntity_isRefusedAsMalformed() {
        assertRefused(validate("<Invoice xmlns=\"" + InvoiceSyntax.UBL_INVOICE_NS + "\">&boom;</Invoice>"),
                EInvoiceValidator.RULE_MALFORMED);
    }

    @Test
    void fiftyMegabytesOfNesting_isRefusedEarly() {
        long size = 50L * 1024 * 1024;
        CountingStream nested = new CountingStream("<rsm:CrossIndustryInvoice xmlns:rsm=\"" + InvoiceSyntax.CII_NS + "\">",
                "<a>", size);
        ValidationReport report = VALIDATOR.validate(nested);

        assertRefused(report, EInvoiceValidator.RULE_LIMIT);
        assertThat(report.findings().get(0).message()).contains("deeper than the limit");
        // refused at the depth limit, long before the end of the 50 MB
        assertThat(nested.served).isLessThan(1024 * 1024);
    }

    @Test
    void fiftyMegabytesOfNesting_withoutAnInvoiceRoot_isRefusedAtTheRoot() {
        CountingStream nested = new CountingStream("", "<a>", 50L * 1024 * 1024);

        assertRefused(VALIDATOR.validate(nested), EInvoiceValidator.RULE_ROOT);
        assertThat(nested.served).isLessThan(1024 * 1024);
    }

    @Test
    void documentOverTheSizeLimit_isRefused() {
        EInvoiceValidator small = EInvoiceValidator.builder().limits(XmlLimits.DEFAULT.withMaxBytes(64 * 1024)).build();
        // a real invoice padded with a long note: well-formed, but over the limit
        String xml = TestSuiteFiles.read(NegativeCases.UBL).replaceFirst("<cbc:Note>",
                "<cbc:Note>" + "x".repeat(100_000));
        ValidationReport report = small.validate(xml.getBytes(StandardCharsets.UTF_8));

        assertRefused(report, EInvoiceValidator.RULE_LIMIT);
        assertThat(report.findings().get(0).message()).contains("larger than the limit");
    }

    @Test
    void tooManyAttributes_isRefused() {
        StringBuilder xml = new StringBuilder("<Invoice xmlns=\"" + InvoiceSyntax.UBL_INVOICE_NS + "\"><ID");
        for (int i = 0; i < 500; i++) {
            xml.append(" a").append(i).append("=\"1\"");
        }
        xml.append("/></Invoice>");

        assertRefused(validate(xml.toString()), EInvoiceValidator.RULE_LIMIT);
    }

    @Test
    void wrongRootElement_isRefused() {
        assertRefused(validate("<html><body>invoice</body></html>"), EInvoiceValidator.RULE_ROOT);
        assertRefused(validate("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>"),
                EInvoiceValidator.RULE_ROOT);
    }

    @Test
    void invoiceRootInTheWrongNamespace_isRefused() {
        String noNamespace = TestSuiteFiles.read(NegativeCases.UBL)
                .replace("xmlns:ubl=\"" + InvoiceSyntax.UBL_INVOICE_NS + "\"", "xmlns:ubl=\"urn:example:not-ubl\"");
        ValidationReport report = validate(noNamespace);

        assertRefused(report, EInvoiceValidator.RULE_ROOT);
        assertThat(report.findings().get(0).message()).contains("urn:example:not-ubl");
        assertRefused(validate("<CrossIndustryInvoice/>"), EInvoiceValidator.RULE_ROOT);
    }

    @Test
    void schemaLocationHints_areNeverFetched() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.xsd";
            String xml = TestSuiteFiles.read(NegativeCases.UBL)
                    .replaceFirst("<ubl:Invoice ", "<ubl:Invoice xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                            + " xsi:schemaLocation=\"" + InvoiceSyntax.UBL_INVOICE_NS + " " + url + "\" ")
                    .replaceFirst("<cbc:CustomizationID>", "<ext:UBLExtensions xmlns:ext=\"urn:oasis:names:specification:"
                            + "ubl:schema:xsd:CommonExtensionComponents-2\"><ext:UBLExtension><ext:ExtensionContent>"
                            + "<y:z xmlns:y=\"urn:example:y\" xsi:schemaLocation=\"urn:example:y " + url + "\">v</y:z>"
                            + "</ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions><cbc:CustomizationID>");
            ValidationReport report = validate(xml);

            assertThat(report.processed()).isTrue();
            assertThat(report.toString()).doesNotContain("evil.xsd");
            // the schema may not fetch anything; the extension itself only draws EN 16931's warning
            assertThat(report.valid()).as(report.toString()).isTrue();
            assertThat(report.ruleIds()).contains("UBL-CR-001");
            assertThat(connections.get()).isZero();
        }
    }

    @Test
    void unreadableStream_throwsTypedException() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };

        assertThatThrownBy(() -> VALIDATOR.validate(broken))
                .isInstanceOf(EInvoiceValidationException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void missingFile_throwsTypedException(@TempDir Path dir) {
        assertThatThrownBy(() -> VALIDATOR.validate(dir.resolve("nope.xml")))
                .isInstanceOf(EInvoiceValidationException.class)
                .hasMessageContaining("does not exist");
    }

    /** Serves a prefix, then one fragment over and over up to a size, and counts what it served. */
    private static final class CountingStream extends InputStream {
        private final byte[] prefix;
        private final byte[] fragment;
        private final long size;
        private long served;

        CountingStream(String prefix, String fragment, long size) {
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
            this.fragment = fragment.getBytes(StandardCharsets.UTF_8);
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            long i = served++;
            return i < prefix.length ? prefix[(int) i] : fragment[(int) ((i - prefix.length) % fragment.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = 0;
            while (n < len && served < size) {
                b[off + n++] = (byte) read();
            }
            return n;
        }
    }
}
