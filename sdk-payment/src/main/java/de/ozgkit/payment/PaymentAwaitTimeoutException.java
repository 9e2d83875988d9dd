package de.ozgkit.payment;

import de.ozgkit.core.OzgClientException;
import java.util.Objects;

/**
 * {@link PaymentClient#awaitFinalStatus} gave up: the transaction had not reached a final status
 * (PAYED, CANCELED, FAILED) when the given time ran out. The citizen may still be on the paypage;
 * poll again later. Carries the last status seen.
 */
public class PaymentAwaitTimeoutException extends OzgClientException {
    private static final long serialVersionUID = 1L;

    private final transient PaymentTransaction lastSeen;

    /**
     * Creates the exception.
     *
     * @param message  what happened
     * @param lastSeen the transaction as last polled
     * @param polls    how many status calls were made
     */
    public PaymentAwaitTimeoutException(String message, PaymentTransaction lastSeen, int polls) {
        super(Kind.TIMEOUT, message, null, polls);
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** @return the transaction as last polled (status {@link PaymentStatus#INITIAL}) */
    public PaymentTransaction lastSeen() {
        return lastSeen;
    }
}
