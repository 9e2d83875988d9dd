package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Invoices broken on purpose report exactly the rule ids the official rule sets fire. */
class ValidatorNegativeTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();
    private static final List<NegativeCases.Case> CASES = NegativeCases.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void validate_brokenInvoice_reportsTheOfficialRuleIds(NegativeCases.Case c) {
        ValidationReport report = VALIDATOR.validate(c.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).as(report.toString()).isFalse();
        assertThat(report.processed()).isTrue();
        assertThat(report.errors().stream().map(Finding::ruleId).collect(Collectors.toSet()))
                .as(report.toString()).isEqualTo(c.errorRuleIds());
        assertThat(report.errors()).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location()).startsWith(c.name().startsWith("ubl") ? "/ubl:Invoice[1]" : "/rsm:CrossIndustryInvoice[1]");
            assertThat(f.message()).isNotBlank().doesNotStartWith("[");
        });
        assertThat(report.errors()).anySatisfy(f -> assertThat(f.layer()).isEqualTo(c.layer()));
    }

    @Test
    void missingBuyerReference_isReportedByXRechnungAtTheRoot() {
        NegativeCases.Case c = NegativeCases.ALL.get(1);
        ValidationReport report = VALIDATOR.validate(c.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("BR-DE-15");
            assertThat(f.layer()).isEqualTo(ValidationLayer.XRECHNUNG);
            assertThat(f.location()).isEqualTo("/rsm:CrossIndustryInvoice[1]");
            assertThat(f.message()).contains("BT-10");
        });
    }

    @Test
    void schemaError_carriesTheElementPathAndTheLine() {
        NegativeCases.Case c = NegativeCases.ALL.get(10);
        ValidationReport report = VALIDATOR.validate(c.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).singleElement().satisfies(f -> {
            assertThat(f.layer()).isEqualTo(ValidationLayer.XML_SCHEMA);
            assertThat(f.location()).isEqualTo("/ubl:Invoice[1]/cbc:Unknown[1]");
            assertThat(f.message()).contains("Unknown").contains("(line ");
        });
    }

    @Test
    void dateRule_locationPointsAtTheDateElement() {
        NegativeCases.Case c = NegativeCases.ALL.get(5);
        ValidationReport report = VALIDATOR.validate(c.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).singleElement().satisfies(f -> assertThat(f.location()).isEqualTo(
                "/rsm:CrossIndustryInvoice[1]/rsm:ExchangedDocument[1]/ram:IssueDateTime[1]/udt:DateTimeString[1]"));
    }

    @Test
    void unknownCode_alsoDrawsXRechnungWarning() {
        NegativeCases.Case c = NegativeCases.ALL.get(8);
        ValidationReport report = VALIDATOR.validate(c.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("BR-DE-17");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.layer()).isEqualTo(ValidationLayer.XRECHNUNG);
        });
    }

    @Test
    void nonNumericAmount_isASchemaErrorAndNeverACrash() {
        String xml = TestSuiteFiles.read(NegativeCases.UBL).replace(
                "<cbc:LineExtensionAmount currencyID=\"EUR\">314.86</cbc:LineExtensionAmount>",
                "<cbc:LineExtensionAmount currencyID=\"EUR\">314,86 EUR</cbc:LineExtensionAmount>");
        ValidationReport report = VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).isFalse();
        assertThat(report.processed()).isTrue();
        assertThat(report.ruleIds()).contains("cvc-datatype-valid.1.2.1");
        // EN 16931's arithmetic cannot read the amount: that layer says so; the XRechnung layer still runs
        assertThat(report.errors()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(EInvoiceValidator.RULE_SCHEMATRON_ABORTED);
            assertThat(f.layer()).isEqualTo(ValidationLayer.EN16931);
            assertThat(f.message()).contains("EN 16931").contains("314,86 EUR");
        });
        assertThat(report.findings(ValidationLayer.XRECHNUNG)).isNotEmpty();
    }
}
