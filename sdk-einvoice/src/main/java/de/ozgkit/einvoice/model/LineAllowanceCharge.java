package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;

/**
 * An INVOICE LINE ALLOWANCE (BG-27) or INVOICE LINE CHARGE (BG-28).
 *
 * <p>For {@link InvoiceLine#builder()} the amount may be left {@code null} when a percentage is
 * given; the base amount then defaults to quantity x net price / base quantity.
 *
 * @param charge     {@code true} for a charge (BG-28), {@code false} for an allowance (BG-27)
 * @param amount     amount (BT-136, BT-141), or {@code null} to be computed
 * @param baseAmount base amount (BT-137, BT-142), or {@code null}
 * @param percentage percentage (BT-138, BT-143), or {@code null}
 * @param reason     reason (BT-139, BT-144), or {@code null}
 * @param reasonCode reason code (BT-140: UNTDID 5189, BT-145: UNTDID 7161), or {@code null}
 */
public record LineAllowanceCharge(boolean charge, BigDecimal amount, BigDecimal baseAmount, BigDecimal percentage,
                                  String reason, String reasonCode) {

    /** Brings numbers into canonical form and turns empty texts into {@code null}. */
    public LineAllowanceCharge {
        amount = Values.amount(amount);
        baseAmount = Values.amount(baseAmount);
        percentage = Values.number(percentage);
        reason = Values.token(reason);
        reasonCode = Values.token(reasonCode);
    }

    /**
     * @param amount     BT-136
     * @param reason     BT-139
     * @param reasonCode BT-140
     * @return a line allowance of a fixed amount
     */
    public static LineAllowanceCharge allowance(BigDecimal amount, String reason, String reasonCode) {
        return new LineAllowanceCharge(false, amount, null, null, reason, reasonCode);
    }

    /**
     * @param amount     BT-141
     * @param reason     BT-144
     * @param reasonCode BT-145
     * @return a line charge of a fixed amount
     */
    public static LineAllowanceCharge charge(BigDecimal amount, String reason, String reasonCode) {
        return new LineAllowanceCharge(true, amount, null, null, reason, reasonCode);
    }

    /**
     * @param charge     {@code true} for a charge
     * @param percentage BT-138 / BT-143
     * @param reason     BT-139 / BT-144
     * @param reasonCode BT-140 / BT-145
     * @return a percentage allowance or charge on the line amount, computed by the line builder
     */
    public static LineAllowanceCharge percentage(boolean charge, BigDecimal percentage, String reason,
                                                 String reasonCode) {
        return new LineAllowanceCharge(charge, null, null, percentage, reason, reasonCode);
    }
}
