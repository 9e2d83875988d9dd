package de.ozgkit.einvoice;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The specification an invoice claims to follow, told by its specification identifier (BT-24). It decides
 * which rule sets {@link EInvoiceValidator} applies ({@link ValidationReport#ruleSets()}).
 *
 * <table>
 *   <caption>Profiles and their rule sets</caption>
 *   <tr><th>profile</th><th>syntaxes</th><th>rule sets</th></tr>
 *   <tr><td>{@link #XRECHNUNG}</td><td>UBL, CII</td><td>XML Schema of the syntax, EN 16931, XRechnung (with the
 *       rule levels of KoSIT's validator configuration for the variant)</td></tr>
 *   <tr><td>{@link #EN16931}</td><td>UBL, CII</td><td>XML Schema of the syntax, EN 16931</td></tr>
 *   <tr><td>{@link #FACTURX_EXTENDED}, {@link #FACTURX_BASIC}, {@link #FACTURX_BASIC_WL},
 *       {@link #FACTURX_MINIMUM}</td><td>CII</td><td>the profile's Factur-X / ZUGFeRD XML Schema and Schematron</td></tr>
 * </table>
 *
 * <p>Factur-X 1.0 and ZUGFeRD 2.x use the same profiles with different identifiers; both are recognised.
 * The Factur-X / ZUGFeRD EN16931 profile uses the plain EN 16931 identifier and is {@link #EN16931}.
 */
public enum InvoiceProfile {
    /** XRechnung 3.0: the standard CIUS, the Extension and the CVD variant ({@link XRechnungVariant}). */
    XRECHNUNG(Set.of(InvoiceSyntax.UBL, InvoiceSyntax.CII), XRechnungVariant.STANDARD.specificationIdentifier(),
            XRechnungVariant.EXTENSION.specificationIdentifier(), XRechnungVariant.CVD.specificationIdentifier()),
    /** EN 16931 itself, and the Factur-X / ZUGFeRD profile EN16931 (COMFORT), which uses the same identifier. */
    EN16931(Set.of(InvoiceSyntax.UBL, InvoiceSyntax.CII), "urn:cen.eu:en16931:2017"),
    /** Factur-X / ZUGFeRD EXTENDED: an extension of EN 16931 with more content (CII only). */
    FACTURX_EXTENDED(Set.of(InvoiceSyntax.CII), "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
            "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended"),
    /** Factur-X / ZUGFeRD BASIC: a subset of EN 16931 (CII only). */
    FACTURX_BASIC(Set.of(InvoiceSyntax.CII), "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic",
            "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic"),
    /** Factur-X / ZUGFeRD BASIC WL: header data without lines; not an EN 16931 invoice (CII only). */
    FACTURX_BASIC_WL(Set.of(InvoiceSyntax.CII), "urn:factur-x.eu:1p0:basicwl", "urn:zugferd.de:2p0:basicwl"),
    /** Factur-X / ZUGFeRD MINIMUM: booking data only; not an EN 16931 invoice (CII only). */
    FACTURX_MINIMUM(Set.of(InvoiceSyntax.CII), "urn:factur-x.eu:1p0:minimum", "urn:zugferd.de:2p0:minimum");

    private final Set<InvoiceSyntax> syntaxes;
    private final List<String> identifiers;

    InvoiceProfile(Set<InvoiceSyntax> syntaxes, String... identifiers) {
        this.syntaxes = syntaxes;
        this.identifiers = List.of(identifiers);
    }

    /** @return the specification identifiers (BT-24) that name this profile */
    public List<String> specificationIdentifiers() {
        return identifiers;
    }

    /**
     * @param syntax a syntax
     * @return whether the profile is defined for that syntax (the Factur-X / ZUGFeRD profiles exist only in CII)
     */
    public boolean supports(InvoiceSyntax syntax) {
        return syntaxes.contains(syntax);
    }

    /**
     * @param bt24 a specification identifier as found in an invoice, may be {@code null}
     * @return the profile it names (compared after trimming white space), empty when it names none of these
     */
    public static Optional<InvoiceProfile> lookup(String bt24) {
        if (bt24 != null) {
            String v = bt24.trim();
            for (InvoiceProfile p : values()) {
                if (p.identifiers.contains(v)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
