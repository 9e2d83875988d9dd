package de.ozgkit.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The service answered with an error status. Carries the HTTP status, the parsed RFC 9457 problem,
 * the request id (quote it when asking the operator for help) and the number of attempts.
 *
 * <p>Subclasses by status: {@link InvalidRequestException} (400, 422),
 * {@link AuthenticationException} (401), {@link PermissionDeniedException} (403),
 * {@link NotFoundException} (404), {@link ConflictException} (409), {@link RateLimitedException}
 * (429) and {@link ServerErrorException} (5xx). Other statuses use this class itself.
 */
public class OzgServiceException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final transient ServiceError error;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public OzgServiceException(ServiceError error, String message) {
        super(message);
        this.error = error;
    }

    /** @return everything known about the error answer */
    public ServiceError error() {
        return error;
    }

    /** @return the HTTP status code */
    public int status() {
        return error.status();
    }

    /** @return the parsed problem body, if the service sent one */
    public Optional<Problem> problem() {
        return error.problemDetail();
    }

    /** @return the problem's {@code functionalCode} extension member, if present */
    public Optional<String> functionalCode() {
        return problem().flatMap(Problem::functionalCode);
    }

    /** @return the request id reported by the service or sent by ozgkit, if known */
    public Optional<String> requestId() {
        return Optional.ofNullable(error.requestId());
    }

    /** @return how many attempts were made */
    public int attempts() {
        return error.attempts();
    }

    /** @return the wait the service asked for in {@code Retry-After}, if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(error.retryAfter());
    }
}
