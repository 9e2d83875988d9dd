package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credit notes, other encodings, and the three ways to hand in a document. */
class ValidatorDocumentFormsTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    @Test
    void ublCreditNote_isRecognisedAndValid() {
        String creditNote = TestSuiteFiles.read(NegativeCases.UBL)
                .replace("ubl:Invoice", "ubl:CreditNote")
                .replace(InvoiceSyntax.UBL_INVOICE_NS, InvoiceSyntax.UBL_CREDIT_NOTE_NS)
                .replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .replace("cac:InvoiceLine>", "cac:CreditNoteLine>")
                .replace("cbc:InvoicedQuantity", "cbc:CreditedQuantity");
        ValidationReport report = VALIDATOR.validate(creditNote.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).as(report.toString()).isEmpty();
        assertThat(report.syntax()).contains(InvoiceSyntax.UBL);
        assertThat(report.variant()).contains(XRechnungVariant.STANDARD);
    }

    @Test
    void creditNoteWithInvoiceLines_isASchemaError() {
        String mixed = TestSuiteFiles.read(NegativeCases.UBL)
                .replace("ubl:Invoice", "ubl:CreditNote")
                .replace(InvoiceSyntax.UBL_INVOICE_NS, InvoiceSyntax.UBL_CREDIT_NOTE_NS);
        ValidationReport report = VALIDATOR.validate(mixed.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).allSatisfy(f -> assertThat(f.location()).startsWith("/cn:CreditNote[1]"));
        assertThat(report.errors()).anySatisfy(f -> assertThat(f.layer()).isEqualTo(ValidationLayer.XML_SCHEMA));
    }

    @Test
    void utf16Invoice_isValidToo() {
        String xml = TestSuiteFiles.read(NegativeCases.CII).replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        ValidationReport report = VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_16));

        assertThat(report.errors()).as(report.toString()).isEmpty();
        assertThat(report.syntax()).contains(InvoiceSyntax.CII);
    }

    @Test
    void bytesStreamAndFile_giveTheSameReport(@TempDir Path dir) throws IOException {
        NegativeCases.Case c = NegativeCases.ALL.get(3);
        byte[] xml = c.xml().getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("invoice.xml"), xml);

        ValidationReport fromBytes = VALIDATOR.validate(xml);
        assertThat(VALIDATOR.validate(new ByteArrayInputStream(xml))).isEqualTo(fromBytes);
        assertThat(VALIDATOR.validate(file)).isEqualTo(fromBytes);
        assertThat(fromBytes.valid()).isFalse();
    }
}
