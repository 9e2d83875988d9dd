package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;

/**
 * THIRD PARTY PAYMENT (BG-DEX-09), part of the XRechnung Extension only and expressible only in
 * UBL: an amount that a third party pays and that is added to the amount due (BR-DEX-09).
 *
 * @param type        Third party payment type (BT-DEX-001)
 * @param amount      Third party payment amount (BT-DEX-002)
 * @param description Third party payment description (BT-DEX-003)
 */
public record ThirdPartyPayment(String type, BigDecimal amount, String description) {

    /** Brings the amount into canonical form and turns empty texts into {@code null}. */
    public ThirdPartyPayment {
        type = Values.token(type);
        amount = Values.amount(amount);
        description = Values.token(description);
    }
}
