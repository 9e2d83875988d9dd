package de.ozgkit.einvoice;

import static de.ozgkit.einvoice.TestInvoices.d;
import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceType;
import de.ozgkit.einvoice.model.ThirdPartyPayment;
import de.ozgkit.einvoice.model.VatCategory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XRechnungReaderTest {

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void readWrite_richInvoice_roundTripsToAnEqualModel(InvoiceSyntax syntax) {
        Invoice rich = TestInvoices.rich();
        byte[] xml = XRechnungWriter.of(syntax).toBytes(rich);
        Invoice back = XRechnungReader.create().read(xml);
        assertThat(back).isEqualTo(rich);
        assertThat(EInvoices.detectSyntax(xml)).isEqualTo(syntax);
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void readWrite_creditNote_roundTrips(InvoiceSyntax syntax) {
        Invoice cn = TestInvoices.rich().toBuilder().type(InvoiceType.CREDIT_NOTE).build();
        assertThat(XRechnungReader.create().read(XRechnungWriter.of(syntax).toBytes(cn))).isEqualTo(cn);
    }

    @Test
    void readWrite_ublExtensionContent_roundTrips() {
        InvoiceLine parent = TestInvoices.line("2", "1", "C62", "10.00", VatCategory.STANDARD_RATE, "19")
                .addSubLine(TestInvoices.line("2.1", "2", "C62", "5.00", VatCategory.STANDARD_RATE, "19").build())
                .build();
        Invoice inv = TestInvoices.minimal().variant(XRechnungVariant.EXTENSION).addLine(parent)
                .addThirdPartyPayment(new ThirdPartyPayment("Zuschuss", d("10.00"), "Förderung")).build();
        assertThat(XRechnungReader.create().read(XRechnungWriter.ubl().toBytes(inv))).isEqualTo(inv);
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void readWrite_directDebitWithPayee_keepsTheCreditorIdentifier(InvoiceSyntax syntax) {
        Invoice inv = TestInvoices.minimal()
                .payee(new de.ozgkit.einvoice.model.Payee("Inkasso GmbH", null, null))
                .paymentInstructions(de.ozgkit.einvoice.model.PaymentInstructions
                        .sepaDirectDebit("MANDAT-7", "DE98ZZZ09999999999", "DE02120300000000202051")
                        .withRemittanceInformation("RE-2024-0001"))
                .build();
        byte[] xml = XRechnungWriter.of(syntax).toBytes(inv);
        assertThat(Schemas.errors(xml)).isEmpty();
        if (syntax == InvoiceSyntax.UBL) {
            // EN 16931 puts BT-90 on the payee when there is one
            assertThat(new String(xml, StandardCharsets.UTF_8)).containsPattern(
                    "(?s)<cac:PayeeParty>\\s*<cac:PartyIdentification>\\s*<cbc:ID schemeID=\"SEPA\">DE98ZZZ09999999999");
        }
        assertThat(XRechnungReader.create().read(xml)).isEqualTo(inv);
    }

    @ParameterizedTest
    @EnumSource(InvoiceSyntax.class)
    void readWrite_cvdVariant_roundTrips(InvoiceSyntax syntax) {
        Invoice cvd = TestInvoices.minimal().variant(XRechnungVariant.CVD).contractReference("V-1").tenderOrLotReference("LOS-1")
                .addLine(TestInvoices.line("2", "1", "C62", "45000.00", VatCategory.STANDARD_RATE, "19")
                        .item(new de.ozgkit.einvoice.model.Item("Elektrobus", null, null, null, null,
                                java.util.List.of(new de.ozgkit.einvoice.model.Classification("M3", "CVD", null)), null,
                                java.util.List.of(new de.ozgkit.einvoice.model.ItemAttribute("cva", "CLEAN")))).build())
                .build();
        Invoice back = XRechnungReader.create().read(XRechnungWriter.of(syntax).toBytes(cvd));
        assertThat(back).isEqualTo(cvd);
        assertThat(back.variant()).contains(XRechnungVariant.CVD);
    }

    @Test
    void convert_ublToCiiAndBack_keepsTheModel(@TempDir Path dir) {
        Invoice rich = TestInvoices.rich();
        byte[] ubl = EInvoices.write(rich, InvoiceSyntax.UBL);
        byte[] cii = EInvoices.convert(ubl, InvoiceSyntax.CII);
        assertThat(EInvoices.detectSyntax(cii)).isEqualTo(InvoiceSyntax.CII);
        assertThat(Schemas.errors(cii)).isEmpty();
        assertThat(EInvoices.read(cii)).isEqualTo(rich);
        assertThat(EInvoices.convert(cii, InvoiceSyntax.UBL)).isEqualTo(ubl);
        Path in = dir.resolve("in.xml");
        Path out = dir.resolve("out.xml");
        XRechnungWriter.ubl().write(rich, in);
        EInvoices.convert(in, InvoiceSyntax.CII, out);
        assertThat(EInvoices.read(out)).isEqualTo(rich);
        assertThat(EInvoices.read(new ByteArrayInputStream(cii))).isEqualTo(rich);
    }

    @Test
    void read_keepsFreeTextVerbatim_andSplitsTheUblNoteSubjectCode() {
        String ubl = new String(XRechnungWriter.ubl().toBytes(TestInvoices.minimal().build()), StandardCharsets.UTF_8)
                .replace("<cbc:DocumentCurrencyCode>", "<cbc:Note>#AAI#  Zeile 1\nZeile 2  </cbc:Note>\n<cbc:DocumentCurrencyCode>");
        Invoice inv = EInvoices.read(ubl.getBytes(StandardCharsets.UTF_8));
        assertThat(inv.notes()).hasSize(1);
        assertThat(inv.notes().get(0).subjectCode()).isEqualTo("AAI");
        assertThat(inv.notes().get(0).text()).isEqualTo("  Zeile 1\nZeile 2  ");
    }
}
