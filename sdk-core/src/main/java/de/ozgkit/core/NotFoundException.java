package de.ozgkit.core;

/**
 * The addressed resource does not exist (HTTP 404): a wrong id, a wrong base URI, or the resource expired.
 */
public class NotFoundException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public NotFoundException(ServiceError error, String message) {
        super(error, message);
    }
}
