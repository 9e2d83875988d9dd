package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A conversion never yields a document its own validator rejects: every suite file converts both ways
 * into a valid document; content the target syntax cannot carry is refused before writing, naming the
 * business term; a converted document that does not validate is refused and not written.
 */
class ConversionValidityTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    private static Path suite() {
        return SharedData.require("conformance/xrechnung-testsuite/standard");
    }

    static Stream<String> suiteFiles() throws IOException {
        // the names are listed at discovery time; the test itself requires the folder (skip or fail)
        Path dir = SharedData.find("conformance/xrechnung-testsuite/standard").orElse(null);
        if (dir == null) {
            return Stream.of("01.01a-INVOICE_ubl.xml");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suiteFiles")
    void suiteFile_convertsBothWays_intoValidDocuments(String name) throws IOException {
        byte[] xml = Files.readAllBytes(suite().resolve(name));

        for (InvoiceSyntax target : InvoiceSyntax.values()) {
            byte[] converted = EInvoices.convert(xml, target);

            ValidationReport report = VALIDATOR.validate(converted);
            assertThat(report.errors()).as(name + " -> " + target + "\n" + report).isEmpty();
            assertThat(report.syntax()).contains(target);
            assertThat(report.profile()).contains(InvoiceProfile.XRECHNUNG);
            assertThat(report.ruleSets()).contains(RuleSet.EN16931, RuleSet.XRECHNUNG);
        }
    }

    @Test
    void twoPrecedingInvoices_toCii_areRefusedNamingBg3_andUblCarriesThem() throws IOException {
        String ubl = Files.readString(suite().resolve("01.01a-INVOICE_ubl.xml")).replace("<cac:AccountingSupplierParty>",
                "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>R-2015-1</cbc:ID></cac:InvoiceDocumentReference>"
                        + "</cac:BillingReference><cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>R-2015-2</cbc:ID>"
                        + "</cac:InvoiceDocumentReference></cac:BillingReference><cac:AccountingSupplierParty>");
        byte[] xml = ubl.getBytes(StandardCharsets.UTF_8);
        assertThat(VALIDATOR.validate(xml).valid()).isTrue();

        assertThatThrownBy(() -> EInvoices.convert(xml, InvoiceSyntax.CII))
                .isInstanceOfSatisfying(EInvoiceFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EInvoiceFormatException.Reason.UNSUPPORTED_CONTENT);
                    assertThat(e.getMessage()).contains("2 preceding invoices (BG-3)", "ram:InvoiceReferencedDocument");
                });
        assertThat(new String(EInvoices.convert(xml, InvoiceSyntax.UBL), StandardCharsets.UTF_8))
                .contains("R-2015-1", "R-2015-2");
    }

    @Test
    void missingTotalVatAmount_toUbl_isRefusedNamingBt110(@TempDir Path dir) throws IOException {
        String cii = Files.readString(suite().resolve("01.01a-INVOICE_uncefact.xml"))
                .replaceFirst("<ram:TaxTotalAmount currencyID=\"EUR\">[^<]*</ram:TaxTotalAmount>", "");
        Path in = dir.resolve("in.xml");
        Path out = dir.resolve("out.xml");
        Files.writeString(in, cii);

        assertThatThrownBy(() -> EInvoices.convert(in, InvoiceSyntax.UBL, out))
                .isInstanceOfSatisfying(EInvoiceFormatException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EInvoiceFormatException.Reason.UNSUPPORTED_CONTENT);
                    assertThat(e.getMessage()).contains("BT-110", "cbc:TaxAmount");
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void invalidInput_isNotConverted_theReportSaysWhy(@TempDir Path dir) throws IOException {
        String ubl = Files.readString(suite().resolve("01.01a-INVOICE_ubl.xml"))
                .replace(">314.86</cbc:LineExtensionAmount>", ">999.99</cbc:LineExtensionAmount>");
        Path in = dir.resolve("in.xml");
        Path out = dir.resolve("out.xml");
        Files.writeString(in, ubl);
        Files.writeString(out, "previous content");

        assertThatThrownBy(() -> EInvoices.convert(in, InvoiceSyntax.CII, out))
                .isInstanceOfSatisfying(EInvoiceConversionException.class, e -> {
                    assertThat(e.target()).isEqualTo(InvoiceSyntax.CII);
                    assertThat(e.report().valid()).isFalse();
                    assertThat(e.report().ruleIds()).contains("BR-CO-10");
                    assertThat(e.getMessage()).contains("does not validate", "the input does not validate either");
                });
        assertThat(Files.readString(out)).isEqualTo("previous content");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("in.xml", "out.xml");
        }
    }

    @Test
    void conversionWithAPortalValidator_refusesWhatThePortalDoesNotAccept() throws IOException {
        byte[] xml = Files.readAllBytes(suite().resolve("01.01a-INVOICE_ubl.xml"));
        EInvoiceValidator en16931Only = EInvoiceValidator.builder().require(InvoiceProfile.EN16931).build();

        assertThatThrownBy(() -> EInvoices.convert(xml, InvoiceSyntax.CII, en16931Only))
                .isInstanceOfSatisfying(EInvoiceConversionException.class, e ->
                        assertThat(e.report().ruleIds()).contains(EInvoiceValidator.RULE_PROFILE_NOT_ACCEPTED));
    }
}
