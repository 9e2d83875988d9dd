package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * DIRECT DEBIT (BG-19). XRechnung requires the creditor identifier and the debited account
 * (BR-DE-30, BR-DE-31).
 *
 * @param mandateReference Mandate reference identifier (BT-89), or {@code null}
 * @param creditorId       Bank assigned creditor identifier (BT-90), or {@code null}
 * @param debitedAccountId Debited account identifier (BT-91), an IBAN, or {@code null}
 */
public record DirectDebit(String mandateReference, String creditorId, String debitedAccountId) {

    /** Turns empty texts into {@code null}. */
    public DirectDebit {
        mandateReference = Values.token(mandateReference);
        creditorId = Values.token(creditorId);
        debitedAccountId = Values.token(debitedAccountId);
    }
}
