package de.ozgkit.account;

/**
 * A {@link LoginRequest}, a service provider or Postfach client setting breaks a rule; the message
 * names the field and the rule.
 */
public class AccountConfigurationException extends AccountException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the field and the rule
     */
    public AccountConfigurationException(String message) {
        super(message);
    }
}
