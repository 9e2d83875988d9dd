package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * PAYMENT CARD INFORMATION (BG-18).
 *
 * @param primaryAccountNumber Payment card primary account number (BT-87): only the last four to six
 *                             digits (BR-51); never {@code null}
 * @param holderName           Payment card holder name (BT-88), or {@code null}
 */
public record PaymentCard(String primaryAccountNumber, String holderName) {

    /**
     * Checks the account number.
     *
     * @throws NullPointerException if the account number is {@code null}
     */
    public PaymentCard {
        primaryAccountNumber = Values.required(primaryAccountNumber, "payment card primary account number (BT-87)");
        holderName = Values.token(holderName);
    }
}
