package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule sets follow the profile the invoice claims (BT-24); a portal can require profiles; a rule set
 * that stops explains why. Factur-X / ZUGFeRD invoices are written by Mustang in the test (the shared test
 * suite holds only XRechnung).
 */
class ValidatorProfileTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();
    private static final String XRECHNUNG = XRechnungVariant.STANDARD.specificationIdentifier();

    private static ValidationReport validate(String xml) {
        return VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String suiteFile(String name) throws IOException {
        return Files.readString(SharedData.require("conformance/xrechnung-testsuite/standard").resolve(name));
    }

    @Test
    void extendedInvoice_getsTheExtendedSchemaAndRules_andIsValid() {
        ValidationReport report = validate(MustangInvoices.cii("EXTENDED"));

        assertThat(report.profile()).contains(InvoiceProfile.FACTURX_EXTENDED);
        assertThat(report.ruleSets()).containsExactly(RuleSet.FACTURX_EXTENDED_SCHEMA, RuleSet.FACTURX_EXTENDED);
        assertThat(report.errors()).as(report.toString()).isEmpty();
        assertThat(report.findings()).noneSatisfy(f -> assertThat(f.layer())
                .isIn(ValidationLayer.EN16931, ValidationLayer.XRECHNUNG));
    }

    @Test
    void extendedInvoice_withTwoPriceAllowances_isValidExtended() {
        ValidationReport report = validate(MustangInvoices.withTwoPriceAllowances(MustangInvoices.cii("EXTENDED")));

        assertThat(report.errors()).as(report.toString()).isEmpty();
    }

    @Test
    void extendedContentLabelledXRechnung_theStoppedRuleSetNamesRuleElementAndCause() {
        String xml = MustangInvoices.withBt24(
                MustangInvoices.withTwoPriceAllowances(MustangInvoices.cii("EXTENDED")), XRECHNUNG);

        ValidationReport report = validate(xml);

        assertThat(report.profile()).contains(InvoiceProfile.XRECHNUNG);
        assertThat(report.findings(ValidationLayer.XML_SCHEMA)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(EInvoiceValidator.RULE_SCHEMATRON_ABORTED))
                .singleElement().satisfies(f -> {
                    assertThat(f.layer()).isEqualTo(ValidationLayer.XRECHNUNG);
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.location()).isEqualTo("/rsm:CrossIndustryInvoice[1]/rsm:SupplyChainTradeTransaction[1]"
                            + "/ram:IncludedSupplyChainTradeLineItem[1]/ram:SpecifiedLineTradeAgreement[1]"
                            + "/ram:GrossPriceProductTradePrice[1]");
                    assertThat(f.message()).contains("rule PEPPOL-EN16931-R046", "ActualAmount", "more than one item",
                                    "at most one")
                            .doesNotContain("XML Schema error");
                });
    }

    @Test
    void abortAfterASchemaError_saysSo() throws IOException {
        // a non-number in an amount: the schema refuses it, and the rules stop on it
        String xml = suiteFile("01.01a-INVOICE_uncefact.xml")
                .replace(">314.86</ram:LineTotalAmount>", ">314,86 EUR</ram:LineTotalAmount>");

        ValidationReport report = validate(xml);

        assertThat(report.findings(ValidationLayer.XML_SCHEMA)).isNotEmpty();
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(EInvoiceValidator.RULE_SCHEMATRON_ABORTED))
                .isNotEmpty().allSatisfy(f -> assertThat(f.message()).contains("XML Schema errors reported above"));
    }

    @Test
    void en16931Invoice_getsSchemaAndEn16931_andIsValid() {
        ValidationReport report = validate(MustangInvoices.cii("EN16931"));

        assertThat(report.profile()).contains(InvoiceProfile.EN16931);
        assertThat(report.ruleSets()).containsExactly(RuleSet.CII_SCHEMA, RuleSet.EN16931);
        // no BR-DE-* or PEPPOL-EN16931-R* on an invoice that does not claim XRechnung
        assertThat(report.errors()).as(report.toString()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"BASIC, FACTURX_BASIC, FACTURX_BASIC_SCHEMA, FACTURX_BASIC",
            "BASICWL, FACTURX_BASIC_WL, FACTURX_BASIC_WL_SCHEMA, FACTURX_BASIC_WL"})
    void smallerFacturXProfiles_getTheirOwnSchemaAndRules(String mustangProfile, InvoiceProfile profile,
            RuleSet schema, RuleSet rules) {
        ValidationReport report = validate(MustangInvoices.cii(mustangProfile));

        assertThat(report.profile()).contains(profile);
        assertThat(report.ruleSets()).containsExactly(schema, rules);
        assertThat(report.errors()).as(report.toString()).isEmpty();
    }

    @Test
    void minimumInvoice_isCheckedAgainstTheNarrowMinimumSchema() {
        // Mustang writes full addresses into MINIMUM, whose schema allows only the country there
        ValidationReport report = validate(MustangInvoices.cii("MINIMUM"));

        assertThat(report.profile()).contains(InvoiceProfile.FACTURX_MINIMUM);
        assertThat(report.ruleSets()).containsExactly(RuleSet.FACTURX_MINIMUM_SCHEMA, RuleSet.FACTURX_MINIMUM);
        assertThat(report.errors()).allSatisfy(f -> assertThat(f.layer())
                .isIn(ValidationLayer.XML_SCHEMA, ValidationLayer.FACTURX));
        assertThat(report.errors()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("cvc-complex-type.2.4.a");
            assertThat(f.location()).endsWith("/ram:SellerTradeParty[1]/ram:PostalTradeAddress[1]/ram:PostcodeCode[1]");
        });
    }

    @Test
    void extendedSchema_refusesWhatItDoesNotDefine_withTheLineOfTheHeldBackEvent() {
        // an unknown element inside rsm:ExchangedDocumentContext, which is read before BT-24 is known
        String xml = MustangInvoices.cii("EXTENDED").replace("<ram:GuidelineSpecifiedDocumentContextParameter>",
                "<ram:Unknown>x</ram:Unknown><ram:GuidelineSpecifiedDocumentContextParameter>");
        int line = (int) xml.substring(0, xml.indexOf("<ram:Unknown>")).lines().count();

        ValidationReport report = validate(xml);

        assertThat(report.ruleSets()).contains(RuleSet.FACTURX_EXTENDED_SCHEMA);
        assertThat(report.findings(ValidationLayer.XML_SCHEMA)).first().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("cvc-complex-type.2.4.a");
            assertThat(f.location()).isEqualTo("/rsm:CrossIndustryInvoice[1]/rsm:ExchangedDocumentContext[1]/ram:Unknown[1]");
            assertThat(f.message()).contains("(line " + line + ",");
        });
    }

    @Test
    void manyElementsBeforeTheSpecificationIdentifier_areHeldBackOnlyUpToALimit() throws IOException {
        // 30,000 extension elements before cbc:CustomizationID: the schema is chosen without BT-24 then
        StringBuilder ext = new StringBuilder("<ext:UBLExtensions xmlns:ext=\"urn:oasis:names:specification:ubl:schema:"
                + "xsd:CommonExtensionComponents-2\"><ext:UBLExtension><ext:ExtensionContent><x:a xmlns:x=\"urn:x\">");
        ext.append("<x:b/>".repeat(30_000)).append("</x:a></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>");
        String xml = suiteFile("01.01a-INVOICE_ubl.xml").replaceFirst("<cbc:CustomizationID>",
                java.util.regex.Matcher.quoteReplacement(ext.toString()) + "<cbc:CustomizationID>");

        ValidationReport report = validate(xml);

        assertThat(report.processed()).isTrue();
        assertThat(report.syntax()).contains(InvoiceSyntax.UBL);
        assertThat(report.ruleSets()).containsExactly(RuleSet.UBL_SCHEMA, RuleSet.EN16931);
    }

    @Test
    void facturXIdentifierInUbl_isNoKnownProfile() throws IOException {
        String xml = suiteFile("01.01a-INVOICE_ubl.xml").replace(XRECHNUNG + "<",
                InvoiceProfile.FACTURX_EXTENDED.specificationIdentifiers().get(0) + "<");

        ValidationReport report = validate(xml);

        assertThat(report.profile()).isEmpty();
        assertThat(report.ruleSets()).containsExactly(RuleSet.UBL_SCHEMA, RuleSet.EN16931);
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(EInvoiceValidator.RULE_PROFILE_UNKNOWN))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("only in CII"));
    }

    @Test
    void requireXRechnung_acceptsAnXRechnung_refusesAnExtendedInvoice() throws IOException {
        EInvoiceValidator portal = EInvoiceValidator.builder().require(InvoiceProfile.XRECHNUNG).build();

        ValidationReport xrechnung = portal.validate(suiteFile("01.01a-INVOICE_uncefact.xml")
                .getBytes(StandardCharsets.UTF_8));
        ValidationReport extended = portal.validate(MustangInvoices.cii("EXTENDED").getBytes(StandardCharsets.UTF_8));

        assertThat(xrechnung.valid()).as(xrechnung.toString()).isTrue();
        assertThat(extended.valid()).isFalse();
        assertThat(extended.errors()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(EInvoiceValidator.RULE_PROFILE_NOT_ACCEPTED);
            assertThat(f.layer()).isEqualTo(ValidationLayer.PROFILE);
            assertThat(f.message()).contains("FACTURX_EXTENDED", "[XRECHNUNG]");
        });
        // the invoice's own rule sets still ran
        assertThat(extended.ruleSets()).containsExactly(RuleSet.FACTURX_EXTENDED_SCHEMA, RuleSet.FACTURX_EXTENDED);
    }

    @Test
    void requireSeveralProfiles_acceptsEachOfThem() throws IOException {
        EInvoiceValidator portal = EInvoiceValidator.builder()
                .require(InvoiceProfile.XRECHNUNG, InvoiceProfile.EN16931).build();

        assertThat(portal.validate(MustangInvoices.cii("EN16931").getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
        assertThat(portal.validate(suiteFile("01.01a-INVOICE_ubl.xml").getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
        assertThat(portal.validate(MustangInvoices.cii("EXTENDED").getBytes(StandardCharsets.UTF_8)).errors())
                .extracting(Finding::ruleId).containsExactly(EInvoiceValidator.RULE_PROFILE_NOT_ACCEPTED);
    }

    @Test
    void requireXRechnung_refusesAnInvoiceWithoutSpecificationIdentifier() throws IOException {
        Path dir = SharedData.require("conformance/xrechnung-testsuite/standard");
        String xml = Files.readString(dir.resolve("01.01a-INVOICE_ubl.xml"))
                .replaceFirst("<cbc:CustomizationID>[^<]*</cbc:CustomizationID>", "");

        ValidationReport report = EInvoiceValidator.builder().require(InvoiceProfile.XRECHNUNG).build()
                .validate(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(report.specificationIdentifier()).isEmpty();
        assertThat(report.ruleSets()).containsExactly(RuleSet.UBL_SCHEMA, RuleSet.EN16931);
        assertThat(report.errors()).extracting(Finding::ruleId)
                .contains("BR-01", EInvoiceValidator.RULE_PROFILE_NOT_ACCEPTED);
    }
}
