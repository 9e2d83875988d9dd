package de.ozgkit.einvoice;

import java.util.Optional;

/**
 * The two XML syntaxes of EN 16931 that XRechnung 3.0 allows, told apart by the root element.
 */
public enum InvoiceSyntax {
    /** OASIS UBL 2.1: root {@code Invoice} or {@code CreditNote}. */
    UBL,
    /** UN/CEFACT Cross Industry Invoice D16B: root {@code rsm:CrossIndustryInvoice}. */
    CII;

    /** Namespace of the UBL 2.1 invoice root element. */
    public static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    /** Namespace of the UBL 2.1 credit note root element. */
    public static final String UBL_CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    /** Namespace of the CII D16B root element. */
    public static final String CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";

    /**
     * Tells the syntax from the root element.
     *
     * @param namespace the root element's namespace URI
     * @param localName the root element's local name
     * @return the syntax, empty when the root element is none of an EN 16931 invoice or credit note
     */
    public static Optional<InvoiceSyntax> lookup(String namespace, String localName) {
        if (UBL_INVOICE_NS.equals(namespace) && "Invoice".equals(localName)
                || UBL_CREDIT_NOTE_NS.equals(namespace) && "CreditNote".equals(localName)) {
            return Optional.of(UBL);
        }
        if (CII_NS.equals(namespace) && "CrossIndustryInvoice".equals(localName)) {
            return Optional.of(CII);
        }
        return Optional.empty();
    }
}
