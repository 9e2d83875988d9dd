package de.ozgkit.einvoice;

import java.util.Objects;

/**
 * One result of validating an invoice: a broken rule, a warning or a note.
 *
 * <p>The location is an XPath to the element concerned, with positional predicates and these fixed
 * prefixes: {@code ubl} (UBL Invoice), {@code cn} (UBL CreditNote), {@code cac}, {@code cbc},
 * {@code ext} (UBL components), {@code rsm}, {@code ram}, {@code udt}, {@code qdt} (CII). Elements in
 * other namespaces keep the {@code *:name[namespace-uri()='...']} form. Example:
 * {@code /rsm:CrossIndustryInvoice[1]/rsm:ExchangedDocument[1]/ram:ID[1]}. It is {@code "/"} when the
 * whole document is concerned.
 *
 * @param ruleId   the rule's identifier as the rule set names it, e.g. {@code BR-DE-15}, {@code BR-CO-10};
 *                 for XML Schema errors the XML Schema constraint, e.g. {@code cvc-complex-type.2.4.a};
 *                 for documents that could not be processed one of the {@code OZGKIT-XML-*} identifiers
 *                 of {@link EInvoiceValidator}
 * @param severity how serious it is
 * @param location XPath of the element concerned
 * @param message  the rule set's text, without the leading rule identifier
 * @param layer    which validation layer reported it
 */
public record Finding(String ruleId, Severity severity, String location, String message, ValidationLayer layer) {

    /**
     * Checks that no component is null.
     *
     * @param ruleId   the rule's identifier
     * @param severity how serious it is
     * @param location XPath of the element concerned
     * @param message  the rule set's text
     * @param layer    which validation layer reported it
     */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(layer, "layer");
    }

    /** @return the finding as one line: {@code SEVERITY ruleId location: message} */
    @Override
    public String toString() {
        return severity + " " + ruleId + " " + location + ": " + message;
    }
}
