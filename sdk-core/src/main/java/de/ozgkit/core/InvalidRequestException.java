package de.ozgkit.core;

/**
 * The service rejected the request as invalid (HTTP 400 or 422). Fix the request; sending it again unchanged will fail again.
 */
public class InvalidRequestException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public InvalidRequestException(ServiceError error, String message) {
        super(error, message);
    }
}
