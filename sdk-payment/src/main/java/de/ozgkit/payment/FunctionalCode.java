package de.ozgkit.payment;

import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.UnknownCodeException;
import java.util.Optional;

/**
 * The {@code functionalCode} of an XBezahldienste problem answer ({@code application/problem+json}):
 * which business rule failed. The standard does not tie the codes to HTTP statuses.
 *
 * <p>The client throws a typed exception for each code that a caller can act on
 * ({@link PaymentException} and its subclasses); {@link #UNSPECIFIED} and unknown codes stay with the
 * status-based exception of ozgkit core, and {@link #of(OzgServiceException)} reads the code from any
 * service exception.
 */
public enum FunctionalCode {
    /** The provider finds no client configuration for originatorId and endPointId. */
    NO_VALID_ORIGINATOR_OR_ENDPOINT,
    /** Older name of {@link #NO_VALID_ORIGINATOR_OR_ENDPOINT}, deprecated by the standard. */
    NO_VALID_ORIGINATOR_OR_DESTINATION,
    /** A payment request with this requestId was already placed. */
    PAYMENT_EXISTS,
    /** The sum of the request does not fit its items, e.g. a wrong grosAmount. */
    CALCULATION_ERROR,
    /** Data needed for booking (in bookingData) is missing. */
    BOOKING_DATA_MISSING,
    /** Another validation or semantic error, e.g. an unsupported currency. */
    VALIDATION_ERROR,
    /** Authentication data is missing or not authorised in this context. */
    FORBIDDEN,
    /** Any error the standard does not name. */
    UNSPECIFIED;

    /** @return the code as sent on the wire */
    public String code() {
        return name();
    }

    /**
     * Parses a code as sent on the wire.
     *
     * @param code e.g. {@code "PAYMENT_EXISTS"}
     * @return the code
     * @throws UnknownCodeException for an unknown code, naming the known ones
     */
    public static FunctionalCode fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("XBezahldienste functionalCode", code,
                java.util.Arrays.stream(values()).map(FunctionalCode::code).toList()));
    }

    /**
     * @param code a code as sent on the wire, may be {@code null}
     * @return the code, empty when unknown
     */
    public static Optional<FunctionalCode> lookup(String code) {
        if (code != null) {
            for (FunctionalCode c : values()) {
                if (c.name().equals(code.trim())) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the functional code from any service exception.
     *
     * @param e the exception
     * @return the code, empty when the answer carried none or an unknown one
     */
    public static Optional<FunctionalCode> of(OzgServiceException e) {
        return e.functionalCode().flatMap(FunctionalCode::lookup);
    }
}
