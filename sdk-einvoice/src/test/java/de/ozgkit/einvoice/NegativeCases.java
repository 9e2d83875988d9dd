package de.ozgkit.einvoice;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Invalid invoices made in the test from valid files of the shared test suite, one rule broken at a
 * time, with the rule ids the official rule sets report for them.
 */
final class NegativeCases {

    /**
     * One broken invoice.
     *
     * @param name          short name, e.g. {@code ubl-missing-BT-10}
     * @param baseFile      the suite file it is made from
     * @param edit          the change that breaks the rule
     * @param errorRuleIds  exactly the rule ids of the errors the official rules report
     * @param layer         the layer of the main error
     */
    record Case(String name, String baseFile, UnaryOperator<String> edit, Set<String> errorRuleIds,
                ValidationLayer layer) {

        /** @return the broken document; the calling test is skipped when the suite is absent */
        String xml() {
            String base = TestSuiteFiles.read(baseFile);
            String edited = edit.apply(base);
            if (edited.equals(base)) {
                throw new IllegalStateException(name + ": the edit did not change " + baseFile);
            }
            return edited;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String UBL = "01.01a-INVOICE_ubl.xml";
    static final String CII = "01.01a-INVOICE_uncefact.xml";

    static final List<Case> ALL = List.of(
            // BT-10 buyer reference (Leitweg-ID) missing: XRechnung's BR-DE-15
            new Case("ubl-missing-BT-10", UBL,
                    x -> x.replaceFirst("<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", ""),
                    Set.of("BR-DE-15"), ValidationLayer.XRECHNUNG),
            new Case("cii-missing-BT-10", CII,
                    x -> x.replaceFirst("<ram:BuyerReference>[^<]*</ram:BuyerReference>", ""),
                    Set.of("BR-DE-15"), ValidationLayer.XRECHNUNG),
            // sum of line net amounts (BT-106) does not match the lines: BR-CO-10, and BT-109 no longer adds up: BR-CO-13
            new Case("ubl-wrong-totals", UBL,
                    x -> x.replace("<cbc:LineExtensionAmount currencyID=\"EUR\">314.86</cbc:LineExtensionAmount>",
                            "<cbc:LineExtensionAmount currencyID=\"EUR\">999.99</cbc:LineExtensionAmount>"),
                    Set.of("BR-CO-10", "BR-CO-13"), ValidationLayer.EN16931),
            new Case("cii-wrong-totals", CII,
                    x -> x.replace("<ram:LineTotalAmount>314.86</ram:LineTotalAmount>",
                            "<ram:LineTotalAmount>999.99</ram:LineTotalAmount>"),
                    Set.of("BR-CO-10", "BR-CO-13"), ValidationLayer.EN16931),
            // issue date (BT-2) in a German format: UBL's xs:date refuses it; CII's format 102 rule CII-DT-097
            new Case("ubl-bad-date", UBL,
                    x -> x.replaceFirst("<cbc:IssueDate>[^<]*", "<cbc:IssueDate>04.04.2016"),
                    Set.of("cvc-datatype-valid.1.2.1", "cvc-complex-type.2.2"), ValidationLayer.XML_SCHEMA),
            new Case("cii-bad-date", CII,
                    x -> x.replaceFirst("(?s)(<rsm:ExchangedDocument>.*?<udt:DateTimeString format=\"102\">)[^<]*",
                            "$12016-04-04"),
                    Set.of("CII-DT-097"), ValidationLayer.EN16931),
            // VAT category "E" (exempt) with a 19 % rate and tax: BR-E-05 (lines), BR-E-09, BR-E-10 (breakdown)
            new Case("ubl-wrong-vat-category", UBL,
                    x -> x.replace("<cbc:ID>S</cbc:ID>", "<cbc:ID>E</cbc:ID>"),
                    Set.of("BR-E-05", "BR-E-09", "BR-E-10"), ValidationLayer.EN16931),
            new Case("cii-wrong-vat-category", CII,
                    x -> x.replace("<ram:CategoryCode>S</ram:CategoryCode>", "<ram:CategoryCode>E</ram:CategoryCode>"),
                    Set.of("BR-E-05", "BR-E-09", "BR-E-10"), ValidationLayer.EN16931),
            // invoice type code (BT-3) not in UNTDID 1001: BR-CL-01 (XRechnung's BR-DE-17 adds a warning)
            new Case("ubl-unknown-code", UBL,
                    x -> x.replaceFirst("<cbc:InvoiceTypeCode>380", "<cbc:InvoiceTypeCode>999"),
                    Set.of("BR-CL-01"), ValidationLayer.EN16931),
            new Case("cii-unknown-code", CII,
                    x -> x.replaceFirst("<ram:TypeCode>380", "<ram:TypeCode>999"),
                    Set.of("BR-CL-01"), ValidationLayer.EN16931),
            // an element the schema does not know
            new Case("ubl-schema-violation", UBL,
                    x -> x.replaceFirst("<cbc:IssueDate>", "<cbc:Unknown>x</cbc:Unknown><cbc:IssueDate>"),
                    Set.of("cvc-complex-type.2.4.a"), ValidationLayer.XML_SCHEMA),
            new Case("cii-schema-violation", CII,
                    x -> x.replaceFirst("<ram:BuyerReference>", "<ram:Unknown>x</ram:Unknown><ram:BuyerReference>"),
                    Set.of("cvc-complex-type.2.4.a"), ValidationLayer.XML_SCHEMA));

    private NegativeCases() {
    }
}
