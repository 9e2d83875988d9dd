package de.ozgkit.core.id;

/**
 * Amtlicher Regionalschlüssel (ARS): the official 12-digit regional key, made of Land (2 digits),
 * Regierungsbezirk (1), Kreis (2), Gemeindeverband (4) and Gemeinde (3). The PVOG and XZuFi use it
 * to say where a service and a responsibility apply.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param value the 12 digits
 */
public record Ars(String value) {

    /**
     * Validates the key.
     *
     * @throws InvalidIdentifierException if the value is not 12 digits starting with a Land key 00..16
     */
    public Ars {
        Digits.check("ARS", value, 12);
    }

    /**
     * Parses an ARS.
     *
     * @param text 12 digits, e.g. {@code "091620000000"} (München)
     * @return the key
     * @throws InvalidIdentifierException if the text is not a valid ARS
     */
    public static Ars parse(String text) {
        return new Ars(text);
    }

    /** @return the Land key (first 2 digits) */
    public String land() {
        return value.substring(0, 2);
    }

    /**
     * Derives the municipality key: Land, Regierungsbezirk and Kreis (digits 1-5) followed by the
     * Gemeinde (digits 10-12).
     *
     * @return the AGS of the municipality this key names
     */
    public Ags toAgs() {
        return new Ags(value.substring(0, 5) + value.substring(9, 12));
    }

    @Override
    public String toString() {
        return value;
    }
}
