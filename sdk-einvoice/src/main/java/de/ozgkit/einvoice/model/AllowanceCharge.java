package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;

/**
 * A DOCUMENT LEVEL ALLOWANCE (BG-20) or DOCUMENT LEVEL CHARGE (BG-21).
 *
 * <p>For {@link Invoice#builder()} the amount may be left {@code null} when base amount and
 * percentage are given; the builder computes it (base x percentage / 100, rounded to two decimals).
 *
 * <pre>{@code
 * AllowanceCharge.allowance(new BigDecimal("10.00"), VatCategory.STANDARD_RATE, new BigDecimal("19"), "Rabatt", "95");
 * AllowanceCharge.charge(new BigDecimal("5.00"), VatCategory.STANDARD_RATE, new BigDecimal("19"), "Versand", "FC");
 * }</pre>
 *
 * @param charge          {@code true} for a charge (BG-21), {@code false} for an allowance (BG-20)
 * @param amount          amount (BT-92, BT-99), or {@code null} to be computed
 * @param baseAmount      base amount (BT-93, BT-100), or {@code null}
 * @param percentage      percentage (BT-94, BT-101), or {@code null}
 * @param vatCategoryCode VAT category code (BT-95, BT-102), UNTDID 5305
 * @param vatRate         VAT rate (BT-96, BT-103), or {@code null} (category "O")
 * @param reason          reason (BT-97, BT-104), or {@code null}
 * @param reasonCode      reason code (BT-98: UNTDID 5189, BT-105: UNTDID 7161), or {@code null}
 */
public record AllowanceCharge(boolean charge, BigDecimal amount, BigDecimal baseAmount, BigDecimal percentage,
                              String vatCategoryCode, BigDecimal vatRate, String reason, String reasonCode) {

    /** Brings numbers into canonical form and turns empty texts into {@code null}. */
    public AllowanceCharge {
        amount = Values.amount(amount);
        baseAmount = Values.amount(baseAmount);
        percentage = Values.number(percentage);
        vatCategoryCode = Values.token(vatCategoryCode);
        vatRate = Values.number(vatRate);
        reason = Values.token(reason);
        reasonCode = Values.token(reasonCode);
    }

    /**
     * A document level allowance (BG-20) of a fixed amount.
     *
     * @param amount     BT-92
     * @param category   BT-95
     * @param rate       BT-96, {@code null} for category O
     * @param reason     BT-97, may be {@code null} when a code is given
     * @param reasonCode BT-98 (UNTDID 5189), may be {@code null} when a reason is given
     * @return the allowance
     */
    public static AllowanceCharge allowance(BigDecimal amount, VatCategory category, BigDecimal rate, String reason,
                                            String reasonCode) {
        return new AllowanceCharge(false, amount, null, null, category.code(), rate, reason, reasonCode);
    }

    /**
     * A document level charge (BG-21) of a fixed amount.
     *
     * @param amount     BT-99
     * @param category   BT-102
     * @param rate       BT-103, {@code null} for category O
     * @param reason     BT-104, may be {@code null} when a code is given
     * @param reasonCode BT-105 (UNTDID 7161), may be {@code null} when a reason is given
     * @return the charge
     */
    public static AllowanceCharge charge(BigDecimal amount, VatCategory category, BigDecimal rate, String reason,
                                         String reasonCode) {
        return new AllowanceCharge(true, amount, null, null, category.code(), rate, reason, reasonCode);
    }

    /**
     * A percentage allowance or charge whose amount {@link Invoice#builder()} computes.
     *
     * @param charge     {@code true} for a charge
     * @param baseAmount BT-93 / BT-100
     * @param percentage BT-94 / BT-101
     * @param category   BT-95 / BT-102
     * @param rate       BT-96 / BT-103
     * @param reason     BT-97 / BT-104
     * @param reasonCode BT-98 / BT-105
     * @return the allowance or charge
     */
    public static AllowanceCharge percentage(boolean charge, BigDecimal baseAmount, BigDecimal percentage,
                                             VatCategory category, BigDecimal rate, String reason, String reasonCode) {
        return new AllowanceCharge(charge, null, baseAmount, percentage, category.code(), rate, reason, reasonCode);
    }

    /**
     * @param newAmount the amount
     * @return a copy with another amount
     */
    public AllowanceCharge withAmount(BigDecimal newAmount) {
        return new AllowanceCharge(charge, newAmount, baseAmount, percentage, vatCategoryCode, vatRate, reason,
                reasonCode);
    }
}
