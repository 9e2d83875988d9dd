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
    void oracle_rejectsAPdfWhoseFontIsNotEmbedded() {
        // the same conversion of a PDF with a non-embedded standard font cannot be PDF/A: the oracle must say so
        byte[] hybrid = ZugferdPdf.embed(withStandardFont(), SuiteFiles.read("01.01a-INVOICE_uncefact.xml"),
                ZugferdProfile.EN16931);
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
