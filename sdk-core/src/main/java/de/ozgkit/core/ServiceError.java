package de.ozgkit.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about an error answer of a service: the HTTP status, the problem body (when it could
 * be parsed), the request id, the number of attempts and, for 429/503, how long the service asked to
 * wait.
 *
 * @param status     the HTTP status code
 * @param problem    the parsed problem body, {@code null} when the body was absent or not a problem
 * @param requestId  the request id the service reported (or ozgkit sent), {@code null} when unknown
 * @param attempts   how many attempts were made, at least 1
 * @param retryAfter the wait the service asked for in {@code Retry-After}, {@code null} when absent
 * @param method     the HTTP method of the failed request
 * @param path       the path of the failed request (no query string, which may hold personal data)
 */
public record ServiceError(int status, Problem problem, String requestId, int attempts, Duration retryAfter,
                           String method, String path) {

    /** Checks the arguments. */
    public ServiceError {
        if (status < 100 || status > 599) {
            throw OzgClientException.invalidArgument("status must be between 100 and 599, was " + status);
        }
        if (attempts < 1) {
            throw OzgClientException.invalidArgument("attempts must be at least 1, was " + attempts);
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** @return the parsed problem body, if the service sent one */
    public Optional<Problem> problemDetail() {
        return Optional.ofNullable(problem);
    }
}
