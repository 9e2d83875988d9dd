package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule set follows the specification identifier (BT-24): standard CIUS, Extension, CVD, other. */
class ValidatorVariantTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();

    private static ValidationReport validateWithBt24(String file, String bt24) {
        String xml = TestSuiteFiles.read(file);
        String standard = XRechnungVariant.STANDARD.specificationIdentifier();
        String edited = xml.replace(standard + "<", bt24 + "<");
        assertThat(edited).isNotEqualTo(xml);
        return VALIDATOR.validate(edited.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {NegativeCases.UBL, NegativeCases.CII})
    void extensionIdentifier_selectsExtension_standardContentStaysValid(String file) {
        ValidationReport report = validateWithBt24(file, XRechnungVariant.EXTENSION.specificationIdentifier());

        assertThat(report.variant()).contains(XRechnungVariant.EXTENSION);
        assertThat(report.valid()).as(report.toString()).isTrue();
    }

    @Test
    void extensionIdentifier_appliesTheExtensionRules() {
        // an electronic address scheme in neither code list: EN 16931 refuses it (BR-CL-25) in every
        // variant; the Extension's own rule on its wider list (BR-DEX-07) applies only to the Extension
        String base = TestSuiteFiles.read(NegativeCases.CII)
                .replace("<ram:URIID schemeID=\"EM\">seller@email.de", "<ram:URIID schemeID=\"XX\">seller@email.de");
        String standard = XRechnungVariant.STANDARD.specificationIdentifier();
        ValidationReport asStandard = VALIDATOR.validate(base.getBytes(StandardCharsets.UTF_8));
        ValidationReport asExtension = VALIDATOR.validate(base.replace(standard + "<",
                XRechnungVariant.EXTENSION.specificationIdentifier() + "<").getBytes(StandardCharsets.UTF_8));

        assertThat(asStandard.errors()).extracting(Finding::ruleId).containsExactly("BR-CL-25");
        // KoSIT's Extension scenario lowers CEN's BR-CL-25 to information and lets BR-DEX-07 decide
        assertThat(asExtension.errors()).extracting(Finding::ruleId).containsExactly("BR-DEX-07");
        assertThat(asExtension.errors()).singleElement()
                .satisfies(f -> assertThat(f.layer()).isEqualTo(ValidationLayer.XRECHNUNG));
        assertThat(asExtension.findings()).filteredOn(f -> f.ruleId().equals("BR-CL-25")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @ParameterizedTest
    @ValueSource(strings = {NegativeCases.UBL, NegativeCases.CII})
    void cvdIdentifier_selectsCvd_andItsRulesRequireTheCleanVehicleData(String file) {
        ValidationReport report = validateWithBt24(file, XRechnungVariant.CVD.specificationIdentifier());

        assertThat(report.variant()).contains(XRechnungVariant.CVD);
        // contract reference (BT-12), tender or lot reference (BT-17), a line classified 'CVD' with attribute 'cva'
        assertThat(report.errors().stream().map(Finding::ruleId).collect(Collectors.toSet()))
                .as(report.toString()).containsExactlyInAnyOrder("BR-DE-CVD-01", "BR-DE-CVD-02", "BR-DE-CVD-03");
        assertThat(report.errors()).allSatisfy(f -> assertThat(f.layer()).isEqualTo(ValidationLayer.XRECHNUNG));
    }

    @ParameterizedTest
    @ValueSource(strings = {NegativeCases.UBL, NegativeCases.CII})
    void unknownIdentifier_hasNoProfile_isCheckedAgainstSchemaAndEn16931_withAWarning(String file) {
        ValidationReport report = validateWithBt24(file,
                "urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.3");

        assertThat(report.variant()).isEmpty();
        assertThat(report.profile()).isEmpty();
        assertThat(report.specificationIdentifier())
                .contains("urn:cen.eu:en16931:2017#compliant#urn:xoev-de:kosit:standard:xrechnung_2.3");
        assertThat(report.ruleSets()).containsExactly(report.syntax().orElseThrow() == InvoiceSyntax.UBL
                ? RuleSet.UBL_SCHEMA : RuleSet.CII_SCHEMA, RuleSet.EN16931);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(EInvoiceValidator.RULE_PROFILE_UNKNOWN);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.layer()).isEqualTo(ValidationLayer.PROFILE);
        });
        assertThat(report.findings()).noneSatisfy(f -> assertThat(f.layer()).isEqualTo(ValidationLayer.XRECHNUNG));
    }

    @ParameterizedTest
    @ValueSource(strings = {NegativeCases.UBL, NegativeCases.CII})
    void en16931Identifier_getsTheEn16931Rules_notTheXRechnungRules(String file) {
        String xml = TestSuiteFiles.read(file);
        String standard = XRechnungVariant.STANDARD.specificationIdentifier();
        // a plain EN 16931 invoice without buyer reference but with broken totals
        String edited = xml.replace(standard + "<", "urn:cen.eu:en16931:2017<")
                .replaceFirst("<(cbc|ram):BuyerReference>[^<]*</(cbc|ram):BuyerReference>", "")
                .replace(">314.86</cbc:LineExtensionAmount>", ">999.99</cbc:LineExtensionAmount>")
                .replace(">314.86</ram:LineTotalAmount>", ">999.99</ram:LineTotalAmount>");
        ValidationReport report = VALIDATOR.validate(edited.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).extracting(Finding::ruleId).contains("BR-CO-10").doesNotContain("BR-DE-15");
        assertThat(report.variant()).isEmpty();
        assertThat(report.profile()).contains(InvoiceProfile.EN16931);
        assertThat(report.ruleSets()).doesNotContain(RuleSet.XRECHNUNG).contains(RuleSet.EN16931);
    }
}
