package de.ozgkit.core;

/**
 * The service asked the client to slow down (HTTP 429). {@link #retryAfter()} says how long it
 * asked to wait, when it said so. ozgkit retries such answers itself within its retry policy;
 * this exception means the attempts or the allowed wait ran out.
 */
public class RateLimitedException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public RateLimitedException(ServiceError error, String message) {
        super(error, message);
    }
}
