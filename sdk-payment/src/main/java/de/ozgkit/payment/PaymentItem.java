package de.ozgkit.payment;

import de.ozgkit.payment.internal.Limits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 */
public final class PaymentItem {

    private final String id;
    private final String reference;
    private final String description;
    private final BigDecimal taxRate;
    private final int quantity;
    private final BigDecimal singleNetAmount;
    private final BigDecimal singleTaxAmount;
    private final BigDecimal totalNetAmount;
    private final BigDecimal totalTaxAmount;
    private final Map<String, String> bookingData;

    private PaymentItem(Builder b) {
        this.id = Limits.text("items[].id", b.id, 1, 36, Limits.ID, Limits.ID_RULE);
        this.reference = Limits.optionalText("items[].reference", b.reference, 1, 36, Limits.ID, Limits.ID_RULE);
        this.description = Limits.optionalText("items[].description", b.description, 1, 250, Limits.DESCRIPTION,
                Limits.DESCRIPTION_RULE);
        if (b.taxRate != null) {
            if (b.taxRate.signum() < 0 || b.taxRate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new InvalidPaymentFieldException("items[].taxRate", "must be a percentage between 0 and 100",
                        b.taxRate.toPlainString());
            }
            if (b.taxRate.stripTrailingZeros().scale() > 2) {
                throw new InvalidPaymentFieldException("items[].taxRate", "must have at most 2 decimal places",
                        b.taxRate.toPlainString());
            }
        }
        this.taxRate = b.taxRate;
        if (b.quantity < 1 || b.quantity > 999_999) {
            throw new InvalidPaymentFieldException("items[].quantity", "must be between 1 and 999999",
                    Integer.toString(b.quantity));
        }
        this.quantity = b.quantity;
        this.singleNetAmount = b.singleNetAmount == null ? null
                : Limits.amount("items[].singleNetAmount", b.singleNetAmount, false);
        this.singleTaxAmount = b.singleTaxAmount == null ? null
                : Limits.amount("items[].singleTaxAmount", b.singleTaxAmount, false);
        BigDecimal totalNet = b.totalNetAmount;
        if (totalNet == null && singleNetAmount != null) {
            totalNet = singleNetAmount.multiply(BigDecimal.valueOf(quantity));
        }
        if (totalNet == null) {
            throw new InvalidPaymentFieldException("items[].totalNetAmount",
                    "is required (or give singleNetAmount to compute it)", "absent");
        }
        this.totalNetAmount = Limits.amount("items[].totalNetAmount", totalNet, false);
        BigDecimal totalTax = b.totalTaxAmount;
        if (totalTax == null) {
            totalTax = singleTaxAmount != null ? singleTaxAmount.multiply(BigDecimal.valueOf(quantity))
                    : BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        this.totalTaxAmount = Limits.amount("items[].totalTaxAmount", totalTax, false);
        Map<String, String> booking = new LinkedHashMap<>();
        b.bookingData.forEach((k, v) -> {
            Limits.plainText("items[].bookingData key", k, 250);
            Limits.plainText("items[].bookingData[" + k + "]", v, 2000);
            booking.put(k, v);
        });
        this.bookingData = Collections.unmodifiableMap(booking);
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

    /** @return the position id given by the online service */
    public String id() {
        return id;
    }

    /** @return the position's reference, if any */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** @return the position's description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the tax rate in percent, if given */
    public Optional<BigDecimal> taxRate() {
        return Optional.ofNullable(taxRate);
    }

    /** @return the quantity, 1..999999 */
    public int quantity() {
        return quantity;
    }

    /** @return the net amount of one unit, if given */
    public Optional<BigDecimal> singleNetAmount() {
        return Optional.ofNullable(singleNetAmount);
    }

    /** @return the tax amount of one unit, if given */
    public Optional<BigDecimal> singleTaxAmount() {
        return Optional.ofNullable(singleTaxAmount);
    }

    /** @return the net amount of the position (two decimal places) */
    public BigDecimal totalNetAmount() {
        return totalNetAmount;
    }

    /** @return the tax amount of the position (two decimal places) */
    public BigDecimal totalTaxAmount() {
        return totalTaxAmount;
    }

    /** @return net plus tax of the position: its share of {@code grosAmount} */
    public BigDecimal totalGrossAmount() {
        return totalNetAmount.add(totalTaxAmount);
    }

    /**
     * The booking data for the cash procedure, e.g. {@code Haushaltsstelle}, {@code Objektnummer},
     * {@code Kassenzeichen}; which keys a provider needs is agreed with it (a missing one is
     * answered with {@code BOOKING_DATA_MISSING}).
     *
     * @return the booking data in the order added, never {@code null}
     */
    public Map<String, String> bookingData() {
        return bookingData;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentItem i && id.equals(i.id) && Objects.equals(reference, i.reference)
                && Objects.equals(description, i.description) && Objects.equals(taxRate, i.taxRate)
                && quantity == i.quantity && Objects.equals(singleNetAmount, i.singleNetAmount)
                && Objects.equals(singleTaxAmount, i.singleTaxAmount) && totalNetAmount.equals(i.totalNetAmount)
                && totalTaxAmount.equals(i.totalTaxAmount) && bookingData.equals(i.bookingData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, reference, description, taxRate, quantity, singleNetAmount, singleTaxAmount,
                totalNetAmount, totalTaxAmount, bookingData);
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
            return new PaymentItem(this);
        }
    }
}
