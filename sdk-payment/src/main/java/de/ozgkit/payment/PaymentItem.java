package de.ozgkit.payment;

import de.ozgkit.payment.internal.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One position ({@code items[]}) of an XBezahldienste payment request: what is paid for, its tax
 * and its booking data for the cash office.
 *
 * <pre>{@code
 * PaymentItem fee = PaymentItem.builder()
 *         .id("fee-1")
 *         .description("Gebuehr Meldebescheinigung")
 *         .quantity(1)
 *         .singleNetAmount(new BigDecimal("12.50"))
 *         .taxRate(BigDecimal.ZERO)
 *         .bookingData("Kassenzeichen", "5.0100.123456.7")
 *         .build();
 * }</pre>
 *
 * <p>Rules (XBezahldienste 1.0.0): {@code id} 1..36 characters matching {@code ^[\w\d-]+$};
 * {@code reference} 1..36 characters, same pattern; {@code description} at most 250 characters;
 * {@code taxRate} a percentage 0..100; {@code quantity} 1..999999; amounts at most 999999 with at
 * most two decimal places. {@code totalNetAmount} and {@code totalTaxAmount} are computed from the
 * single amounts and the quantity when not given. The request's {@code grosAmount} is the sum of
 * {@code totalNetAmount + totalTaxAmount} over all items.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id              the position id given by the online service
 * @param reference       the position's reference, may be {@code null}
 * @param description     the position's description, may be {@code null}
 * @param taxRate         the tax rate in percent, may be {@code null}
 * @param quantity        the quantity, 1..999999
 * @param singleNetAmount the net amount of one unit, may be {@code null}
 * @param singleTaxAmount the tax amount of one unit, may be {@code null}
 * @param totalNetAmount  the net amount of the position (two decimal places); {@code null} in the
 *                        constructor to compute it from the single net amount
 * @param totalTaxAmount  the tax amount of the position (two decimal places); {@code null} in the
 *                        constructor to compute it from the single tax amount (or zero)
 * @param bookingData     the booking data for the cash procedure ({@code Haushaltsstelle},
 *                        {@code Objektnummer}, {@code Kassenzeichen} ...) in the order added, never
 *                        {@code null}; which keys a provider needs is agreed with it (a missing one is
 *                        answered with {@code BOOKING_DATA_MISSING})
 */
public record PaymentItem(String id, String reference, String description, BigDecimal taxRate, int quantity,
                          BigDecimal singleNetAmount, BigDecimal singleTaxAmount, BigDecimal totalNetAmount,
                          BigDecimal totalTaxAmount, Map<String, String> bookingData) {

    /**
     * Checks every rule and computes the totals when they are {@code null}: {@code totalNetAmount}
     * as single net amount times quantity, {@code totalTaxAmount} as single tax amount times
     * quantity (or zero).
     *
     * @throws InvalidPaymentFieldException when a field breaks a rule of the standard
     */
    public PaymentItem {
        Limits.text("items[].id", id, 1, 36, Limits.ID, Limits.ID_RULE);
        Limits.optionalText("items[].reference", reference, 1, 36, Limits.ID, Limits.ID_RULE);
        Limits.optionalText("items[].description", description, 1, 250, Limits.DESCRIPTION, Limits.DESCRIPTION_RULE);
        if (taxRate != null) {
            if (taxRate.signum() < 0 || taxRate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidPaymentFieldException("items[].taxRate", "must be a percentage between 0 and 100",
                        taxRate.toPlainString());
            }
            if (taxRate.stripTrailingZeros().scale() > 2) {
                throw new InvalidPaymentFieldException("items[].taxRate", "must have at most 2 decimal places",
                        taxRate.toPlainString());
            }
        }
        if (quantity < 1 || quantity > 999_999) {
            throw new InvalidPaymentFieldException("items[].quantity", "must be between 1 and 999999",
                    Integer.toString(quantity));
        }
        singleNetAmount = singleNetAmount == null ? null : Limits.amount("items[].singleNetAmount", singleNetAmount, false);
        singleTaxAmount = singleTaxAmount == null ? null : Limits.amount("items[].singleTaxAmount", singleTaxAmount, false);
        if (totalNetAmount == null && singleNetAmount != null) {
            totalNetAmount = singleNetAmount.multiply(BigDecimal.valueOf(quantity));
        }
        if (totalNetAmount == null) {
            throw new InvalidPaymentFieldException("items[].totalNetAmount",
                    "is required (or give singleNetAmount to compute it)", "absent");
        }
        totalNetAmount = Limits.amount("items[].totalNetAmount", totalNetAmount, false);
        if (totalTaxAmount == null) {
            totalTaxAmount = singleTaxAmount != null ? singleTaxAmount.multiply(BigDecimal.valueOf(quantity))
                    : BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        totalTaxAmount = Limits.amount("items[].totalTaxAmount", totalTaxAmount, false);
        Map<String, String> booking = new LinkedHashMap<>();
        if (bookingData != null) {
            bookingData.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new InvalidPaymentFieldException("items[].bookingData", "must not hold null keys or values",
                            "a null " + (k == null ? "key" : "value"));
                }
                Limits.plainText("items[].bookingData key", k, 250);
                Limits.plainText("items[].bookingData[" + k + "]", v, 2000);
                booking.put(k, v);
            });
        }
        bookingData = Collections.unmodifiableMap(booking);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this item's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.reference = reference;
        b.description = description;
        b.taxRate = taxRate;
        b.quantity = quantity;
        b.singleNetAmount = singleNetAmount;
        b.singleTaxAmount = singleTaxAmount;
        b.totalNetAmount = totalNetAmount;
        b.totalTaxAmount = totalTaxAmount;
        b.bookingData.putAll(bookingData);
        return b;
    }

    /** @return net plus tax of the position: its share of {@code grosAmount} */
    public BigDecimal totalGrossAmount() {
        return totalNetAmount.add(totalTaxAmount);
    }

    /** @return id, quantity and totals; descriptions and booking data values are left out */
    @Override
    public String toString() {
        return "PaymentItem[id=" + id + ", quantity=" + quantity + ", totalNetAmount=" + totalNetAmount
                + ", totalTaxAmount=" + totalTaxAmount + ", bookingData=" + bookingData.keySet() + "]";
    }

    /** Builds a {@link PaymentItem}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String reference;
        private String description;
        private BigDecimal taxRate;
        private int quantity = 1;
        private BigDecimal singleNetAmount;
        private BigDecimal singleTaxAmount;
        private BigDecimal totalNetAmount;
        private BigDecimal totalTaxAmount;
        private final Map<String, String> bookingData = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param id the position id (1..36, {@code ^[\w\d-]+$})
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param reference the position's reference (1..36, {@code ^[\w\d-]+$})
         * @return this builder
         */
        public Builder reference(String reference) {
            this.reference = reference;
            return this;
        }

        /**
         * @param description the position's description (at most 250 characters)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param percent the tax rate in percent, 0..100, e.g. {@code 19}
         * @return this builder
         */
        public Builder taxRate(BigDecimal percent) {
            this.taxRate = percent;
            return this;
        }

        /**
         * @param quantity 1..999999 (default 1)
         * @return this builder
         */
        public Builder quantity(int quantity) {
            this.quantity = quantity;
            return this;
        }

        /**
         * @param amount net amount of one unit
         * @return this builder
         */
        public Builder singleNetAmount(BigDecimal amount) {
            this.singleNetAmount = amount;
            return this;
        }

        /**
         * @param amount tax amount of one unit
         * @return this builder
         */
        public Builder singleTaxAmount(BigDecimal amount) {
            this.singleTaxAmount = amount;
            return this;
        }

        /**
         * @param amount net amount of the position; computed as single net amount times quantity when not set
         * @return this builder
         */
        public Builder totalNetAmount(BigDecimal amount) {
            this.totalNetAmount = amount;
            return this;
        }

        /**
         * @param amount tax amount of the position; computed as single tax amount times quantity
         *               (or zero) when not set
         * @return this builder
         */
        public Builder totalTaxAmount(BigDecimal amount) {
            this.totalTaxAmount = amount;
            return this;
        }

        /**
         * Adds one booking data entry, replacing an earlier value of the same key.
         *
         * @param key   e.g. {@code "Haushaltsstelle"}
         * @param value the value
         * @return this builder
         */
        public Builder bookingData(String key, String value) {
            bookingData.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Replaces all booking data.
         *
         * @param data keys to values
         * @return this builder
         */
        public Builder bookingData(Map<String, String> data) {
            bookingData.clear();
            data.forEach(this::bookingData);
            return this;
        }

        /**
         * @return the item
         * @throws InvalidPaymentFieldException when a field breaks a rule of the standard
         */
        public PaymentItem build() {
            return new PaymentItem(id, reference, description, taxRate, quantity, singleNetAmount, singleTaxAmount,
                    totalNetAmount, totalTaxAmount, bookingData);
        }
    }
}
