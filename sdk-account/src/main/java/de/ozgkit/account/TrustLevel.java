package de.ozgkit.account;

/**
 * Trust level (Vertrauensniveau) of a login or of a single returned attribute, as BundID and the
 * Servicekonten report it per attribute, with its STORK QAA equivalent. Check the level of each
 * attribute you rely on, not once per login.
 */
public enum TrustLevel {
    /** Below normal ({@code STORK-QAA-Level-1}), e.g. self-asserted data of a basic registration. */
    UNTERGEORDNET(1),
    /** Normal ({@code STORK-QAA-Level-2}), e.g. a verified e-mail address or ELSTER certificate. */
    NORMAL(2),
    /** Substantial ({@code STORK-QAA-Level-3}). */
    SUBSTANTIELL(3),
    /** High ({@code STORK-QAA-Level-4}), e.g. the online ID card function. */
    HOCH(4);

    private final int storkLevel;

    TrustLevel(int storkLevel) {
        this.storkLevel = storkLevel;
    }

    /** @return the STORK QAA level, 1 to 4 */
    public int storkLevel() {
        return storkLevel;
    }

    /** @return the authentication context class, e.g. {@code "STORK-QAA-Level-3"} */
    public String storkQaa() {
        return "STORK-QAA-Level-" + storkLevel;
    }

    /**
     * @param required the minimum
     * @return whether this level is at least {@code required}
     */
    public boolean isAtLeast(TrustLevel required) {
        return storkLevel >= required.storkLevel;
    }

    /**
     * Parses the akdb name ({@code "SUBSTANTIELL"}) or the STORK form ({@code "STORK-QAA-Level-3"}).
     *
     * @param value the text
     * @return the level
     * @throws IllegalArgumentException for anything else
     */
    public static TrustLevel parse(String value) {
        if (value != null) {
            String v = value.trim();
            for (TrustLevel l : values()) {
                if (l.name().equalsIgnoreCase(v) || l.storkQaa().equalsIgnoreCase(v)) {
                    return l;
                }
            }
        }
        throw new IllegalArgumentException("unknown trust level \"" + value
                + "\"; known are UNTERGEORDNET, NORMAL, SUBSTANTIELL, HOCH and STORK-QAA-Level-1..4");
    }
}
