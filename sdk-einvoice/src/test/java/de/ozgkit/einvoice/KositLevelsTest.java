package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule levels of KoSIT's validator configuration for XRechnung (release 2025-07-10): one case per
 * adjusted rule and scenario, made from a valid suite file by an edit that triggers the rule. Each case
 * checks the level in the XRechnung scenario and, with the plain EN 16931 identifier (no XRechnung
 * scenario, no adjustment), the level the Schematron itself gives, so that the adjustment is visible.
 */
class KositLevelsTest {

    private static final EInvoiceValidator VALIDATOR = EInvoiceValidator.create();
    private static final String UBL = "01.01a-INVOICE_ubl.xml";
    private static final String CII = "01.01a-INVOICE_uncefact.xml";
    private static final String STANDARD = XRechnungVariant.STANDARD.specificationIdentifier();

    /**
     * @param rule      the adjusted rule
     * @param file      the suite file the case is made from
     * @param variant   the scenario's variant
     * @param edit      the change that triggers the rule
     * @param adjusted  the level in the scenario
     * @param schematron the level of the Schematron flag
     */
    record Case(String rule, String file, XRechnungVariant variant, UnaryOperator<String> edit, Severity adjusted,
            Severity schematron) {
        @Override
        public String toString() {
            return rule + " " + (file.equals(UBL) ? "UBL" : "CII") + " " + variant + " -> " + adjusted;
        }
    }

    private static UnaryOperator<String> replace(String from, String to) {
        return xml -> {
            String edited = xml.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
            if (edited.equals(xml)) {
                throw new IllegalStateException("the edit found no " + from);
            }
            return edited;
        };
    }

    private static final UnaryOperator<String> UNIT_CODE = replace("unitCode=\"XPP\"", "unitCode=\"XQ9\"");
    private static final UnaryOperator<String> CII_ITEM_SCHEME = replace("<ram:SellerAssignedID>246",
            "<ram:GlobalID schemeID=\"9999\">4000001000005</ram:GlobalID><ram:SellerAssignedID>246");
    private static final UnaryOperator<String> CII_ATTACHMENT = replace("</ram:BuyerTradeParty>",
            "</ram:BuyerTradeParty><ram:AdditionalReferencedDocument><ram:IssuerAssignedID>A1</ram:IssuerAssignedID>"
                    + "<ram:TypeCode>916</ram:TypeCode><ram:AttachmentBinaryObject mimeCode=\"application/x-ozgkit\""
                    + " filename=\"a.bin\">AAEC</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>");
    private static final UnaryOperator<String> CII_SELLER_SCHEME = replace("<ram:Name>[Seller name]",
            "<ram:GlobalID schemeID=\"9999\">S1</ram:GlobalID><ram:Name>[Seller name]");
    private static final UnaryOperator<String> CII_LEGAL_SCHEME = replace("<ram:ID>[HRA-Eintrag]",
            "<ram:ID schemeID=\"9999\">[HRA-Eintrag]");
    private static final UnaryOperator<String> CII_ADDRESS_SCHEME = replace("<ram:URIID schemeID=\"EM\">seller@",
            "<ram:URIID schemeID=\"XX\">seller@");
    private static final UnaryOperator<String> CII_DELIVERY_SCHEME = replace("<ram:ApplicableHeaderTradeDelivery/>",
            "<ram:ApplicableHeaderTradeDelivery><ram:ShipToTradeParty><ram:GlobalID schemeID=\"9999\">L1</ram:GlobalID>"
                    + "</ram:ShipToTradeParty></ram:ApplicableHeaderTradeDelivery>");
    private static final UnaryOperator<String> CII_CLASSIFICATION = replace("listID=\"IB\"", "listID=\"CVD\"");
    private static final UnaryOperator<String> CII_TWO_TERMS = replace("</ram:SpecifiedTradePaymentTerms>",
            "</ram:SpecifiedTradePaymentTerms><ram:SpecifiedTradePaymentTerms><ram:Description>Skonto</ram:Description>"
                    + "</ram:SpecifiedTradePaymentTerms>");
    private static final UnaryOperator<String> CII_TWO_TERM_TEXTS = replace("<ram:Description>Zahlbar sofort ohne Abzug.</ram:Description>",
            "<ram:Description>Zahlbar sofort ohne Abzug.</ram:Description><ram:Description>Skonto</ram:Description>");
    private static final UnaryOperator<String> CII_TWO_LINE_TAXES = replace("</ram:ApplicableTradeTax>",
            "</ram:ApplicableTradeTax><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode>"
                    + "<ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>7</ram:RateApplicablePercent>"
                    + "</ram:ApplicableTradeTax>");
    private static final UnaryOperator<String> UBL_AMOUNT_DUE = replace(
            "<cbc:PayableAmount currencyID=\"EUR\">336.9<", "<cbc:PayableAmount currencyID=\"EUR\">300.00<");
    private static final UnaryOperator<String> UBL_PREPAID = replace("<cac:TaxTotal>",
            "<cac:PrepaidPayment><cbc:PaidAmount currencyID=\"EUR\">0.00</cbc:PaidAmount></cac:PrepaidPayment><cac:TaxTotal>");
    private static final UnaryOperator<String> UBL_SUB_LINE = replace("</cac:Price>\n    </cac:InvoiceLine>",
            "</cac:Price><cac:SubInvoiceLine><cbc:ID>1.1</cbc:ID><cbc:InvoicedQuantity unitCode=\"XPP\">1</cbc:InvoicedQuantity>"
                    + "<cbc:LineExtensionAmount currencyID=\"EUR\">288.79</cbc:LineExtensionAmount><cac:Item><cbc:Name>Heft"
                    + "</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>7</cbc:Percent><cac:TaxScheme>"
                    + "<cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item><cac:Price>"
                    + "<cbc:PriceAmount currencyID=\"EUR\">288.79</cbc:PriceAmount></cac:Price></cac:SubInvoiceLine>"
                    + "\n    </cac:InvoiceLine>");

    static Stream<Case> cases() {
        XRechnungVariant s = XRechnungVariant.STANDARD;
        XRechnungVariant e = XRechnungVariant.EXTENSION;
        XRechnungVariant c = XRechnungVariant.CVD;
        Severity err = Severity.ERROR;
        Severity warn = Severity.WARNING;
        Severity info = Severity.INFO;
        return Stream.of(
                // every XRechnung scenario: code lists whose CEN tables lag their registries
                new Case("BR-CL-23", UBL, s, UNIT_CODE, warn, err),
                new Case("BR-CL-23", CII, s, UNIT_CODE, warn, err),
                new Case("BR-CL-23", CII, e, UNIT_CODE, warn, err),
                new Case("BR-CL-23", UBL, c, UNIT_CODE, warn, err),
                new Case("BR-CL-21", CII, s, CII_ITEM_SCHEME, warn, err),
                new Case("BR-CL-21", CII, c, CII_ITEM_SCHEME, warn, err),
                // the Extension
                new Case("BR-CL-21", CII, e, CII_ITEM_SCHEME, info, err),
                new Case("BR-CL-24", CII, e, CII_ATTACHMENT, info, err),
                new Case("BR-CL-10", CII, e, CII_SELLER_SCHEME, info, err),
                new Case("BR-CL-11", CII, e, CII_LEGAL_SCHEME, info, err),
                new Case("BR-CL-25", CII, e, CII_ADDRESS_SCHEME, info, err),
                new Case("BR-CL-26", CII, e, CII_DELIVERY_SCHEME, info, err),
                new Case("BR-CO-16", UBL, e, UBL_AMOUNT_DUE, info, err),
                new Case("UBL-CR-470", UBL, e, UBL_PREPAID, info, warn),
                new Case("UBL-CR-646", UBL, e, UBL_SUB_LINE, info, warn),
                // the standard CIUS keeps the Extension's content out
                new Case("UBL-CR-646", UBL, s, UBL_SUB_LINE, err, warn),
                new Case("BR-CL-24", CII, s, CII_ATTACHMENT, err, err),
                new Case("BR-CO-16", UBL, s, UBL_AMOUNT_DUE, err, err),
                // CVD: the scheme 'CVD' for BT-158
                new Case("BR-CL-13", CII, c, CII_CLASSIFICATION, info, err),
                new Case("BR-CL-13", CII, s, CII_CLASSIFICATION, err, err),
                // CII, every variant: cardinalities CEN only warns about
                new Case("CII-SR-452", CII, s, CII_TWO_TERMS, err, warn),
                new Case("CII-SR-452", CII, e, CII_TWO_TERMS, err, warn),
                new Case("CII-SR-453", CII, s, CII_TWO_TERM_TEXTS, err, warn),
                new Case("CII-SR-453", CII, c, CII_TWO_TERM_TEXTS, err, warn),
                new Case("CII-SR-454", CII, s, CII_TWO_LINE_TAXES, err, warn),
                new Case("CII-SR-454", CII, e, CII_TWO_LINE_TAXES, err, warn));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule_hasTheLevelOfTheKositScenario(Case c) throws IOException {
        String base = Files.readString(SharedData.require("conformance/xrechnung-testsuite/standard").resolve(c.file()));
        String edited = c.edit().apply(base);
        String inScenario = edited.replace(STANDARD + "<", c.variant().specificationIdentifier() + "<");
        String plainEn16931 = edited.replace(STANDARD + "<", "urn:cen.eu:en16931:2017<");

        ValidationReport scenario = VALIDATOR.validate(inScenario.getBytes(StandardCharsets.UTF_8));
        ValidationReport plain = VALIDATOR.validate(plainEn16931.getBytes(StandardCharsets.UTF_8));

        assertThat(scenario.variant()).contains(c.variant());
        assertThat(levels(scenario, c.rule())).as(scenario.toString()).isNotEmpty().containsOnly(c.adjusted());
        assertThat(plain.profile()).contains(InvoiceProfile.EN16931);
        assertThat(levels(plain, c.rule())).as(plain.toString()).isNotEmpty().containsOnly(c.schematron());
    }

    private static List<Severity> levels(ValidationReport report, String rule) {
        return report.findings().stream().filter(f -> f.ruleId().equals(rule)).map(Finding::severity).toList();
    }
}
