package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * SELLER TAX REPRESENTATIVE PARTY (BG-11) with its postal address (BG-12).
 *
 * @param name    Seller tax representative name (BT-62)
 * @param vatId   Seller tax representative VAT identifier (BT-63)
 * @param address SELLER TAX REPRESENTATIVE POSTAL ADDRESS (BG-12)
 */
public record TaxRepresentative(String name, String vatId, PostalAddress address) {

    /** Turns empty texts into {@code null}. */
    public TaxRepresentative {
        name = Values.token(name);
        vatId = Values.token(vatId);
    }
}
