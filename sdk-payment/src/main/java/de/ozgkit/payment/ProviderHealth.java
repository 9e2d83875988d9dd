package de.ozgkit.payment;

import de.ozgkit.core.Problem;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the XBezahldienste status call ({@code GET {base}/status/{originatorId}/{endPointId}}):
 * whether the provider's configuration for this originator and end point is usable. The standard
 * answers 200, 403 or 503, each with an {@code application/problem+json} body.
 *
 * <p>Immutable and thread-safe.
 *
 * @param availability what the status call said
 * @param httpStatus   the HTTP status: 200, 403 or 503
 * @param problem      the problem body the provider sent, may be {@code null} (absent or unreadable)
 */
public record ProviderHealth(Availability availability, int httpStatus, Problem problem) {

    /** What the status call said. */
    public enum Availability {
        /** HTTP 200: the configuration is usable. */
        AVAILABLE,
        /** HTTP 403: the credentials are not allowed to use this configuration. */
        FORBIDDEN,
        /** HTTP 503: the provider or this configuration is not available now. */
        UNAVAILABLE
    }

    /** Checks the value. */
    public ProviderHealth {
        Objects.requireNonNull(availability, "availability");
    }

    /** @return whether the configuration is usable (HTTP 200) */
    public boolean isAvailable() {
        return availability == Availability.AVAILABLE;
    }

    /** @return the functional code of the problem body, if present and known */
    public Optional<FunctionalCode> functionalCode() {
        return Optional.ofNullable(problem).flatMap(Problem::functionalCode).flatMap(FunctionalCode::lookup);
    }

    @Override
    public String toString() {
        return "ProviderHealth[" + availability + ", HTTP " + httpStatus
                + functionalCode().map(c -> ", functionalCode=" + c).orElse("") + "]";
    }
}
