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
 */
public final class ProviderHealth {

    /** What the status call said. */
    public enum Availability {
        /** HTTP 200: the configuration is usable. */
        AVAILABLE,
        /** HTTP 403: the credentials are not allowed to use this configuration. */
        FORBIDDEN,
        /** HTTP 503: the provider or this configuration is not available now. */
        UNAVAILABLE
    }

    private final Availability availability;
    private final int httpStatus;
    private final Problem problem;

    /**
     * Creates the result.
     *
     * @param availability what the status call said
     * @param httpStatus   the HTTP status
     * @param problem      the problem body, {@code null} when absent or unreadable
     */
    public ProviderHealth(Availability availability, int httpStatus, Problem problem) {
        this.availability = Objects.requireNonNull(availability, "availability");
        this.httpStatus = httpStatus;
        this.problem = problem;
    }

    /** @return what the status call said */
    public Availability availability() {
        return availability;
    }

    /** @return whether the configuration is usable (HTTP 200) */
    public boolean isAvailable() {
        return availability == Availability.AVAILABLE;
    }

    /** @return the HTTP status: 200, 403 or 503 */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the problem body the provider sent, if readable */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    /** @return the functional code of the problem body, if present and known */
    public Optional<FunctionalCode> functionalCode() {
        return problem().flatMap(Problem::functionalCode).flatMap(FunctionalCode::lookup);
    }

    @Override
    public String toString() {
        return "ProviderHealth[" + availability + ", HTTP " + httpStatus
                + functionalCode().map(c -> ", functionalCode=" + c).orElse("") + "]";
    }
}
