package de.ozgkit.einvoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Checks what {@link ZugferdPdf#embed} produces with an independent implementation: Mustang's
 * {@code ZUGFeRDValidator}, which runs veraPDF for the PDF/A part and the official rule sets for the
 * embedded XML.
 */
class ZugferdPdfConformanceTest {

    @ParameterizedTest
    @EnumSource(ZugferdProfile.class)
    void embed_givesAPdfA3uThatVeraPdfAndMustangAccept(ZugferdProfile profile) {
        byte[] hybrid = ZugferdPdf.embed(TestPdfs.visualInvoice("Rechnung 123456XX"),
                SuiteFiles.read("01.01a-INVOICE_uncefact.xml"), profile);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(hybrid, "invoice.pdf");

        assertThat(report).contains("flavour=3u").contains("isCompliant=true");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
    }

    @Test
    void embed_pdfWhoseFontIsNotEmbedded_isRefused_asVeraPdfWouldRejectTheResult() throws Exception {
        byte[] cii = SuiteFiles.read("01.01a-INVOICE_uncefact.xml");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZugferdPdf.embed(withStandardFont(), cii,
                        ZugferdProfile.EN16931))
                .isInstanceOfSatisfying(ZugferdException.class,
                        e -> assertThat(e.kind()).isEqualTo(ZugferdException.Kind.NOT_PDFA_CAPABLE))
                .hasMessageContaining("Helvetica").hasMessageContaining("embed");

        // the same conversion done by Mustang alone cannot be PDF/A, and the oracle says so
        byte[] hybrid;
        try (org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3 exporter = new org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3()) {
            exporter.setZUGFeRDVersion(2).setProfile(org.mustangproject.ZUGFeRD.Profiles.getByName("EN16931"));
            exporter.load(withStandardFont());
            exporter.setXML(cii);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            hybrid = out.toByteArray();
        }
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(hybrid, "invoice.pdf");
        assertThat(report).contains("isCompliant=false");
        // note: Mustang's overall verdict (wasCompletelyValid) stays true here; only the PDF/A part says no
    }

    private static byte[] withStandardFont() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Rechnung");
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
