package de.ozgkit.core;

/**
 * The service did not accept the credentials (HTTP 401). Check client id, secret, token or client certificate.
 */
public class AuthenticationException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public AuthenticationException(ServiceError error, String message) {
        super(error, message);
    }
}
