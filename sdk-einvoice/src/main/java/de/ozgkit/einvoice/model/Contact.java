package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * SELLER CONTACT (BG-6) or BUYER CONTACT (BG-9). XRechnung requires all three parts for the seller
 * (BR-DE-5, BR-DE-6, BR-DE-7). Every part may be {@code null}.
 *
 * @param name      contact point (BT-41, BT-56)
 * @param telephone contact telephone number (BT-42, BT-57)
 * @param email     contact email address (BT-43, BT-58)
 */
public record Contact(String name, String telephone, String email) {

    /** Turns empty parts into {@code null}. */
    public Contact {
        name = Values.token(name);
        telephone = Values.token(telephone);
        email = Values.token(email);
    }
}
