package de.ozgkit.directory;

import de.ozgkit.core.OzgException;

/**
 * A look-up cannot be sent as asked: an empty or too long search text, a page number or size out
 * of range. Nothing was sent. The message names the argument and the rule.
 */
public class InvalidQueryException extends OzgException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the argument and the rule it breaks
     */
    public InvalidQueryException(String message) {
        super(message);
    }
}
