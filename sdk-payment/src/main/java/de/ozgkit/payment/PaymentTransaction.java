package de.ozgkit.payment;

import de.ozgkit.payment.internal.PaymentAccess;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A payment transaction as the provider answers it ({@code PaymentTransaction} of XBezahldienste
 * 1.0.0): the {@linkplain #information() payment information} and, when the provider echoes it,
 * the {@linkplain #request() payment request}.
 *
 * <p>After {@link PaymentClient#create}, send the citizen to {@link #paypageUrl()}; then poll with
 * {@link PaymentClient#awaitFinalStatus} until {@link #status()} is final.
 *
 * <p>Immutable and thread-safe.
 */
public final class PaymentTransaction {

    static {
        PaymentAccess.install(PaymentTransaction::new);
    }

    private final PaymentInformation information;
    /** The echoed request, or how to read it when first asked for (answers are read lazily). */
    private volatile Object request;

    /**
     * Creates a transaction.
     *
     * @param information the payment information
     * @param request     the echoed payment request, {@code null} when the provider sent none (or one
     *                    that is not valid under the standard's rules)
     */
    public PaymentTransaction(PaymentInformation information, PaymentRequest request) {
        this.information = Objects.requireNonNull(information, "information");
        this.request = request == null ? NONE : request;
    }

    private PaymentTransaction(PaymentInformation information, Supplier<PaymentRequest> echo) {
        this.information = Objects.requireNonNull(information, "information");
        this.request = Objects.requireNonNull(echo, "echo");
    }

    private static final Object NONE = new Object();

    /** @return the payment information */
    public PaymentInformation information() {
        return information;
    }

    /** @return the payment request as the provider echoed it, if it did */
    public Optional<PaymentRequest> request() {
        Object r = request;
        if (r instanceof Supplier<?> echo) {
            // read once; a race only repeats the same pure computation
            PaymentRequest parsed = (PaymentRequest) echo.get();
            r = parsed == null ? NONE : parsed;
            request = r;
        }
        return r == NONE ? Optional.empty() : Optional.of((PaymentRequest) r);
    }

    /** @return the provider's transaction id */
    public String transactionId() {
        return information.transactionId();
    }

    /** @return the status */
    public PaymentStatus status() {
        return information.status();
    }

    /**
     * The paypage to send the citizen to ({@code transactionRedirectUrl}); present while the status is
     * {@link PaymentStatus#INITIAL}.
     *
     * @return the paypage URL, if the provider gave one
     */
    public Optional<URI> paypageUrl() {
        return information.transactionRedirectUrl();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaymentTransaction t && information.equals(t.information) && request().equals(t.request());
    }

    @Override
    public int hashCode() {
        return Objects.hash(information, request());
    }

    @Override
    public String toString() {
        return "PaymentTransaction[transactionId=" + transactionId() + ", status=" + status()
                + request().map(r -> ", requestId=" + r.requestId()).orElse("") + "]";
    }
}
