package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;

/**
 * DOCUMENT TOTALS (BG-22). {@link Invoice#builder()} computes them (BR-CO-10 .. BR-CO-16).
 *
 * @param lineNetTotal                 Sum of Invoice line net amount (BT-106)
 * @param allowanceTotal               Sum of allowances on document level (BT-107), or {@code null}
 * @param chargeTotal                  Sum of charges on document level (BT-108), or {@code null}
 * @param totalWithoutVat              Invoice total amount without VAT (BT-109)
 * @param vatTotal                     Invoice total VAT amount (BT-110), or {@code null}
 * @param vatTotalInAccountingCurrency Invoice total VAT amount in accounting currency (BT-111), or {@code null}
 * @param totalWithVat                 Invoice total amount with VAT (BT-112)
 * @param paidAmount                   Paid amount (BT-113), or {@code null}
 * @param roundingAmount               Rounding amount (BT-114), or {@code null}
 * @param amountDue                    Amount due for payment (BT-115)
 */
public record DocumentTotals(BigDecimal lineNetTotal, BigDecimal allowanceTotal, BigDecimal chargeTotal,
                             BigDecimal totalWithoutVat, BigDecimal vatTotal, BigDecimal vatTotalInAccountingCurrency,
                             BigDecimal totalWithVat, BigDecimal paidAmount, BigDecimal roundingAmount,
                             BigDecimal amountDue) {

    /** Brings the amounts into canonical form. */
    public DocumentTotals {
        lineNetTotal = Values.amount(lineNetTotal);
        allowanceTotal = Values.amount(allowanceTotal);
        chargeTotal = Values.amount(chargeTotal);
        totalWithoutVat = Values.amount(totalWithoutVat);
        vatTotal = Values.amount(vatTotal);
        vatTotalInAccountingCurrency = Values.amount(vatTotalInAccountingCurrency);
        totalWithVat = Values.amount(totalWithVat);
        paidAmount = Values.amount(paidAmount);
        roundingAmount = Values.amount(roundingAmount);
        amountDue = Values.amount(amountDue);
    }
}
