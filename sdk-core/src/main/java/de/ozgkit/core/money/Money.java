package de.ozgkit.core.money;

import de.ozgkit.core.OzgClientException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in a currency, always with the two decimals that EN 16931 prescribes for invoice
 * amounts, rounded half up. Arithmetic keeps the currency and rounds each result.
 *
 * <pre>{@code
 * Money net = Money.eur("100.00");
 * Money vat = net.percent(new BigDecimal("19"));   // 19.00 EUR
 * Money gross = net.plus(vat);                     // 119.00 EUR
 * BigDecimal rounded = Money.round(new BigDecimal("2.345")); // 2.35
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param amount   the amount, scale 2
 * @param currency ISO 4217 alphabetic code, e.g. {@code "EUR"}
 */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {

    /** Scale of EN 16931 amounts. */
    public static final int SCALE = 2;
    /** Rounding of EN 16931 amounts. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Rounds the amount to two decimals, half up, and checks the currency code.
     *
     * @throws OzgClientException of kind INVALID_ARGUMENT if the currency is not three upper-case letters
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw OzgClientException.invalidArgument("currency must be an ISO 4217 code of three upper-case letters, was \""
                    + currency + "\"");
        }
        amount = round(amount);
    }

    /**
     * An amount in euro.
     *
     * @param amount decimal text such as {@code "12.50"}
     * @return the amount rounded to two decimals
     * @throws OzgClientException of kind INVALID_ARGUMENT if the text is not a decimal number
     */
    public static Money eur(String amount) {
        BigDecimal value;
        try {
            value = new BigDecimal(java.util.Objects.requireNonNull(amount, "amount"));
        } catch (NumberFormatException e) {
            throw OzgClientException.invalidArgument("an amount must be a decimal number such as 12.50, was a text of "
                    + amount.length() + " characters that is not");
        }
        return new Money(value, "EUR");
    }

    /**
     * An amount in euro.
     *
     * @param amount the amount
     * @return the amount rounded to two decimals
     */
    public static Money eur(BigDecimal amount) {
        return new Money(amount, "EUR");
    }

    /**
     * Rounds an amount as EN 16931 requires: two decimals, half up ({@code 2.345 -> 2.35},
     * {@code -2.345 -> -2.35}).
     *
     * @param amount the amount
     * @return the rounded amount, scale 2
     */
    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    /**
     * Computes {@code rate} percent of an amount, rounded to two decimals (e.g. the VAT of a
     * category: BT-117 = BT-116 x BT-119 / 100).
     *
     * @param amount the base amount
     * @param rate   the percentage, e.g. {@code 19}
     * @return the rounded result
     */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal rate) {
        return round(amount.multiply(rate).divide(HUNDRED));
    }

    /**
     * Adds an amount of the same currency.
     *
     * @param other the other amount
     * @return the sum
     * @throws OzgClientException of kind INVALID_ARGUMENT if the currencies differ
     */
    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    /**
     * Subtracts an amount of the same currency.
     *
     * @param other the other amount
     * @return the difference
     * @throws OzgClientException of kind INVALID_ARGUMENT if the currencies differ
     */
    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /**
     * Multiplies by a factor (a quantity, say) and rounds the result.
     *
     * @param factor the factor
     * @return the product, rounded to two decimals
     */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /**
     * Computes a percentage of this amount.
     *
     * @param rate the percentage, e.g. {@code 19}
     * @return the rounded result in the same currency
     */
    public Money percent(BigDecimal rate) {
        return new Money(percentOf(amount, rate), currency);
    }

    /** @return whether the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw OzgClientException.invalidArgument("cannot combine " + currency + " with " + other.currency
                    + "; convert the amounts to one currency first");
        }
        return other;
    }

    /**
     * Orders amounts of the same currency.
     *
     * @throws OzgClientException of kind INVALID_ARGUMENT if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** @return e.g. {@code "12.50 EUR"} */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
