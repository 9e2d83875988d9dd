package de.ozgkit.einvoice.pdf;

import de.ozgkit.einvoice.XRechnungVariant;

/**
 * The ZUGFeRD 2.x / Factur-X profiles that carry a complete EN 16931 invoice, as written into the
 * PDF's XMP metadata ({@code fx:ConformanceLevel}) and as the name of the embedded file.
 */
public enum ZugferdProfile {
    /**
     * Profile EN 16931 (ZUGFeRD "COMFORT"): embedded as {@code factur-x.xml}. Accepts any invoice whose
     * specification identifier (BT-24) starts with {@code urn:cen.eu:en16931:2017}, XRechnung included.
     */
    EN16931("EN16931", "EN 16931", "factur-x.xml"),
    /**
     * Profile XRECHNUNG: embedded as {@code xrechnung.xml}. Accepts only invoices whose specification
     * identifier (BT-24) is one of the XRechnung 3.0 variants.
     */
    XRECHNUNG("XRECHNUNG", "XRECHNUNG", "xrechnung.xml");

    static final String EN16931_PREFIX = "urn:cen.eu:en16931:2017";

    private final String mustangName;
    private final String conformanceLevel;
    private final String fileName;

    ZugferdProfile(String mustangName, String conformanceLevel, String fileName) {
        this.mustangName = mustangName;
        this.conformanceLevel = conformanceLevel;
        this.fileName = fileName;
    }

    /** @return the value of {@code fx:ConformanceLevel} in the XMP metadata, e.g. {@code "EN 16931"} */
    public String conformanceLevel() {
        return conformanceLevel;
    }

    /** @return the name of the embedded invoice file, e.g. {@code "factur-x.xml"} */
    public String fileName() {
        return fileName;
    }

    String mustangName() {
        return mustangName;
    }

    /**
     * @param bt24 the specification identifier (BT-24) of an invoice, may be {@code null}
     * @return whether an invoice with this identifier may be embedded under this profile
     */
    public boolean accepts(String bt24) {
        if (bt24 == null) {
            return false;
        }
        String id = bt24.trim();
        return switch (this) {
            case EN16931 -> id.startsWith(EN16931_PREFIX);
            case XRECHNUNG -> XRechnungVariant.lookup(id).isPresent();
        };
    }
}
