package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.Severity;
import de.ozgkit.einvoice.ValidationLayer;
import de.ozgkit.einvoice.XRechnungVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule levels of KoSIT's validator configuration for XRechnung (release 2025-07-10, the one for
 * XRechnung 3.0.2 with XRechnung Schematron 2.4.0 and CEN rules 1.3.14): per scenario, the
 * configuration's report step sets some rules to another level than their Schematron flag
 * ({@code customLevel}). ozgkit applies the same levels, so that an XRechnung invoice gets the official
 * verdict. A scenario is one of syntax, UBL document type and variant.
 *
 * <p>The levels are facts taken from that configuration's {@code scenarios.xml}; the table below is
 * written for ozgkit, scenario by scenario, with the configuration's reason for each level.
 */
final class KositLevels {

    /** The levels every XRechnung scenario shares: code lists whose CEN tables lag their registries. */
    private static final Map<String, Severity> COMMON = Map.of(
            // BT-130 / BT-150 unit codes (UN/ECE Rec 20/21)
            "BR-CL-23", Severity.WARNING,
            // BT-157 item standard identifier scheme (ISO 6523)
            "BR-CL-21", Severity.WARNING);

    /** CII (all three variants): cardinality rules CEN only warns about, raised to errors. */
    private static final Map<String, Severity> CII_RAISED = Map.of(
            // BT-9 payment due date and BT-20 payment terms: one SpecifiedTradePaymentTerms
            "CII-SR-452", Severity.ERROR,
            // replaces BR-DE-18a in CII: one description of the payment terms
            "CII-SR-453", Severity.ERROR,
            // exactly one line VAT information (BG-30) per invoice line (BG-25)
            "CII-SR-454", Severity.ERROR);

    /** The Extension: the wider code lists and the content the Extension adds may not be refused by CEN's rules. */
    private static final Map<String, Severity> EXTENSION = Map.of(
            // BT-157 scheme, DIGA codes (BR-DEX-06)
            "BR-CL-21", Severity.INFO,
            "BR-CL-23", Severity.WARNING,
            // attachment MIME codes of BR-DEX-01
            "BR-CL-24", Severity.INFO,
            // BT-29/46/60 scheme identifiers, DIGA codes (BR-DEX-04)
            "BR-CL-10", Severity.INFO,
            // BT-30/47/61 scheme identifiers, DIGA codes (BR-DEX-05)
            "BR-CL-11", Severity.INFO,
            // BT-34/49 electronic address schemes, DIGA codes (BR-DEX-07)
            "BR-CL-25", Severity.INFO,
            // BT-71 delivery location scheme, DIGA codes (BR-DEX-08)
            "BR-CL-26", Severity.INFO);

    /** The CVD variant: BT-158 item classification scheme 'CVD' is not in UNTDID 7143 (BR-DE-CVD rules check it). */
    private static final Map<String, Severity> CVD = Map.of("BR-CL-13", Severity.INFO);

    private KositLevels() {
    }

    /**
     * The levels of one scenario.
     *
     * @param syntax        the syntax
     * @param ublCreditNote whether the document is a UBL CreditNote (the UBL scenarios differ by document type)
     * @param variant       the XRechnung variant
     * @return rule id to level
     */
    static Map<String, Severity> levels(InvoiceSyntax syntax, boolean ublCreditNote, XRechnungVariant variant) {
        Map<String, Severity> levels = new java.util.HashMap<>(COMMON);
        if (syntax == InvoiceSyntax.CII) {
            levels.putAll(CII_RAISED);
        }
        switch (variant) {
            case STANDARD -> {
                if (syntax == InvoiceSyntax.UBL && !ublCreditNote) {
                    // sub invoice lines (BG-DEX-01) belong to the Extension: CEN's warning becomes an error
                    levels.put("UBL-CR-646", Severity.ERROR);
                }
            }
            case EXTENSION -> {
                // the configuration has no Extension scenario for UBL credit notes (KoSIT's validator finds no
                // scenario for them); ozgkit checks them with the levels of the UBL Invoice Extension scenario
                levels.putAll(EXTENSION);
                if (syntax == InvoiceSyntax.UBL) {
                    // third party payment (BG-DEX-09) changes the amount due (BR-DEX-09)
                    levels.put("BR-CO-16", Severity.INFO);
                    levels.put("UBL-CR-470", Severity.INFO);
                    // sub invoice lines (BG-DEX-01)
                    levels.put("UBL-CR-646", Severity.INFO);
                }
            }
            case CVD -> levels.putAll(CVD);
        }
        return levels;
    }

    /**
     * Applies the levels of a scenario to the findings of the EN 16931 and XRechnung layers.
     *
     * @param findings      the findings, in order
     * @param syntax        the syntax
     * @param ublCreditNote whether the document is a UBL CreditNote
     * @param variant       the XRechnung variant
     * @return the findings with the levels of the scenario, in the same order
     */
    static List<Finding> apply(List<Finding> findings, InvoiceSyntax syntax, boolean ublCreditNote,
            XRechnungVariant variant) {
        Map<String, Severity> levels = levels(syntax, ublCreditNote, variant);
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Severity level = f.layer() == ValidationLayer.EN16931 || f.layer() == ValidationLayer.XRECHNUNG
                    ? levels.get(f.ruleId()) : null;
            out.add(level == null || level == f.severity() ? f
                    : new Finding(f.ruleId(), level, f.location(), f.message(), f.layer()));
        }
        return out;
    }
}
