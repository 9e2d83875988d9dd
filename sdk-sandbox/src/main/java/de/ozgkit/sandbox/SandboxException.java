package de.ozgkit.sandbox;

import de.ozgkit.core.OzgException;

/** The sandbox could not start or a service could not be mounted; the message says why. */
public class SandboxException extends OzgException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
