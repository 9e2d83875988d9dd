package de.ozgkit.einvoice.internal;

import de.ozgkit.einvoice.model.InvoiceValueException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Canonical forms for values held by the invoice model, so that two documents carrying the same
 * content give equal models whatever their formatting ({@code 7}, {@code 7.0} and {@code 7.00} are
 * one VAT rate; {@code 336.9} and {@code 336.90} are one amount).
 *
 * <p>Not API: used by the model's constructors, readers and writers.
 */
public final class Values {

    private Values() {
    }

    /**
     * Free text kept verbatim (notes BT-22 and BT-127, payment terms BT-20): white space at either end
     * is part of the value.
     *
     * @param s a text value
     * @return {@code null} for {@code null} or the empty string, otherwise the text unchanged
     */
    public static String text(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Every other text (names, identifiers, codes, references): white space at either end is not part of
     * the value, as the readers take it ({@link String#strip()}).
     *
     * @param s a text value
     * @return {@code null} for {@code null} or a text of white space only, otherwise the stripped text
     */
    public static String token(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * A text the record requires: stripped like {@link #token(String)}, but never {@code null}. A text
     * of white space only becomes the empty string, which the invoice refuses when it is assembled
     * (naming the business term).
     *
     * @param s    the value
     * @param what the business term, for the message of the {@link NullPointerException}
     * @return the stripped text
     * @throws NullPointerException if the value is {@code null}
     */
    public static String required(String s, String what) {
        return java.util.Objects.requireNonNull(s, what).strip();
    }

    /** The most digits a number of the model may have before, and after, the decimal point. */
    public static final int MAX_DIGITS = 1000;

    /**
     * An amount in canonical form: trailing zeros removed, but at least two decimals
     * ({@code 336.9 -> 336.90}, {@code 100 -> 100.00}, {@code 1.2345 -> 1.2345}).
     *
     * @param v the amount, may be {@code null}
     * @return the canonical amount or {@code null}
     * @throws InvoiceValueException if it has more than {@link #MAX_DIGITS} digits before or after the point
     */
    public static BigDecimal amount(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = bounded(v.stripTrailingZeros());
        return s.scale() < 2 ? s.setScale(2) : s;
    }

    /**
     * A quantity, percentage or rate in canonical form: trailing zeros removed, never in
     * exponent notation ({@code 19.00 -> 19}, {@code 1E+2 -> 100}).
     *
     * @param v the number, may be {@code null}
     * @return the canonical number or {@code null}
     * @throws InvoiceValueException if it has more than {@link #MAX_DIGITS} digits before or after the point
     */
    public static BigDecimal number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = bounded(v.stripTrailingZeros());
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * Refuses numbers no invoice can hold: {@code new BigDecimal("1E+999999999")} would need a billion digits
     * when written out (and a {@code BigInteger} larger than Java allows for the canonical form).
     */
    private static BigDecimal bounded(BigDecimal s) {
        if (s.scale() > MAX_DIGITS || s.precision() - s.scale() > MAX_DIGITS) {
            throw new InvoiceValueException("decimal", "the number " + s + " has more than " + MAX_DIGITS
                    + " digits before or after the decimal point, which no amount, quantity or rate of an invoice has");
        }
        return s;
    }

    /**
     * @param list a list, may be {@code null}
     * @param <T>  element type
     * @return an unmodifiable copy, empty for {@code null}
     * @throws NullPointerException if an element is {@code null}
     */
    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
