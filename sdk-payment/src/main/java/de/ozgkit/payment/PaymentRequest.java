package de.ozgkit.payment;

import de.ozgkit.payment.internal.Limits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An XBezahldienste 1.0.0 {@code PaymentRequest}: what the citizen is to pay, for what, and where
 * the paypage sends them back to.
 *
 * <pre>{@code
 * PaymentRequest request = PaymentRequest.builder()
 *         .purpose("MELDEBESCHEINIGUNG")
 *         .description("Meldebescheinigung, einfache Ausfertigung")
 *         .redirectUrl("https://service.example.org/antrag/4711/bezahlt")
 *         .item(PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50")).build())
 *         .build();                      // requestId generated, grosAmount computed: 12.50
 * }</pre>
 *
 * <p>Every rule of the standard is checked when the request is made, so nothing invalid is sent:
 * {@code requestId} 1..36 characters matching {@code ^[\w\d-]+$}; {@code currency} "EUR";
 * {@code grosAmount} above 0 and at most 999999 with at most two decimal places, equal to the sum of
 * {@code totalNetAmount + totalTaxAmount} over the items (otherwise the provider answers
 * {@code CALCULATION_ERROR}); {@code purpose} at most 27 characters matching {@code ^[\w\d\s-]+$};
 * {@code description} at most 250 characters matching {@code ^[\w\d\s-,\.\u00C0-\u017F]+$};
 * {@code redirectUrl} an absolute http(s) URL of at most 2082 characters; 1 to 99 items.
 * Violations throw {@link InvalidPaymentFieldException} naming field, rule and actual value.
 *
 * <p><b>Idempotency.</b> The {@code requestId} identifies the request at the provider (unique per
 * originator). When none is set, the builder generates a random one, so every built request has
 * one and the client sends the same id on every retry. Sending the same request again is seen by
 * the provider as a repetition ({@code PAYMENT_EXISTS}); build a new request for a new payment.
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves out the texts, which may carry personal
 * data.
 *
 * @param requestId        the idempotency key, unique per originator
 * @param requestTimestamp when the request (the online application) was made
 * @param currency         the currency, "EUR"
 * @param grosAmount       the gross total ({@code grosAmount}, spelled as in the standard), two decimal
 *                         places; {@code null} in the constructor to have it computed from the items
 * @param purpose          the purpose / booking text, may be {@code null}
 * @param description      the description shown on the paypage, may be {@code null}
 * @param redirectUrl      where the paypage sends the citizen back to; the return carries no result
 * @param items            the positions, 1 to 99, never {@code null}
 * @param requestor        the payer, may be {@code null}
 */
public record PaymentRequest(String requestId, Instant requestTimestamp, String currency, BigDecimal grosAmount,
                             String purpose, String description, String redirectUrl, List<PaymentItem> items,
                             Requestor requestor) {

    /** The only currency XBezahldienste 1.0.0 provides for. */
    public static final String EUR = "EUR";

    /**
     * Checks every rule of the standard and computes {@code grosAmount} when it is {@code null}.
     *
     * @throws InvalidPaymentFieldException when a field breaks a rule of the standard
     */
    public PaymentRequest {
        Limits.text("requestId", requestId, 1, 36, Limits.ID, Limits.ID_RULE);
        if (requestTimestamp == null) {
            throw new InvalidPaymentFieldException("requestTimestamp", "is required", "absent");
        }
        Limits.text("currency", currency, 3, 3, null, null);
        if (!EUR.equals(currency)) {
            throw new InvalidPaymentFieldException("currency", "must be \"EUR\" (the only currency of XBezahldienste 1.0.0)",
                    "a different currency code");
        }
        Limits.optionalText("purpose", purpose, 1, 27, Limits.PURPOSE, Limits.PURPOSE_RULE);
        Limits.optionalText("description", description, 1, 250, Limits.DESCRIPTION, Limits.DESCRIPTION_RULE);
        Limits.url("redirectUrl", redirectUrl);
        if (items == null || items.isEmpty() || items.size() > 99) {
            throw new InvalidPaymentFieldException("items", "must have between 1 and 99 entries",
                    (items == null ? 0 : items.size()) + " entries");
        }
        items = List.copyOf(items);
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (PaymentItem item : items) {
            sum = sum.add(item.totalGrossAmount());
        }
        if (grosAmount == null) {
            grosAmount = Limits.amount("grosAmount (sum of the items)", sum, true);
        } else {
            grosAmount = Limits.amount("grosAmount", grosAmount, true);
            if (grosAmount.compareTo(sum) != 0) {
                throw new InvalidPaymentFieldException("grosAmount",
                        "must equal the sum of totalNetAmount + totalTaxAmount over all items (" + sum.toPlainString()
                                + "), otherwise the provider answers CALCULATION_ERROR", grosAmount.toPlainString());
            }
        }
    }

    /** @return a random request id (a UUID: 36 characters matching {@code ^[\w\d-]+$}) */
    public static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    /** @return a new builder (currency EUR; request id and timestamp, from the system clock, filled in when not set) */
    public static Builder builder() {
        return new Builder(Clock.systemUTC());
    }

    /**
     * @param clock the clock for the default {@code requestTimestamp}
     * @return a new builder (currency EUR; request id and timestamp filled in when not set)
     */
    public static Builder builder(Clock clock) {
        return new Builder(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * @return a builder holding this request's values, including its request id; call
     *         {@link Builder#requestId(String)} with {@code null} to have a new one generated
     */
    public Builder toBuilder() {
        Builder b = new Builder(Clock.systemUTC());
        b.requestId = requestId;
        b.requestTimestamp = requestTimestamp;
        b.currency = currency;
        b.grosAmount = grosAmount;
        b.purpose = purpose;
        b.description = description;
        b.redirectUrl = redirectUrl;
        b.items.addAll(items);
        b.requestor = requestor;
        return b;
    }

    /** @return request id, amount and item count; texts that may carry personal data are left out */
    @Override
    public String toString() {
        return "PaymentRequest[requestId=" + requestId + ", grosAmount=" + grosAmount + " " + currency + ", items="
                + items.size() + "]";
    }

    /** Builds a {@link PaymentRequest}. Not thread-safe. */
    public static final class Builder {
        private final Clock clock;
        private String requestId;
        private Instant requestTimestamp;
        private String currency = EUR;
        private BigDecimal grosAmount;
        private String purpose;
        private String description;
        private String redirectUrl;
        private final List<PaymentItem> items = new ArrayList<>();
        private Requestor requestor;

        private Builder(Clock clock) {
            this.clock = clock;
        }

        /**
         * @param requestId the idempotency key (1..36, {@code ^[\w\d-]+$}); {@code null} to have one generated
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * @param timestamp when the application was made; the builder's clock's now when not set
         * @return this builder
         */
        public Builder requestTimestamp(Instant timestamp) {
            this.requestTimestamp = timestamp;
            return this;
        }

        /**
         * @param currency the currency; only "EUR" is allowed (the default)
         * @return this builder
         */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets the gross total; it must equal the items' sum. When not set it is computed from the items.
         *
         * @param amount the gross total
         * @return this builder
         */
        public Builder grosAmount(BigDecimal amount) {
            this.grosAmount = amount;
            return this;
        }

        /**
         * @param purpose the purpose / booking text (at most 27 characters, {@code ^[\w\d\s-]+$})
         * @return this builder
         */
        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        /**
         * @param description text for the paypage (at most 250 characters)
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * @param url where the paypage sends the citizen back to (absolute http(s), at most 2082 characters)
         * @return this builder
         */
        public Builder redirectUrl(String url) {
            this.redirectUrl = url;
            return this;
        }

        /**
         * Adds a position.
         *
         * @param item the position
         * @return this builder
         */
        public Builder item(PaymentItem item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /**
         * Replaces all positions.
         *
         * @param items the positions
         * @return this builder
         */
        public Builder items(List<PaymentItem> items) {
            this.items.clear();
            items.forEach(this::item);
            return this;
        }

        /**
         * @param requestor the payer, {@code null} for none
         * @return this builder
         */
        public Builder requestor(Requestor requestor) {
            this.requestor = requestor;
            return this;
        }

        /**
         * @return the request
         * @throws InvalidPaymentFieldException when a field breaks a rule of the standard
         */
        public PaymentRequest build() {
            return new PaymentRequest(requestId == null ? newRequestId() : requestId,
                    requestTimestamp == null ? clock.instant().truncatedTo(ChronoUnit.MILLIS) : requestTimestamp,
                    currency, grosAmount, purpose, description, redirectUrl, items, requestor);
        }
    }
}
