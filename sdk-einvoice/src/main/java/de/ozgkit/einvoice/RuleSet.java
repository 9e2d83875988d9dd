package de.ozgkit.einvoice;

/**
 * A rule set that {@link EInvoiceValidator} can apply, with the layer its findings are reported in.
 * {@link ValidationReport#ruleSets()} lists those that ran on a document. Each rule set exists for the
 * syntaxes its profiles use; which file of a rule set runs follows from the document's syntax.
 */
public enum RuleSet {
    /** OASIS UBL 2.1 XML Schema (Invoice and CreditNote). */
    UBL_SCHEMA(ValidationLayer.XML_SCHEMA, "OASIS UBL 2.1 XML Schema"),
    /** UN/CEFACT Cross Industry Invoice D16B XML Schema, the full schema as KoSIT's XRechnung configuration uses it. */
    CII_SCHEMA(ValidationLayer.XML_SCHEMA, "UN/CEFACT CII D16B XML Schema"),
    /** CEN/TC 434 EN 16931 validation artefacts 1.3.14 (UBL or CII binding). */
    EN16931(ValidationLayer.EN16931, "EN 16931 Schematron 1.3.14 (CEN/TC 434)"),
    /**
     * KoSIT XRechnung Schematron 2.4.0 for XRechnung 3.0.2, with the rule levels of KoSIT's validator
     * configuration for XRechnung, release 2025-07-10.
     */
    XRECHNUNG(ValidationLayer.XRECHNUNG, "XRechnung Schematron 2.4.0 (KoSIT)"),
    /** Factur-X / ZUGFeRD EXTENDED XML Schema. */
    FACTURX_EXTENDED_SCHEMA(ValidationLayer.XML_SCHEMA, "Factur-X / ZUGFeRD EXTENDED XML Schema"),
    /** Factur-X / ZUGFeRD EXTENDED Schematron (includes the EN 16931 rules as the profile applies them). */
    FACTURX_EXTENDED(ValidationLayer.FACTURX, "Factur-X / ZUGFeRD EXTENDED Schematron"),
    /** Factur-X / ZUGFeRD BASIC XML Schema. */
    FACTURX_BASIC_SCHEMA(ValidationLayer.XML_SCHEMA, "Factur-X / ZUGFeRD BASIC XML Schema"),
    /** Factur-X / ZUGFeRD BASIC Schematron. */
    FACTURX_BASIC(ValidationLayer.FACTURX, "Factur-X / ZUGFeRD BASIC Schematron"),
    /** Factur-X / ZUGFeRD BASIC WL XML Schema. */
    FACTURX_BASIC_WL_SCHEMA(ValidationLayer.XML_SCHEMA, "Factur-X / ZUGFeRD BASIC WL XML Schema"),
    /** Factur-X / ZUGFeRD BASIC WL Schematron. */
    FACTURX_BASIC_WL(ValidationLayer.FACTURX, "Factur-X / ZUGFeRD BASIC WL Schematron"),
    /** Factur-X / ZUGFeRD MINIMUM XML Schema. */
    FACTURX_MINIMUM_SCHEMA(ValidationLayer.XML_SCHEMA, "Factur-X / ZUGFeRD MINIMUM XML Schema"),
    /** Factur-X / ZUGFeRD MINIMUM Schematron. */
    FACTURX_MINIMUM(ValidationLayer.FACTURX, "Factur-X / ZUGFeRD MINIMUM Schematron");

    private final ValidationLayer layer;
    private final String title;

    RuleSet(ValidationLayer layer, String title) {
        this.layer = layer;
        this.title = title;
    }

    /** @return the layer this rule set's findings are reported in */
    public ValidationLayer layer() {
        return layer;
    }

    /** @return the rule set's name and version, e.g. {@code EN 16931 Schematron 1.3.14 (CEN/TC 434)} */
    public String title() {
        return title;
    }
}
