package de.ozgkit.core.id;

import de.ozgkit.core.OzgException;

/**
 * A text is not a valid identifier of the expected kind. The message names the identifier kind and
 * the rule that failed, e.g. {@code "Leitweg-ID check digits must be 33, were 34"}.
 */
public class InvalidIdentifierException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * Creates the exception.
     *
     * @param kind   the identifier kind, e.g. {@code "Leitweg-ID"}
     * @param reason the rule that failed, without the kind
     */
    public InvalidIdentifierException(String kind, String reason) {
        super(kind + " " + reason);
        this.reason = reason;
    }

    /** @return the rule that failed, without the identifier kind (e.g. {@code "must not be empty"}) */
    public String reason() {
        return reason;
    }
}
