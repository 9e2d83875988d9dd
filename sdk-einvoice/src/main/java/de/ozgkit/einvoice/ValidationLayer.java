package de.ozgkit.einvoice;

/**
 * The layer of validation that produced a {@link Finding}, in the order they run.
 */
public enum ValidationLayer {
    /**
     * Well-formedness and the XML Schema of the syntax: UBL 2.1 Invoice or CreditNote, or UN/CEFACT
     * CII D16B. Findings about documents that cannot be read at all belong here too.
     */
    XML_SCHEMA,
    /** The EN 16931 business rules (BR-*, BR-CO-*, BR-CL-*, the syntax rules of CEN/TC 434). */
    EN16931,
    /** The XRechnung rules of KoSIT (BR-DE-*, BR-DEX-*, BR-TMP-*, PEPPOL-EN16931-R*). */
    XRECHNUNG,
    /**
     * The Schematron of a Factur-X / ZUGFeRD profile (MINIMUM, BASIC WL, BASIC, EXTENDED), which carries
     * the EN 16931 rules as that profile applies them.
     */
    FACTURX,
    /**
     * The profile itself: which specification the invoice claims (BT-24) and whether the validator was
     * asked to accept it ({@link EInvoiceValidator.Builder#require(InvoiceProfile...)}).
     */
    PROFILE
}
