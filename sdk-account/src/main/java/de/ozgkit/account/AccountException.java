package de.ozgkit.account;

import de.ozgkit.core.OzgException;

/**
 * Root of the exceptions of the account module: a refused SAML message, an identity provider's
 * error status, unusable metadata, an attribute below the required trust level.
 */
public class AccountException extends OzgException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     */
    public AccountException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and how to fix it
     * @param cause   the underlying failure, may be {@code null}
     */
    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
