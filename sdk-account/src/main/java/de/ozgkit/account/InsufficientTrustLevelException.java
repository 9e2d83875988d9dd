package de.ozgkit.account;

import java.util.Optional;

/**
 * An attribute the application relies on is missing or was asserted with a lower trust level
 * than required, e.g. a self-asserted address where the procedure needs one from the ID card.
 */
public class InsufficientTrustLevelException extends AccountException {
    private static final long serialVersionUID = 1L;

    private final String attribute;
    private final TrustLevel required;
    private final TrustLevel actual;

    /**
     * @param attribute the attribute's name (OID form)
     * @param required  the level required
     * @param actual    the level asserted, {@code null} when the attribute is missing or carries none
     * @param message   what is missing
     */
    public InsufficientTrustLevelException(String attribute, TrustLevel required, TrustLevel actual, String message) {
        super(message);
        this.attribute = attribute;
        this.required = required;
        this.actual = actual;
    }

    /** @return the attribute's name */
    public String attribute() {
        return attribute;
    }

    /** @return the level required */
    public TrustLevel required() {
        return required;
    }

    /** @return the level asserted, empty when the attribute is missing or carries no level */
    public Optional<TrustLevel> actual() {
        return Optional.ofNullable(actual);
    }
}
