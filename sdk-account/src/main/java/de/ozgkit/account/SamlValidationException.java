package de.ozgkit.account;

import java.util.Objects;

/**
 * A SAML message was refused by one of the relying party's checks; {@link #check()} says which.
 * The message names the check first, e.g. {@code "AUDIENCE: the assertion is for ..."}, and never
 * contains attribute values.
 */
public class SamlValidationException extends AccountException {
    private static final long serialVersionUID = 1L;

    private final SamlCheck check;

    /**
     * @param check   the check that failed
     * @param message what was wrong and how to fix it
     */
    public SamlValidationException(SamlCheck check, String message) {
        this(check, message, null);
    }

    /**
     * @param check   the check that failed
     * @param message what was wrong and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public SamlValidationException(SamlCheck check, String message, Throwable cause) {
        super(Objects.requireNonNull(check, "check") + ": " + message, cause);
        this.check = check;
    }

    /** @return the check that refused the message */
    public SamlCheck check() {
        return check;
    }
}
