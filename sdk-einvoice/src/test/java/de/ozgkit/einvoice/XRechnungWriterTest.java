package de.ozgkit.einvoice;

import static de.ozgkit.einvoice.TestInvoices.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceType;
import de.ozgkit.einvoice.model.ThirdPartyPayment;
import de.ozgkit.einvoice.model.VatCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XRechnungWriterTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void write_minimalAndRichInvoices_areSchemaValid(InvoiceSyntax syntax) {
        XRechnungWriter w = XRechnungWriter.of(syntax);
        assertThat(Schemas.errors(w.toBytes(TestInvoices.minimal().build()))).isEmpty();
        assertThat(Schemas.errors(w.toBytes(TestInvoices.rich()))).isEmpty();
    }

    @Test
    void write_creditNote_isAUblCreditNote() {
        Invoice cn = TestInvoices.rich().toBuilder().type(InvoiceType.CREDIT_NOTE).build();
        String xml = text(XRechnungWriter.ubl().toBytes(cn));
        assertThat(xml).contains("<ubl:CreditNote xmlns:ubl=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"")
                .contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>")
                .contains("<cac:CreditNoteLine>").contains("<cbc:CreditedQuantity unitCode=\"HUR\">10</cbc:CreditedQuantity>")
                .contains("<cbc:PaymentDueDate>2024-06-01</cbc:PaymentDueDate>")
                .doesNotContain("<cbc:DueDate>").doesNotContain("ProjectReference");
        assertThat(Schemas.errors(xml.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(Schemas.errors(XRechnungWriter.cii().toBytes(cn))).isEmpty();
    }

    @Test
    void write_isDeterministic() {
        for (XRechnungWriter w : new XRechnungWriter[] {XRechnungWriter.ubl(), XRechnungWriter.cii()}) {
            byte[] a = w.toBytes(TestInvoices.rich());
            byte[] b = w.toBytes(TestInvoices.rich());
            assertThat(b).isEqualTo(a);
        }
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void write_minimal_matchesGoldenFile(InvoiceSyntax syntax) throws IOException {
        String name = "/golden/minimal-" + syntax.name().toLowerCase() + ".xml";
        byte[] actual = XRechnungWriter.of(syntax).toBytes(TestInvoices.minimal().build());
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            assertThat(text(actual)).isEqualTo(text(in.readAllBytes()));
        }
    }

    @Test
    void write_escapesMarkupInText() {
        String xml = text(XRechnungWriter.ubl().toBytes(TestInvoices.rich()));
        assertThat(xml).contains("Vielen Dank für Ihren Auftrag &amp; &lt;Ihr&gt; Vertrauen.")
                .contains("<cbc:Note>#ADU#Es gelten unsere AGB.</cbc:Note>");
    }

    @Test
    void write_subInvoiceLines_onlyInUbl() {
        InvoiceLine parent = TestInvoices.line("2", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                .addSubLine(TestInvoices.line("2.1", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19").build())
                .build();
        Invoice inv = TestInvoices.minimal().variant(XRechnungVariant.EXTENSION).addLine(parent).build();
        byte[] ubl = XRechnungWriter.ubl().toBytes(inv);
        assertThat(text(ubl)).contains("<cac:SubInvoiceLine>");
        assertThat(Schemas.errors(ubl)).isEmpty();
        assertThatThrownBy(() -> XRechnungWriter.cii().toBytes(inv))
                .isInstanceOfSatisfying(EInvoiceFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(EInvoiceFormatException.Reason.UNSUPPORTED_CONTENT))
                .hasMessageContaining("BG-DEX-01");
    }

    @Test
    void write_thirdPartyPayments_onlyInUblInvoices() {
        Invoice inv = TestInvoices.minimal().variant(XRechnungVariant.EXTENSION)
                .addThirdPartyPayment(new ThirdPartyPayment("Zuschuss", d("100.00"), "Förderprogramm")).build();
        byte[] ubl = XRechnungWriter.ubl().toBytes(inv);
        assertThat(text(ubl)).contains("<cac:PrepaidPayment>").contains("<cbc:PaidAmount currencyID=\"EUR\">100.00</cbc:PaidAmount>");
        assertThat(Schemas.errors(ubl)).isEmpty();
        assertThatThrownBy(() -> XRechnungWriter.cii().toBytes(inv)).isInstanceOf(EInvoiceFormatException.class);
        Invoice cn = inv.toBuilder().type(InvoiceType.CREDIT_NOTE).build();
        assertThatThrownBy(() -> XRechnungWriter.ubl().toBytes(cn)).isInstanceOf(EInvoiceFormatException.class);
    }

    @Test
    void write_toAFailingStream_throwsFormatExceptionWithReasonIo() {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> XRechnungWriter.ubl().write(TestInvoices.rich(), broken))
                .isInstanceOfSatisfying(EInvoiceFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(EInvoiceFormatException.Reason.IO))
                .hasMessageContaining("disk full");
    }

    @Test
    void writeToFile_replacesOnlyWhenComplete(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rechnung.xml");
        XRechnungWriter.cii().write(TestInvoices.minimal().build(), file);
        byte[] before = Files.readAllBytes(file);
        assertThat(Schemas.errors(before)).isEmpty();
        InvoiceLine parent = TestInvoices.line("2", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                .addSubLine(TestInvoices.line("2.1", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19").build()).build();
        Invoice unsupported = TestInvoices.minimal().addLine(parent).build();
        assertThatThrownBy(() -> XRechnungWriter.cii().write(unsupported, file)).isInstanceOf(EInvoiceFormatException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(file);
        }
    }
}
