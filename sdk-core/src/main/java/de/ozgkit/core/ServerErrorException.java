package de.ozgkit.core;

/**
 * The service failed (HTTP 5xx). ozgkit retried where that was safe; try again later or contact the operator with the request id.
 */
public class ServerErrorException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public ServerErrorException(ServiceError error, String message) {
        super(error, message);
    }
}
