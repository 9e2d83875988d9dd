package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.EInvoiceFormatException.Reason;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a document can be broken or malicious ends in a typed, located error. */
class HostileInputTest {

    private static final String UBL = new String(XRechnungWriter.ubl().toBytes(TestInvoices.rich()), StandardCharsets.UTF_8);
    private static final String CII = new String(XRechnungWriter.cii().toBytes(TestInvoices.rich()), StandardCharsets.UTF_8);

    private static EInvoiceFormatException fails(ThrowingCallable call, Reason reason) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(EInvoiceFormatException.class, e -> {
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
            caught[0] = e;
        });
        return (EInvoiceFormatException) caught[0];
    }

    private static EInvoiceFormatException read(String xml, Reason reason) {
        return fails(() -> EInvoices.read(xml.getBytes(StandardCharsets.UTF_8)), reason);
    }

    @Test
    void notXml_isRefused() {
        read("Sehr geehrte Damen und Herren, anbei die Rechnung.", Reason.NOT_XML);
        read("", Reason.NOT_XML);
        fails(() -> EInvoices.read(new byte[] {(byte) 0x25, 0x50, 0x44, 0x46, 0x00, (byte) 0xff, (byte) 0xfe}), Reason.NOT_XML);
        read("{\"invoice\": 1}", Reason.NOT_XML);
    }

    @Test
    void externalEntity_isRefusedBeforeAnythingIsFetched() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + UBL.substring(UBL.indexOf("<ubl:Invoice")).replace("RE-2024-0815", "&xxe;");
        EInvoiceFormatException e = read(xxe, Reason.UNSAFE_XML);
        assertThat(e.getMessage()).doesNotContain("root:");
        assertThat(e.line()).isPositive();
    }

    @Test
    void entityExpansion_isRefused() {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                lol.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            lol.append("\">");
        }
        lol.append("]>\n<lolz>&lol9;</lolz>");
        read(lol.toString(), Reason.UNSAFE_XML);
    }

    @Test
    void undeclaredEntity_isRefused() {
        read(UBL.replace("RE-2024-0815", "&nbsp;"), Reason.NOT_XML);
    }

    @Test
    void deepNesting_of50Megabytes_stopsAtTheDepthLimit() {
        byte[] root = "<ubl:Invoice xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"
                .getBytes(StandardCharsets.US_ASCII);
        InputStream deep = new InputStream() {
            private final byte[] open = "<a>".getBytes(StandardCharsets.US_ASCII);
            private long served;

            @Override
            public int read() {
                if (served >= 50L * 1024 * 1024) {
                    return -1;
                }
                long i = served++;
                return i < root.length ? root[(int) i] : open[(int) ((i - root.length) % 3)];
            }
        };
        EInvoiceFormatException e = fails(() -> XRechnungReader.create().read(deep), Reason.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("256");
    }

    @Test
    void oversizedDocument_isRefused() {
        fails(() -> XRechnungReader.create().withLimits(XmlLimits.DEFAULT.withMaxBytes(4096))
                .read(UBL.getBytes(StandardCharsets.UTF_8)), Reason.LIMIT_EXCEEDED);
    }

    @Test
    void wrongRoot_isRefused() {
        EInvoiceFormatException e = read("<?xml version=\"1.0\"?><Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>",
                Reason.UNKNOWN_ROOT);
        assertThat(e.getMessage()).contains("<Order>");
        assertThat(e.location()).isEqualTo("1:" + e.column());
    }

    @Test
    void wrongNamespace_isRefused() {
        read(UBL.replace("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "urn:example:invoice"),
                Reason.WRONG_NAMESPACE);
        read(CII.replace("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
                "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:13"), Reason.WRONG_NAMESPACE);
        read("<Invoice>x</Invoice>", Reason.WRONG_NAMESPACE);
    }

    @Test
    void truncatedDocument_isRefusedWithLocation() {
        for (String doc : new String[] {UBL, CII}) {
            EInvoiceFormatException e = read(doc.substring(0, doc.length() / 2), Reason.NOT_XML);
            assertThat(e.line()).isPositive();
            assertThat(e.getMessage()).contains("(line " + e.line() + ", column ");
        }
    }

    @Test
    void trailingGarbage_isRefused() {
        read(UBL + "<more/>", Reason.NOT_XML);
    }

    @Test
    void badDate_isRefusedWithTheElementAndLocation() {
        EInvoiceFormatException e = read(UBL.replace("<cbc:IssueDate>2024-05-02", "<cbc:IssueDate>2024-13-45"),
                Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("IssueDate").contains("2024-13-45");
        assertThat(e.line()).isEqualTo(lineOf(UBL, "<cbc:IssueDate>"));
        read(CII.replace("<udt:DateTimeString format=\"102\">20240502", "<udt:DateTimeString format=\"102\">02.05.2024"),
                Reason.INVALID_VALUE);
        read(CII.replace("<udt:DateTimeString format=\"102\">20240502", "<udt:DateTimeString format=\"610\">202405"),
                Reason.INVALID_VALUE);
    }

    @Test
    void badAmount_isRefused() {
        EInvoiceFormatException e = read(UBL.replace(">1075.57</cbc:PayableAmount>", ">1.075,57</cbc:PayableAmount>"),
                Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains("PayableAmount").contains("1.075,57");
        read(CII.replace("<ram:LineTotalAmount>874.50", "<ram:LineTotalAmount>8.745E2"), Reason.INVALID_VALUE);
        read(UBL.replace("<cbc:ChargeIndicator>true", "<cbc:ChargeIndicator>yes"), Reason.INVALID_VALUE);
        read(CII.replace("JVBERi0xLjQgdGVzdCBhdHRhY2htZW50", "%%%not base64%%%"), Reason.INVALID_VALUE);
        // more digits than the model holds (1,001 before or after the point)
        EInvoiceFormatException huge = read(UBL.replace(">1075.57</cbc:PayableAmount>", ">1" + "0".repeat(1000)
                + "</cbc:PayableAmount>"), Reason.INVALID_VALUE);
        assertThat(huge.getMessage()).contains("PayableAmount").contains("1000 digits");
        read(CII.replace("<ram:LineTotalAmount>874.50", "<ram:LineTotalAmount>0." + "0".repeat(1000) + "1"),
                Reason.INVALID_VALUE);
    }

    @Test
    void missingMandatoryElements_areRefused() {
        read(UBL.replace("<cbc:ID>RE-2024-0815</cbc:ID>", ""), Reason.MISSING_ELEMENT);
        read(UBL.replaceAll("(?s)<cac:LegalMonetaryTotal>.*</cac:LegalMonetaryTotal>", ""), Reason.MISSING_ELEMENT);
        read(UBL.replaceAll("(?s)<cac:AccountingSupplierParty>.*</cac:AccountingSupplierParty>", ""), Reason.MISSING_ELEMENT);
        read(CII.replaceAll("(?s)<ram:SellerTradeParty>.*</ram:SellerTradeParty>", ""), Reason.MISSING_ELEMENT);
        read(CII.replaceAll("(?s)<ram:SpecifiedTradeSettlementHeaderMonetarySummation>.*</ram:SpecifiedTradeSettlementHeaderMonetarySummation>", ""),
                Reason.MISSING_ELEMENT);
        read(CII.replace("<ram:LineID>2</ram:LineID>", ""), Reason.MISSING_ELEMENT);
    }

    @Test
    void failedConversion_leavesNoOutputFile(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.xml");
        Files.writeString(in, UBL.substring(0, 500));
        Path out = dir.resolve("out.xml");
        fails(() -> EInvoices.convert(in, InvoiceSyntax.CII, out), Reason.NOT_XML);
        assertThat(out).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(in);
        }
        fails(() -> EInvoices.read(dir.resolve("missing.xml")), Reason.IO);
    }

    private static int lineOf(String doc, String marker) {
        String before = doc.substring(0, doc.indexOf(marker));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}
