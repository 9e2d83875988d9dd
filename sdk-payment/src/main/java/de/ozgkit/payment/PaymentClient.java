package de.ozgkit.payment;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.Sleeper;
import de.ozgkit.payment.internal.DefaultPaymentClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Client of an XBezahldienste 1.0.0 payment provider (ePayBL, pmPayment, epay21, GiroCheckout ...):
 * create a payment, send the citizen to the paypage, poll until the payment is final.
 *
 * <pre>{@code
 * try (PaymentClient payments = PaymentClient.builder()
 *         .config(OzgClientConfig.builder().baseUri("https://pay.example.org/xbezahldienste/v1")
 *                 .credentials(Credentials.oauth2ClientCredentials(tokenUri, clientId, secret, List.of()))
 *                 .build())
 *         .context("online-service-1", "09162000")
 *         .build()) {
 *     PaymentTransaction tx = payments.create(request);
 *     URI paypage = tx.paypageUrl().orElseThrow();          // send the citizen there
 *     PaymentTransaction done = payments.awaitFinalStatus(tx.transactionId(), Duration.ofMinutes(15));
 *     if (done.status().isPaid()) { ... }
 * }
 * }</pre>
 *
 * <p>Every call exists in two forms: with an explicit {@link PaymentContext} (originatorId and
 * endPointId) and without, using the context given to the builder.
 *
 * <p><b>Retries and idempotency.</b> Calls are retried by the configured
 * {@link de.ozgkit.core.RetryPolicy} on connection failures, timeouts, 429 and 5xx, all within the
 * configured call timeout. A create is retried with the same body and so the same
 * {@code requestId}, which lets the provider recognise the repetition. When a retry is answered
 * {@code PAYMENT_EXISTS}, an earlier attempt was processed and its answer lost: if the provider
 * names the transaction (an extension some providers offer), the client fetches and returns it;
 * otherwise it throws {@link PaymentExistsException} carrying the {@code requestId}, so that the
 * caller can reconcile with the provider.
 *
 * <p><b>Errors.</b> Every exception is an {@link de.ozgkit.core.OzgException}:
 * {@link InvalidPaymentFieldException} before sending; {@link PaymentException} subclasses for
 * functional codes; otherwise the status-based exceptions of ozgkit core
 * ({@link de.ozgkit.core.OzgServiceException}) and {@link de.ozgkit.core.OzgClientException} when no
 * usable answer arrived.
 *
 * <p><b>Tolerant reading.</b> An answer with a field in a form the standard does not allow (a
 * timestamp that is not ISO 8601, a relative transaction URL, an over-long transaction id) still
 * yields a readable transaction: see {@link PaymentInformation#irregularFields()}. A paypage URL
 * that is not an absolute http(s) URL is refused ({@link de.ozgkit.core.OzgClientException} of kind
 * PROTOCOL): the citizen is never sent to a {@code javascript:} or other URL.
 *
 * <p>Thread-safe; create one per provider and share it. Closing releases the connection pool.
 */
public interface PaymentClient extends AutoCloseable {

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a payment transaction ({@code POST {base}/paymenttransaction/{originatorId}/{endPointId}}).
     *
     * @param context the originator and end point
     * @param request the payment request
     * @return the transaction, status {@link PaymentStatus#INITIAL} with the paypage URL
     * @throws InvalidPaymentFieldException when the request breaks a rule of the provider profile
     * @throws PaymentException             when the provider refuses with a functional code
     */
    PaymentTransaction create(PaymentContext context, PaymentRequest request);

    /**
     * Creates a payment transaction in the builder's context.
     *
     * @param request the payment request
     * @return the transaction
     * @throws de.ozgkit.core.OzgClientException of kind CONFIGURATION when the builder got no context
     * @see #create(PaymentContext, PaymentRequest)
     */
    PaymentTransaction create(PaymentRequest request);

    /**
     * Reads a transaction's current state ({@code GET {base}/paymenttransaction/{o}/{e}/{transactionId}}).
     *
     * @param context       the originator and end point
     * @param transactionId the provider's transaction id
     * @return the transaction
     */
    PaymentTransaction get(PaymentContext context, String transactionId);

    /**
     * Reads a transaction in the builder's context.
     *
     * @param transactionId the provider's transaction id
     * @return the transaction
     * @see #get(PaymentContext, String)
     */
    PaymentTransaction get(String transactionId);

    /**
     * Polls a transaction, with growing pauses, until its status is final (PAYED, CANCELED or FAILED).
     *
     * @param context       the originator and end point
     * @param transactionId the provider's transaction id
     * @param timeout       how long to poll at most
     * @return the transaction in its final status
     * @throws PaymentAwaitTimeoutException when the time ran out first, with the last status seen
     */
    PaymentTransaction awaitFinalStatus(PaymentContext context, String transactionId, Duration timeout);

    /**
     * Polls in the builder's context.
     *
     * @param transactionId the provider's transaction id
     * @param timeout       how long to poll at most
     * @return the transaction in its final status
     * @see #awaitFinalStatus(PaymentContext, String, Duration)
     */
    PaymentTransaction awaitFinalStatus(String transactionId, Duration timeout);

    /**
     * Asks whether the provider's configuration for this context is usable
     * ({@code GET {base}/status/{originatorId}/{endPointId}}).
     *
     * @param context the originator and end point
     * @return the answer for 200, 403 and 503
     * @throws de.ozgkit.core.OzgServiceException for any other status
     */
    ProviderHealth health(PaymentContext context);

    /**
     * Asks about the builder's context.
     *
     * @return the answer
     * @see #health(PaymentContext)
     */
    ProviderHealth health();

    /** Releases the connection pool (unless the configuration supplied its own transport). */
    @Override
    void close();

    /** Builds a {@link PaymentClient}. Not thread-safe. */
    final class Builder {
        /** Default first pause between two status polls. */
        public static final Duration DEFAULT_POLL_INITIAL = Duration.ofMillis(500);
        /** Default longest pause between two status polls. */
        public static final Duration DEFAULT_POLL_MAX = Duration.ofSeconds(10);

        private OzgClientConfig config;
        private PaymentContext context;
        private ProviderProfile profile = ProviderProfile.STANDARD;
        private Duration pollInitial = DEFAULT_POLL_INITIAL;
        private Duration pollMax = DEFAULT_POLL_MAX;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /**
         * @param config base URI (the {@code {base}} of the standard's paths), credentials, TLS, retries
         * @return this builder
         */
        public Builder config(OzgClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param context the originator and end point used by the calls without an explicit context
         * @return this builder
         */
        public Builder context(PaymentContext context) {
            this.context = context;
            return this;
        }

        /**
         * @param originatorId the originator (online service / business context)
         * @param endPointId   the end point (responsible authority, e.g. its AGS)
         * @return this builder
         */
        public Builder context(String originatorId, String endPointId) {
            return context(new PaymentContext(originatorId, endPointId));
        }

        /**
         * @param profile provider-specific rules checked before sending (default {@link ProviderProfile#STANDARD})
         * @return this builder
         */
        public Builder profile(ProviderProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets the pauses of {@link PaymentClient#awaitFinalStatus}: the first pause, growing by half
         * each poll up to the longest.
         *
         * @param initial the first pause
         * @param max     the longest pause
         * @return this builder
         */
        public Builder pollBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw OzgClientException.configuration("poll backoff must be positive with max >= initial, was "
                        + initial + " / " + max);
            }
            this.pollInitial = initial;
            this.pollMax = max;
            return this;
        }

        /**
         * @param clock the clock that decides when {@link PaymentClient#awaitFinalStatus} gives up and when
         *              an OAuth2 token is renewed (default: the system clock)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param sleeper how the client waits between status polls and between retries (default: the
         *                calling thread sleeps); tests pass one that moves their clock forward
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the client
         * @throws OzgClientException of kind CONFIGURATION when no configuration was given, the configuration
         *                            has no base URI, or credentials would travel over plain http
         */
        public PaymentClient build() {
            if (config == null) {
                throw OzgClientException.configuration("PaymentClient needs a configuration: call config(OzgClientConfig)");
            }
            config.requireBaseUri();
            return new DefaultPaymentClient(config, context, profile, pollInitial, pollMax, clock, sleeper);
        }
    }
}
