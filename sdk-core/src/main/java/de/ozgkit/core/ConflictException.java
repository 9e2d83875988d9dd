package de.ozgkit.core;

/**
 * The request conflicts with the current state (HTTP 409), for example a duplicate id.
 */
public class ConflictException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public ConflictException(ServiceError error, String message) {
        super(error, message);
    }
}
