package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgException;

/**
 * A value given for outgoing metadata or a submission breaks a rule of the FIT-Connect metadata
 * schema or the submission API; the message names the field and the rule.
 */
public class InvalidMetadataException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** @param message the field, the rule and what was given */
    public InvalidMetadataException(String message) {
        super(message);
    }
}
