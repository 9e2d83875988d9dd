package de.ozgkit.einvoice;

import java.util.Optional;

/**
 * The three XRechnung 3.0 variants, told apart by the specification identifier (BT-24).
 */
public enum XRechnungVariant {
    /** The standard CIUS. */
    STANDARD("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"),
    /** The XRechnung Extension. */
    EXTENSION("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
            + "#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0"),
    /** The CVD variant (Clean Vehicles Directive reporting). */
    CVD("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
            + "#compliant#urn:xeinkauf.de:kosit:xrechnung:cvd_0.9");

    private final String specificationIdentifier;

    XRechnungVariant(String specificationIdentifier) {
        this.specificationIdentifier = specificationIdentifier;
    }

    /** @return the specification identifier (BT-24) of this variant */
    public String specificationIdentifier() {
        return specificationIdentifier;
    }

    /**
     * @param bt24 a specification identifier as found in an invoice, may be {@code null}
     * @return the variant (compared after trimming white space), empty when the identifier is none of
     *         XRechnung 3.0's
     */
    public static Optional<XRechnungVariant> lookup(String bt24) {
        if (bt24 != null) {
            String v = bt24.trim();
            for (XRechnungVariant variant : values()) {
                if (variant.specificationIdentifier.equals(v)) {
                    return Optional.of(variant);
                }
            }
        }
        return Optional.empty();
    }
}
