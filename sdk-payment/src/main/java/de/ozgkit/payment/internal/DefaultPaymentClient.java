package de.ozgkit.payment.internal;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.Sleeper;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.payment.PaymentAwaitTimeoutException;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentContext;
import de.ozgkit.payment.PaymentExistsException;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.ProviderHealth;
import de.ozgkit.payment.ProviderProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link PaymentClient}: XBezahldienste 1.0.0 over ozgkit core's HTTP pipeline
 * (interceptors, authentication, retries, the call timeout, error mapping with the payment hook).
 * Thread-safe.
 */
public final class DefaultPaymentClient implements PaymentClient {

    private static final Logger LOG = LoggerFactory.getLogger("de.ozgkit.payment");
    private static final String ACCEPT = "application/json, application/problem+json";

    private final HttpPipeline pipeline;
    private final PaymentContext defaultContext;
    private final ProviderProfile profile;
    private final Duration pollInitial;
    private final Duration pollMax;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * Creates the client.
     *
     * @param config      the configuration; the profile adapts its credentials
     * @param context     the default context, {@code null} for none
     * @param profile     the provider profile
     * @param pollInitial first pause between status polls
     * @param pollMax     longest pause between status polls
     * @param clock       decides when polling gives up and when OAuth2 tokens are renewed
     * @param sleeper     waits between polls and between retries
     */
    public DefaultPaymentClient(OzgClientConfig config, PaymentContext context, ProviderProfile profile,
                                Duration pollInitial, Duration pollMax, Clock clock, Sleeper sleeper) {
        OzgClientConfig adapted = config.toBuilder().credentials(profile.adapt(config.credentials())).build();
        this.pipeline = new HttpPipeline(adapted, sleeper, clock);
        this.defaultContext = context;
        this.profile = profile;
        this.pollInitial = pollInitial;
        this.pollMax = pollMax;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public PaymentTransaction create(PaymentContext context, PaymentRequest request) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(request, "request");
        profile.check(request);
        URI uri = pipeline.resolve("paymenttransaction", context.originatorId(), context.endPointId());
        // one body for all attempts: every retry carries the same requestId
        HttpRequest http = HttpRequest.builder("POST", uri).header("Accept", ACCEPT)
                .idempotencyKey(request.requestId())
                .body("application/json", PaymentJson.write(request))
                .build();
        HttpPipeline.Exchange ex = pipeline.send(http);
        HttpResponse response = ex.response();
        if (response.status() == 200 || response.status() == 201) {
            return read(response, ex);
        }
        if (response.status() < 400) {
            throw unexpected(ex);
        }
        OzgServiceException error = PaymentErrors.map(ex.request(), response, ex.attempts(), request.requestId());
        if (error instanceof PaymentExistsException exists && exists.afterLostAnswer()
                && exists.existingTransactionId().isPresent()) {
            // an earlier attempt of this call was processed but its answer was lost: the provider
            // names the transaction, and it is ours if it carries our requestId
            PaymentTransaction existing = get(context, exists.existingTransactionId().get());
            if (existing.request() == null || existing.request().requestId().equals(request.requestId())) {
                LOG.debug("{}: attempt {} answered PAYMENT_EXISTS; an earlier attempt created transaction {}",
                        ex.request(), ex.attempts(), existing.transactionId());
                return existing;
            }
        }
        throw error;
    }

    @Override
    public PaymentTransaction create(PaymentRequest request) {
        return create(requireDefault(), request);
    }

    @Override
    public PaymentTransaction get(PaymentContext context, String transactionId) {
        Objects.requireNonNull(context, "context");
        Limits.transactionId("transactionId", transactionId);
        URI uri = pipeline.resolve("paymenttransaction", context.originatorId(), context.endPointId(), transactionId);
        HttpPipeline.Exchange ex = pipeline.send(HttpRequest.builder("GET", uri).header("Accept", ACCEPT).build());
        HttpResponse response = ex.response();
        if (response.status() == 200) {
            return read(response, ex);
        }
        if (response.status() < 400) {
            throw unexpected(ex);
        }
        throw PaymentErrors.map(ex.request(), response, ex.attempts(), null);
    }

    @Override
    public PaymentTransaction get(String transactionId) {
        return get(requireDefault(), transactionId);
    }

    @Override
    public PaymentTransaction awaitFinalStatus(PaymentContext context, String transactionId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Instant deadline = clock.instant().plus(timeout);
        Duration pause = pollInitial;
        int polls = 0;
        while (true) {
            PaymentTransaction tx = get(context, transactionId);
            polls++;
            if (tx.status().isFinal()) {
                return tx;
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isZero() || left.isNegative()) {
                throw new PaymentAwaitTimeoutException("transaction " + transactionId + " is still " + tx.status()
                        + " after " + timeout.toSeconds() + " s; the citizen may still be on the paypage, poll again later",
                        tx, polls);
            }
            try {
                sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OzgClientException(OzgClientException.Kind.IO, "interrupted while waiting for transaction "
                        + transactionId + " to reach a final status", e, polls);
            }
            Duration next = pause.plus(pause.dividedBy(2));
            pause = next.compareTo(pollMax) < 0 ? next : pollMax;
        }
    }

    @Override
    public PaymentTransaction awaitFinalStatus(String transactionId, Duration timeout) {
        return awaitFinalStatus(requireDefault(), transactionId, timeout);
    }

    @Override
    public ProviderHealth health(PaymentContext context) {
        Objects.requireNonNull(context, "context");
        URI uri = pipeline.resolve("status", context.originatorId(), context.endPointId());
        HttpPipeline.Exchange ex = pipeline.send(HttpRequest.builder("GET", uri).header("Accept", ACCEPT).build());
        HttpResponse response = ex.response();
        switch (response.status()) {
            case 200:
                return new ProviderHealth(ProviderHealth.Availability.AVAILABLE, 200,
                        PaymentErrors.problem(response).orElse(null));
            case 403:
                return new ProviderHealth(ProviderHealth.Availability.FORBIDDEN, 403,
                        PaymentErrors.problem(response).orElse(null));
            case 503:
                return new ProviderHealth(ProviderHealth.Availability.UNAVAILABLE, 503,
                        PaymentErrors.problem(response).orElse(null));
            default:
                if (response.status() < 400) {
                    throw unexpected(ex);
                }
                throw PaymentErrors.map(ex.request(), response, ex.attempts(), null);
        }
    }

    @Override
    public ProviderHealth health() {
        return health(requireDefault());
    }

    private PaymentTransaction read(HttpResponse response, HttpPipeline.Exchange ex) {
        try {
            return PaymentJson.readTransaction(response, ex.request().uri());
        } catch (OzgClientException e) {
            throw new OzgClientException(e.kind(), ex.request() + ": " + e.getMessage(), e, ex.attempts());
        }
    }

    private static OzgClientException unexpected(HttpPipeline.Exchange ex) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, ex.request() + " answered HTTP "
                + ex.response().status() + ", which XBezahldienste does not provide for; check the base URI",
                null, ex.attempts());
    }

    private PaymentContext requireDefault() {
        if (defaultContext == null) {
            throw OzgClientException.configuration("no originatorId/endPointId configured; call"
                    + " PaymentClient.builder().context(originatorId, endPointId) or pass a PaymentContext");
        }
        return defaultContext;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "PaymentClient[" + pipeline.config().baseUri().map(URI::toString).orElse("?") + ", profile=" + profile
                + "]";
    }
}
