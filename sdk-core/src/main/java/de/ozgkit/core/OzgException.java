package de.ozgkit.core;

/**
 * Root of every exception that ozgkit throws. Unchecked, so that callers handle what they can
 * and let the rest travel up.
 *
 * <p>Messages say what went wrong and how to fix it; they never contain secrets (passwords,
 * tokens, keys) or personal data.
 */
public class OzgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and how to fix it
     */
    public OzgException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public OzgException(String message, Throwable cause) {
        super(message, cause);
    }
}
