package de.ozgkit.payment;

import de.ozgkit.core.UnknownCodeException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Status of an XBezahldienste payment transaction (the spelling follows the standard).
 *
 * <p>{@link #INITIAL} while the citizen is on the paypage; {@link #PAYED}, {@link #CANCELED} and
 * {@link #FAILED} are final. There is no timeout status: a provider that gives up on an unpaid
 * transaction reports {@link #FAILED}. The return of the citizen to the {@code redirectUrl} carries
 * no result; the status must be polled ({@link PaymentClient#awaitFinalStatus}).
 */
public enum PaymentStatus {
    /** Created; the citizen has not finished on the paypage yet. */
    INITIAL(false),
    /** Paid (spelled as in the standard). Final. */
    PAYED(true),
    /** The citizen aborted the payment. Final. */
    CANCELED(true),
    /** The provider aborted the payment or it timed out. Final. */
    FAILED(true);

    private final boolean terminal;

    PaymentStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** @return whether the status can no longer change */
    public boolean isFinal() {
        return terminal;
    }

    /** @return whether the payment was made ({@link #PAYED}) */
    public boolean isPaid() {
        return this == PAYED;
    }

    /** @return the code as sent on the wire, e.g. {@code "PAYED"} */
    public String code() {
        return name();
    }

    /**
     * Parses a status code as sent on the wire.
     *
     * @param code e.g. {@code "PAYED"}
     * @return the status
     * @throws UnknownCodeException for an unknown code, naming the known ones
     */
    public static PaymentStatus fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("XBezahldienste status", code,
                List.of("INITIAL", "PAYED", "CANCELED", "FAILED")));
    }

    /**
     * @param code a status code as sent on the wire (case and surrounding blanks ignored), may be {@code null}
     * @return the status, empty when unknown
     */
    public static Optional<PaymentStatus> lookup(String code) {
        if (code != null) {
            String upper = code.trim().toUpperCase(Locale.ROOT);
            for (PaymentStatus s : values()) {
                if (s.name().equals(upper)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
