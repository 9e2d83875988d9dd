package de.ozgkit.einvoice;

import de.ozgkit.core.OzgException;

/**
 * Validation could not run: the input could not be read, or the rule sets are missing from the class
 * path or cannot be compiled. A document that merely breaks rules never causes this exception; it
 * yields an invalid {@link ValidationReport}.
 */
public class EInvoiceValidationException extends OzgException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public EInvoiceValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
