package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * PAYEE (BG-10): the party that receives the payment, when it is not the seller.
 *
 * @param name                Payee name (BT-59)
 * @param identifier          Payee identifier (BT-60) with scheme, or {@code null}
 * @param legalRegistrationId Payee legal registration identifier (BT-61) with scheme, or {@code null}
 */
public record Payee(String name, Identifier identifier, Identifier legalRegistrationId) {

    /** Turns an empty name into {@code null}. */
    public Payee {
        name = Values.token(name);
    }
}
