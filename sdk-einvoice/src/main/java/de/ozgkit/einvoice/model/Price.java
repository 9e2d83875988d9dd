package de.ozgkit.einvoice.model;

import de.ozgkit.einvoice.internal.Values;
import java.math.BigDecimal;

/**
 * PRICE DETAILS (BG-29). Prices may carry more than two decimals.
 *
 * @param netPrice         Item net price (BT-146)
 * @param discount         Item price discount (BT-147), or {@code null}
 * @param grossPrice       Item gross price (BT-148), or {@code null}
 * @param baseQuantity     Item price base quantity (BT-149), or {@code null} for 1
 * @param baseQuantityUnit Item price base quantity unit of measure code (BT-150), or {@code null}
 */
public record Price(BigDecimal netPrice, BigDecimal discount, BigDecimal grossPrice, BigDecimal baseQuantity,
                    String baseQuantityUnit) {

    /**
     * Brings numbers into canonical form.
     *
     * @throws InvoiceValueException if a base quantity unit is given without base quantity: both
     *                               syntaxes carry the unit as an attribute of the base quantity
     */
    public Price {
        netPrice = Values.amount(netPrice);
        discount = Values.amount(discount);
        grossPrice = Values.amount(grossPrice);
        baseQuantity = Values.number(baseQuantity);
        baseQuantityUnit = Values.token(baseQuantityUnit);
        if (baseQuantityUnit != null && baseQuantity == null) {
            throw new InvoiceValueException("BT-150", "the item price base quantity unit of measure code (BT-150) needs"
                    + " the base quantity (BT-149), whose attribute it is in both syntaxes; give both or neither");
        }
    }

    /**
     * @param netPrice Item net price (BT-146)
     * @return a price per one unit
     */
    public static Price of(BigDecimal netPrice) {
        return new Price(netPrice, null, null, null, null);
    }
}
