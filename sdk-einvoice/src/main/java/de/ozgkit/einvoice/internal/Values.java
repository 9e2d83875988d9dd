package de.ozgkit.einvoice.internal;

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
     * @param s a text value
     * @return {@code null} for {@code null} or the empty string, otherwise the text unchanged
     */
    public static String text(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * An amount in canonical form: trailing zeros removed, but at least two decimals
     * ({@code 336.9 -> 336.90}, {@code 100 -> 100.00}, {@code 1.2345 -> 1.2345}).
     *
     * @param v the amount, may be {@code null}
     * @return the canonical amount or {@code null}
     */
    public static BigDecimal amount(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2) : s;
    }

    /**
     * A quantity, percentage or rate in canonical form: trailing zeros removed, never in
     * exponent notation ({@code 19.00 -> 19}, {@code 1E+2 -> 100}).
     *
     * @param v the number, may be {@code null}
     * @return the canonical number or {@code null}
     */
    public static BigDecimal number(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
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
