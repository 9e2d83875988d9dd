package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.RuleSet;
import de.ozgkit.einvoice.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import de.ozgkit.einvoice.engine.StylesheetAbort;

/**
 * Explains why a Schematron stylesheet stopped with a dynamic error: which rule was being checked (read
 * from the stylesheet at the line Saxon reports, {@link StylesheetAbort#lines()}), on which element of the document, and why the rule
 * could not evaluate there. The usual cause without an XML Schema error is content the schema of the
 * syntax allows and EN 16931 does not: an element repeated where a rule expects at most one (for example
 * two price allowances, {@code ram:AppliedTradeAllowanceCharge}, under one gross price in a Factur-X
 * EXTENDED invoice, where the XRechnung rule PEPPOL-EN16931-R046 expects one).
 */
final class AbortDiagnosis {

    /** The rule id in the failed assertion that follows the test, in both forms the stylesheets use. */
    private static final Pattern RULE_ID = Pattern.compile("<xsl:attribute name=\"id\">([^<]{1,64})</xsl:attribute>"
            + "|<svrl:failed-assert[^>]*\\sid=\"([^\"]{1,64})\"");
    /** How far below the failing line the rule id is looked for. */
    private static final int LOOK_AHEAD_LINES = 40;

    private AbortDiagnosis() {
    }

    /**
     * @param ruleSet       the rule set that stopped
     * @param resource      its stylesheet's class path resource
     * @param e             how it stopped
     * @param schemaErrors  whether the XML Schema layer reported errors on the document
     * @return the error finding that says so
     */
    static Finding finding(RuleSet ruleSet, String resource, StylesheetAbort e, boolean schemaErrors) {
        String rule = rule(resource, e);
        String location = path(e);
        String code = e.errorCode().isEmpty() ? "" : e.errorCode() + " ";
        StringBuilder m = new StringBuilder("the ").append(ruleSet.title()).append(" stopped");
        if (rule != null) {
            m.append(" while checking rule ").append(rule);
        }
        if (e.nodeKnown()) {
            m.append(" on the element at the location of this finding");
        }
        m.append(" and could not check the rest of its rules: ").append(code).append(e.getMessage());
        String text = String.valueOf(e.getMessage());
        if (schemaErrors) {
            m.append("; this follows from the XML Schema errors reported above: fix them first");
        } else if (text.contains("more than one item")) {
            m.append("; the rule expects at most one of these elements there, as EN 16931 defines the business"
                    + " term once; the document has more, which the XML Schema of its syntax allows (this is"
                    + " content EN 16931 and this profile do not define, e.g. from a Factur-X EXTENDED invoice)");
        } else {
            m.append("; the document holds a value the rule cannot evaluate although the XML Schema accepted it");
        }
        return new Finding(EInvoiceValidator.RULE_SCHEMATRON_ABORTED, Severity.ERROR, location, m.toString(),
                ruleSet.layer());
    }

    /** The same XPath form as every other finding (fixed prefixes, positions). */
    private static String path(StylesheetAbort e) {
        StringBuilder sb = new StringBuilder();
        for (StylesheetAbort.Step s : e.elementPath()) {
            sb.append('/').append(Namespaces.stepName(s.namespace(), s.localName())).append('[').append(s.position()).append(']');
        }
        if (e.attribute() != null) {
            sb.append("/@").append(Namespaces.stepName(e.attribute().namespace(), e.attribute().localName()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    /**
     * The rule being checked: at the line of the error, or, when it happened inside a function of the
     * stylesheet, at the line of the call, as Saxon's stack of the transformation tells.
     */
    private static String rule(String resource, StylesheetAbort e) {
        for (StylesheetAbort.SourceLine l : e.lines()) {
            String rule = ruleAt(resource, l.systemId(), l.line());
            if (rule != null) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The id of the failed assertion that follows a stylesheet line within the same template (a test and
     * the assertion it guards stand together); {@code null} when there is none.
     */
    private static String ruleAt(String resource, String systemId, int line) {
        if (line <= 0 || systemId != null && !systemId.endsWith(resource)) {
            return null;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RuleSets.resource(resource).openStream(), StandardCharsets.UTF_8))) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (n < line) {
                    continue;
                }
                if (n > line + LOOK_AHEAD_LINES) {
                    return null;
                }
                Matcher m = RULE_ID.matcher(s);
                if (m.find()) {
                    return (m.group(1) != null ? m.group(1) : m.group(2)).trim();
                }
                if (s.contains("</xsl:template>") || s.contains("</xsl:function>") || s.contains("</function>")) {
                    return null;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the explanation goes without the rule id
        }
        return null;
    }
}
