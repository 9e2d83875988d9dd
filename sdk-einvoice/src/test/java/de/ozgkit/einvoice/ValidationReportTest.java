package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's verdict and accessors, the syntax and variant lookups. */
class ValidationReportTest {

    private static Finding finding(String id, Severity severity, ValidationLayer layer) {
        return new Finding(id, severity, "/", "message of " + id, layer);
    }

    @Test
    void warningsAndNotes_keepTheDocumentValid() {
        ValidationReport report = new ValidationReport(List.of(
                finding("BR-DE-17", Severity.WARNING, ValidationLayer.XRECHNUNG),
                finding("BR-DE-TMP-32", Severity.INFO, ValidationLayer.XRECHNUNG)),
                InvoiceSyntax.CII, XRechnungVariant.CVD.specificationIdentifier());

        assertThat(report.valid()).isTrue();
        assertThat(report.processed()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.errorCount()).isZero();
        assertThat(report.variant()).contains(XRechnungVariant.CVD);
        assertThat(report.profile()).contains(InvoiceProfile.XRECHNUNG);
        assertThat(report.ruleSets()).isEmpty();
        assertThat(report.toString()).startsWith("valid [CII, XRECHNUNG, CVD, rule sets []]");
    }

    @Test
    void errors_makeTheDocumentInvalid_andAreCountedPerLayer() {
        ValidationReport report = new ValidationReport(List.of(
                finding("cvc-complex-type.2.4.a", Severity.ERROR, ValidationLayer.XML_SCHEMA),
                finding("BR-CO-10", Severity.ERROR, ValidationLayer.EN16931),
                finding("BR-CO-10", Severity.ERROR, ValidationLayer.EN16931),
                finding("BR-DE-17", Severity.WARNING, ValidationLayer.XRECHNUNG)),
                InvoiceSyntax.UBL, "urn:example");

        assertThat(report.valid()).isFalse();
        assertThat(report.errorCount()).isEqualTo(3);
        assertThat(report.findings(ValidationLayer.EN16931)).hasSize(2);
        assertThat(report.ruleIds()).containsExactly("cvc-complex-type.2.4.a", "BR-CO-10", "BR-DE-17");
        assertThat(report.variant()).isEmpty();
        assertThat(report.specificationIdentifier()).contains("urn:example");
        assertThat(report.toString()).startsWith("invalid (3 errors)").contains("ERROR BR-CO-10 /: message of BR-CO-10");
    }

    @Test
    void fatalFinding_meansNotProcessed() {
        ValidationReport report = new ValidationReport(List.of(
                finding(EInvoiceValidator.RULE_MALFORMED, Severity.FATAL, ValidationLayer.XML_SCHEMA)), null, null);

        assertThat(report.valid()).isFalse();
        assertThat(report.processed()).isFalse();
        assertThat(report.syntax()).isEmpty();
    }

    @Test
    void reportsWithTheSameContent_areEqual() {
        List<Finding> findings = List.of(finding("BR-DE-15", Severity.ERROR, ValidationLayer.XRECHNUNG));
        ValidationReport a = new ValidationReport(findings, InvoiceSyntax.UBL, "x");
        ValidationReport b = new ValidationReport(List.copyOf(findings), InvoiceSyntax.UBL, "x");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new ValidationReport(findings, InvoiceSyntax.CII, "x"));
    }

    @Test
    void finding_refusesNulls() {
        assertThatThrownBy(() -> new Finding(null, Severity.ERROR, "/", "m", ValidationLayer.EN16931))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("ruleId");
    }

    @Test
    void syntax_isToldByTheRootElement() {
        assertThat(InvoiceSyntax.lookup(InvoiceSyntax.UBL_INVOICE_NS, "Invoice")).contains(InvoiceSyntax.UBL);
        assertThat(InvoiceSyntax.lookup(InvoiceSyntax.UBL_CREDIT_NOTE_NS, "CreditNote")).contains(InvoiceSyntax.UBL);
        assertThat(InvoiceSyntax.lookup(InvoiceSyntax.CII_NS, "CrossIndustryInvoice")).contains(InvoiceSyntax.CII);
        assertThat(InvoiceSyntax.lookup(InvoiceSyntax.UBL_INVOICE_NS, "CreditNote")).isEmpty();
        assertThat(InvoiceSyntax.lookup("", "Invoice")).isEmpty();
    }

    @Test
    void variant_isToldByTheSpecificationIdentifier() {
        for (XRechnungVariant v : XRechnungVariant.values()) {
            assertThat(XRechnungVariant.lookup(" " + v.specificationIdentifier() + "\n")).contains(v);
        }
        assertThat(XRechnungVariant.lookup("urn:cen.eu:en16931:2017")).isEmpty();
        assertThat(XRechnungVariant.lookup(null)).isEmpty();
    }

    @Test
    void severity_errorsAreFatalAndError() {
        assertThat(Severity.FATAL.isError()).isTrue();
        assertThat(Severity.ERROR.isError()).isTrue();
        assertThat(Severity.WARNING.isError()).isFalse();
        assertThat(Severity.INFO.isError()).isFalse();
    }
}
