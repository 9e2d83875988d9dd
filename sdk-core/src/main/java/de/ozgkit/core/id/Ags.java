package de.ozgkit.core.id;

/**
 * Amtlicher Gemeindeschlüssel (AGS): the official 8-digit key of a German municipality, made of
 * Land (2 digits), Regierungsbezirk (1), Kreis (2) and Gemeinde (3). Often used as the
 * XBezahldienste {@code endPointId} of the responsible authority.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param value the 8 digits
 */
public record Ags(String value) {

    /**
     * Validates the key.
     *
     * @throws InvalidIdentifierException if the value is not 8 digits starting with a Land key 00..16
     */
    public Ags {
        Digits.check("AGS", value, 8);
    }

    /**
     * Parses an AGS.
     *
     * @param text 8 digits, e.g. {@code "09162000"} (München)
     * @return the key
     * @throws InvalidIdentifierException if the text is not a valid AGS
     */
    public static Ags parse(String text) {
        return new Ags(text);
    }

    /** @return the Land key (first 2 digits), e.g. {@code "09"} for Bavaria */
    public String land() {
        return value.substring(0, 2);
    }

    /** @return the Kreis key (first 5 digits) */
    public String kreis() {
        return value.substring(0, 5);
    }

    @Override
    public String toString() {
        return value;
    }
}
