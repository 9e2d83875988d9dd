package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgException;

/**
 * A submission cannot be sent as given: a value breaks a rule of the FIT-Connect metadata schema or
 * of the submission API, or the destination does not take it (inactive, service or data schema not
 * offered, metadata version not read). Raised before anything is sent where possible; the message
 * names the field and the rule.
 */
public class InvalidSubmissionException extends OzgException {
    private static final long serialVersionUID = 1L;

    /** @param message the field, the rule and what was given */
    public InvalidSubmissionException(String message) {
        super(message);
    }
}
