package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;

/**
 * VAT BREAKDOWN (BG-23): one entry per VAT category and rate. {@link Invoice#builder()} computes
 * them from the lines and the document level allowances and charges.
 *
 * @param taxableAmount       VAT category taxable amount (BT-116)
 * @param taxAmount           VAT category tax amount (BT-117)
 * @param categoryCode        VAT category code (BT-118), UNTDID 5305
 * @param rate                VAT category rate (BT-119), or {@code null}
 * @param exemptionReason     VAT exemption reason text (BT-120), or {@code null}
 * @param exemptionReasonCode VAT exemption reason code (BT-121), VATEX, or {@code null}
 */
public record VatBreakdown(BigDecimal taxableAmount, BigDecimal taxAmount, String categoryCode, BigDecimal rate,
                           String exemptionReason, String exemptionReasonCode) {

    /** Brings numbers into canonical form and turns empty texts into {@code null}. */
    public VatBreakdown {
        taxableAmount = Values.amount(taxableAmount);
        taxAmount = Values.amount(taxAmount);
        categoryCode = Values.token(categoryCode);
        rate = Values.number(rate);
        exemptionReason = Values.token(exemptionReason);
        exemptionReasonCode = Values.token(exemptionReasonCode);
    }
}
