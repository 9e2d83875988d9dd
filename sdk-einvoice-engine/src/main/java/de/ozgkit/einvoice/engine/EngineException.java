package de.ozgkit.einvoice.engine;

/**
 * A stylesheet could not be compiled, or a document tree could not be built; the message says why.
 * Checked, so that sdk-einvoice turns it into an exception of its own API.
 */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     * @param cause   the failure inside Saxon, may be {@code null}
     */
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
