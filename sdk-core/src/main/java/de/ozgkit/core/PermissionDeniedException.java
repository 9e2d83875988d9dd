package de.ozgkit.core;

/**
 * The credentials are valid but not allowed to do this (HTTP 403). Ask the operator to grant access for this originator, endpoint or mailbox.
 */
public class PermissionDeniedException extends OzgServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error   what the service answered
     * @param message what went wrong and how to fix it
     */
    public PermissionDeniedException(ServiceError error, String message) {
        super(error, message);
    }
}
