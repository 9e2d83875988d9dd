package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;

/**
 * CREDIT TRANSFER (BG-17): an account the buyer may pay to.
 *
 * @param accountId         Payment account identifier (BT-84), an IBAN for SEPA; never {@code null}
 * @param accountName       Payment account name (BT-85), or {@code null}
 * @param serviceProviderId Payment service provider identifier (BT-86), a BIC, or {@code null}
 */
public record CreditTransfer(String accountId, String accountName, String serviceProviderId) {

    /**
     * Checks the account identifier.
     *
     * @throws NullPointerException if the account identifier is {@code null}
     */
    public CreditTransfer {
        accountId = Values.required(accountId, "payment account identifier (BT-84)");
        accountName = Values.token(accountName);
        serviceProviderId = Values.token(serviceProviderId);
    }
}
