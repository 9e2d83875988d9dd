package de.ozgkit.einvoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.xml.XmlParseException;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.model.Invoice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ZugferdPdfTest {

    private static final String FX_NS = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
    private static final String CII = "01.01a-INVOICE_uncefact.xml";

    static List<Path> ciiFiles() {
        return SuiteFiles.ciiFiles();
    }

    @ParameterizedTest
    @EnumSource(ZugferdProfile.class)
    void embed_declaresPdfA3AndFacturXMetadata_andExtractGivesIdenticalXml(ZugferdProfile profile) throws Exception {
        byte[] xml = SuiteFiles.read(CII);
        byte[] pdf = TestPdfs.visualInvoice("Rechnung 123456XX");

        byte[] hybrid = ZugferdPdf.embed(pdf, xml, profile);

        EmbeddedInvoice back = ZugferdPdf.extractInvoice(hybrid);
        assertThat(back.xml()).isEqualTo(xml);
        assertThat(back.fileName()).isEqualTo(profile.fileName());
        assertThat(back.relationship()).isEqualTo("Alternative");

        try (PDDocument doc = Loader.loadPDF(hybrid)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rechnung 123456XX");
            XMPMetadata xmp = new DomXmpParser().parse(doc.getDocumentCatalog().getMetadata().toByteArray());
            PDFAIdentificationSchema pdfa = xmp.getPDFAIdentificationSchema();
            assertThat(pdfa.getPart()).isEqualTo(3);
            assertThat(pdfa.getConformance()).isEqualTo("U");
            XMPSchema fx = xmp.getSchema(FX_NS);
            assertThat(fx).as("Factur-X XMP schema").isNotNull();
            assertThat(fx.getUnqualifiedTextPropertyValue("DocumentType")).isEqualTo("INVOICE");
            assertThat(fx.getUnqualifiedTextPropertyValue("DocumentFileName")).isEqualTo(profile.fileName());
            assertThat(fx.getUnqualifiedTextPropertyValue("ConformanceLevel")).isEqualTo(profile.conformanceLevel());
            assertThat(fx.getUnqualifiedTextPropertyValue("Version"))
                    .isEqualTo(profile == ZugferdProfile.XRECHNUNG ? "3.0" : "1.0");
            // the PDF/A extension schema must declare the fx namespace, or PDF/A validators reject the XMP
            String rawXmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(rawXmp).contains("pdfaExtension:schemas").contains(FX_NS);
            assertThat(doc.getDocumentCatalog().getOutputIntents()).isNotEmpty();
            assertThat(doc.isEncrypted()).isFalse();

            // the catalog's /AF array references the embedded invoice with its relationship and MIME type
            COSArray af = (COSArray) deref(doc.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.AF));
            assertThat(af.size()).isEqualTo(1);
            PDComplexFileSpecification spec = new PDComplexFileSpecification((COSDictionary) deref(af.get(0)));
            assertThat(spec.getFileUnicode()).isEqualTo(profile.fileName());
            assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Alternative");
            assertThat(spec.getEmbeddedFile().getSubtype()).isEqualTo("text/xml");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciiFiles")
    void embedThenExtract_everySuiteInvoice_isByteIdentical(Path file) throws IOException {
        byte[] xml = Files.readAllBytes(file);
        byte[] hybrid = ZugferdPdf.embed(TestPdfs.visualInvoice(file.getFileName().toString()), xml,
                ZugferdProfile.XRECHNUNG);
        assertThat(ZugferdPdf.extract(hybrid)).isEqualTo(xml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciiFiles")
    void embedInvoiceModel_thenReadInvoice_givesTheEqualModel(Path file) throws IOException {
        Invoice invoice = EInvoices.read(Files.readAllBytes(file));
        byte[] hybrid = ZugferdPdf.embed(TestPdfs.visualInvoice("x"), invoice, ZugferdProfile.XRECHNUNG);
        assertThat(ZugferdPdf.extract(hybrid)).isEqualTo(EInvoices.write(invoice, InvoiceSyntax.CII));
        assertThat(ZugferdPdf.readInvoice(hybrid)).isEqualTo(invoice);
    }

    @Test
    void embed_ublInvoice_isRefusedAsNotCii() {
        byte[] ubl = SuiteFiles.read("01.01a-INVOICE_ubl.xml");
        assertKind(() -> ZugferdPdf.embed(TestPdfs.visualInvoice("x"), ubl, ZugferdProfile.EN16931),
                ZugferdException.Kind.NOT_CII, "UBL");
    }

    @Test
    void embed_otherXmlOrWrongNamespace_isRefusedAsNotCii() {
        byte[] pdf = TestPdfs.visualInvoice("x");
        assertKind(() -> ZugferdPdf.embed(pdf, utf8("<html><body/></html>"), ZugferdProfile.EN16931),
                ZugferdException.Kind.NOT_CII, "CrossIndustryInvoice");
        // the right local name in the ZUGFeRD 1.0 namespace is not CII D16B
        assertKind(() -> ZugferdPdf.embed(pdf, utf8(
                "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:ferd:CrossIndustryDocument:invoice:1p0\"/>"),
                ZugferdProfile.EN16931), ZugferdException.Kind.NOT_CII, "urn:ferd");
    }

    @Test
    void embed_malformedTruncatedOrHostileXml_isRefusedAsNotXml() {
        byte[] pdf = TestPdfs.visualInvoice("x");
        byte[] valid = SuiteFiles.read(CII);
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rsm:CrossIndustryInvoice xmlns:rsm=\"" + CiiDocuments.CII_NS + "\">&x;</rsm:CrossIndustryInvoice>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<rsm:CrossIndustryInvoice xmlns:rsm=\"" + CiiDocuments.CII_NS + "\">&b;</rsm:CrossIndustryInvoice>";
        for (byte[] bad : List.of(utf8("not xml at all"), new byte[0], truncated, utf8(xxe), utf8(laughs))) {
            assertKind(() -> ZugferdPdf.embed(pdf, bad, ZugferdProfile.EN16931), ZugferdException.Kind.NOT_XML, "");
        }
        ZugferdException e = catchZ(() -> ZugferdPdf.embed(pdf, utf8(xxe), ZugferdProfile.EN16931));
        assertThat(e.getCause()).isInstanceOf(XmlParseException.class);
        assertThat(((XmlParseException) e.getCause()).reason()).isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void embed_deeplyNestedXml_isRefusedAsNotXml() {
        StringBuilder sb = new StringBuilder("<rsm:CrossIndustryInvoice xmlns:rsm=\"" + CiiDocuments.CII_NS + "\">");
        sb.append("<a>".repeat(10_000)).append("</a>".repeat(10_000)).append("</rsm:CrossIndustryInvoice>");
        ZugferdException e = catchZ(() -> ZugferdPdf.embed(TestPdfs.visualInvoice("x"), utf8(sb.toString()),
                ZugferdProfile.EN16931));
        assertThat(e.kind()).isEqualTo(ZugferdException.Kind.NOT_XML);
        assertThat(((XmlParseException) e.getCause()).reason()).isEqualTo(XmlParseException.Reason.TOO_DEEP);
    }

    @Test
    void embed_specificationIdentifierNotFittingProfile_isRefused() {
        byte[] pdf = TestPdfs.visualInvoice("x");
        byte[] xml = SuiteFiles.read(CII);
        String s = new String(xml, StandardCharsets.UTF_8);
        byte[] plainEn16931 = utf8(s.replace("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
                "urn:cen.eu:en16931:2017"));
        byte[] foreign = utf8(s.replace("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
                "urn:example:not-en16931"));
        byte[] none = utf8(s.replaceFirst("(?s)<ram:GuidelineSpecifiedDocumentContextParameter>.*?"
                + "</ram:GuidelineSpecifiedDocumentContextParameter>", ""));

        assertKind(() -> ZugferdPdf.embed(pdf, plainEn16931, ZugferdProfile.XRECHNUNG),
                ZugferdException.Kind.PROFILE_MISMATCH, "XRechnung 3.0");
        assertThat(ZugferdPdf.extract(ZugferdPdf.embed(pdf, plainEn16931, ZugferdProfile.EN16931))).isEqualTo(plainEn16931);
        assertKind(() -> ZugferdPdf.embed(pdf, foreign, ZugferdProfile.EN16931),
                ZugferdException.Kind.PROFILE_MISMATCH, "urn:cen.eu:en16931:2017");
        assertKind(() -> ZugferdPdf.embed(pdf, none, ZugferdProfile.EN16931),
                ZugferdException.Kind.PROFILE_MISMATCH, "BT-24");
    }

    @Test
    void embedOrExtract_notAPdf_isRefused() {
        byte[] xml = SuiteFiles.read(CII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        for (byte[] notPdf : List.of(new byte[0], utf8("hello"), png, xml)) {
            assertKind(() -> ZugferdPdf.embed(notPdf, xml, ZugferdProfile.EN16931), ZugferdException.Kind.NOT_A_PDF, "%PDF-");
            assertKind(() -> ZugferdPdf.extract(notPdf), ZugferdException.Kind.NOT_A_PDF, "%PDF-");
        }
    }

    @Test
    void embedOrExtract_corruptPdf_isRefused() {
        byte[] xml = SuiteFiles.read(CII);
        byte[] garbage = utf8("%PDF-1.7\n" + "garbage ".repeat(200));
        assertKind(() -> ZugferdPdf.embed(garbage, xml, ZugferdProfile.EN16931), ZugferdException.Kind.CORRUPT_PDF, "damaged");
        assertKind(() -> ZugferdPdf.extract(garbage), ZugferdException.Kind.CORRUPT_PDF, "damaged");
    }

    @Test
    void extract_truncatedHybrid_isRefusedAndNeverReturnsPartialXml() {
        byte[] xml = SuiteFiles.read(CII);
        byte[] hybrid = ZugferdPdf.embed(TestPdfs.visualInvoice("x"), xml, ZugferdProfile.EN16931);
        for (int cut : new int[] {hybrid.length / 4, hybrid.length / 2, hybrid.length - 200}) {
            byte[] truncated = Arrays.copyOf(hybrid, cut);
            try {
                byte[] got = ZugferdPdf.extract(truncated);
                // a lenient parser may still find the complete stream before the cut: then it must be whole
                assertThat(got).isEqualTo(xml);
            } catch (ZugferdException e) {
                assertThat(e.kind()).isIn(ZugferdException.Kind.CORRUPT_PDF, ZugferdException.Kind.NO_EMBEDDED_INVOICE);
            }
        }
    }

    @Test
    void embedOrExtract_encryptedPdf_isRefused() {
        byte[] xml = SuiteFiles.read(CII);
        for (String userPassword : List.of("", "user-secret")) {
            byte[] enc = TestPdfs.encrypted(userPassword);
            ZugferdException e = catchZ(() -> ZugferdPdf.embed(enc, xml, ZugferdProfile.EN16931));
            assertThat(e.kind()).isEqualTo(ZugferdException.Kind.ENCRYPTED_PDF);
            assertThat(e.getMessage()).contains("encrypt").doesNotContain("secret");
            assertKind(() -> ZugferdPdf.extract(enc), ZugferdException.Kind.ENCRYPTED_PDF, "encrypt");
        }
    }

    @Test
    void extract_pdfWithoutInvoice_isRefused() {
        assertKind(() -> ZugferdPdf.extract(TestPdfs.visualInvoice("plain")),
                ZugferdException.Kind.NO_EMBEDDED_INVOICE, "factur-x.xml");
        byte[] otherAttachment = TestPdfs.withAttachment("notes.xml", TestPdfs.stream(utf8("<notes/>")), false);
        assertKind(() -> ZugferdPdf.extract(otherAttachment), ZugferdException.Kind.NO_EMBEDDED_INVOICE, "factur-x.xml");
    }

    @Test
    void extract_invoiceEmbeddedByAnotherWriterWithFlate_isRead() {
        byte[] xml = SuiteFiles.read(CII);
        byte[] pdf = TestPdfs.withAttachment("factur-x.xml", TestPdfs.stream(xml), true);
        assertThat(ZugferdPdf.extractInvoice(pdf).xml()).isEqualTo(xml);
        assertThat(ZugferdPdf.extractInvoice(pdf).relationship()).isEmpty();
    }

    @Test
    void extract_compressionBomb_stopsAtTheLimit() {
        // 100 MiB of zeros compress to about 100 KiB; the reader must stop at 64 MiB, not inflate everything
        long size = 100L * 1024 * 1024;
        InputStream zeros = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        byte[] bomb = TestPdfs.withAttachment("factur-x.xml", zeros, true);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertKind(() -> ZugferdPdf.extract(bomb), ZugferdException.Kind.TOO_LARGE, "limit");
    }

    @Test
    void extract_cyclicNameTree_isRefusedAsCorrupt() {
        assertKind(() -> ZugferdPdf.extract(TestPdfs.cyclicNameTree()), ZugferdException.Kind.CORRUPT_PDF, "cyclic");
    }

    @Test
    void embed_pdfThatAlreadyCarriesAnInvoice_isRefused() {
        byte[] xml = SuiteFiles.read(CII);
        byte[] hybrid = ZugferdPdf.embed(TestPdfs.visualInvoice("x"), xml, ZugferdProfile.EN16931);
        assertKind(() -> ZugferdPdf.embed(hybrid, xml, ZugferdProfile.XRECHNUNG),
                ZugferdException.Kind.ALREADY_CONTAINS_INVOICE, "factur-x.xml");
    }

    @Test
    void embeddedInvoice_copiesItsBytes() {
        byte[] xml = utf8("<x/>");
        EmbeddedInvoice inv = new EmbeddedInvoice("factur-x.xml", "Alternative", xml);
        xml[0] = 'X';
        inv.xml()[1] = 'Y';
        assertThat(inv.xml()).isEqualTo(utf8("<x/>"));
        assertThat(inv).isEqualTo(new EmbeddedInvoice("factur-x.xml", "Alternative", utf8("<x/>")));
        assertThat(inv.toString()).contains("4 bytes");
    }

    private static COSBase deref(COSBase b) {
        return b instanceof COSObject o ? o.getObject() : b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ZugferdException catchZ(Runnable r) {
        try {
            r.run();
        } catch (ZugferdException e) {
            return e;
        }
        throw new AssertionError("expected a ZugferdException");
    }

    private static void assertKind(Runnable r, ZugferdException.Kind kind, String messagePart) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ZugferdException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    @SuppressWarnings("unused")
    private static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
