package de.ozgkit.einvoice;

/** The two XML syntaxes of EN 16931 that XRechnung 3.0 allows. */
public enum InvoiceSyntax {
    /** OASIS UBL 2.1: {@code Invoice} or {@code CreditNote}. */
    UBL,
    /** UN/CEFACT Cross Industry Invoice D16B: {@code CrossIndustryInvoice}. */
    CII
}
