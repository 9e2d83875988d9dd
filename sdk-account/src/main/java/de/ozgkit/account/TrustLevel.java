package de.ozgkit.account;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Trust level (Vertrauensniveau) of a login or of a single returned attribute, as BundID and the
 * Servicekonten report it per attribute (akdb {@code TrustLevel}), with its STORK QAA equivalent.
 * Check the level of each attribute you rely on, not once per login.
 *
 * <p>The named levels of the accounts map as follows: basisregistrierung ~ {@link #UNTERGEORDNET}
 * and {@link #NORMAL}, substantiell = {@link #SUBSTANTIELL}, hoch = {@link #HOCH}.
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

    /** @return the akdb name as written on the wire, e.g. {@code "SUBSTANTIELL"} */
    public String code() {
        return name();
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
     * Looks a level up by its akdb name ({@code "SUBSTANTIELL"}) or its STORK form
     * ({@code "STORK-QAA-Level-3"}); case and surrounding white space are ignored.
     *
     * @param code the text, may be {@code null}
     * @return the level, empty for anything else
     */
    public static Optional<TrustLevel> lookup(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String v = code.strip().toUpperCase(Locale.ROOT);
        for (TrustLevel l : values()) {
            if (l.name().equals(v) || l.storkQaa().toUpperCase(Locale.ROOT).equals(v)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a level like {@link #lookup(String)}.
     *
     * @param code the text
     * @return the level
     * @throws UnknownCodeException for anything but the four akdb names and STORK-QAA-Level-1..4
     */
    public static TrustLevel fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("akdb TrustLevel", code, known()));
    }

    private static List<String> known() {
        List<String> names = new java.util.ArrayList<>(Arrays.stream(values()).map(TrustLevel::name).toList());
        names.add("STORK-QAA-Level-1..4");
        return names;
    }
}
