package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * An identifier with an optional identification scheme, as EN 16931 uses it for party identifiers
 * (BT-29, BT-46, BT-60), legal registration identifiers (BT-30, BT-47, BT-61), electronic addresses
 * (BT-34, BT-49), the deliver-to location (BT-71), object identifiers (BT-18, BT-128) and the item
 * standard identifier (BT-157).
 *
 * @param value    the identifier; never {@code null}
 * @param schemeId the identification scheme (ISO 6523 ICD, EAS or UNTDID 1153 code, depending on
 *                 the business term), or {@code null} when absent
 */
public record Identifier(String value, String schemeId) {

    /**
     * Checks the value.
     *
     * @throws NullPointerException if the value is {@code null}
     */
    public Identifier {
        value = Values.required(value, "identifier value");
        schemeId = Values.token(schemeId);
    }

    /**
     * @param value the identifier
     * @return an identifier without scheme
     */
    public static Identifier of(String value) {
        return new Identifier(value, null);
    }

    /**
     * @param value    the identifier
     * @param schemeId the scheme, e.g. {@code "EM"} for an e-mail electronic address or {@code "0204"}
     *                 for a Leitweg-ID
     * @return an identifier with scheme
     */
    public static Identifier of(String value, String schemeId) {
        return new Identifier(value, schemeId);
    }
}
