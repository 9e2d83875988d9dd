package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * ITEM ATTRIBUTES (BG-32): a property of the item. The XRechnung CVD variant uses the name
 * {@code "cva"} for the clean vehicle attribute.
 *
 * @param name  Item attribute name (BT-160); never {@code null}
 * @param value Item attribute value (BT-161); never {@code null}
 */
public record ItemAttribute(String name, String value) {

    /**
     * Checks both parts (BR-54).
     *
     * @throws NullPointerException if a part is {@code null}
     */
    public ItemAttribute {
        name = Values.required(name, "item attribute name (BT-160)");
        value = Values.required(value, "item attribute value (BT-161)");
    }
}
