package de.ozgkit.payment;

import de.ozgkit.core.OzgException;
import java.util.Objects;

/**
 * A field of a payment request breaks a rule of XBezahldienste 1.0.0 (length, pattern, range,
 * count, sum) or of the provider profile; thrown before anything is sent.
 *
 * <p>The message names the field (with its position, e.g. {@code items[2].id}), the rule and the
 * actual value. For text fields that may carry personal data the actual value is described (its
 * length, the first character that is not allowed and its position) rather than quoted.
 *
 * <pre>{@code
 * purpose must be at most 27 characters, was 31 characters
 * }</pre>
 */
public class InvalidPaymentFieldException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param field  the field's path, e.g. {@code "items[0].quantity"}
     * @param rule   the rule it breaks, e.g. {@code "must be at most 27 characters"}
     * @param actual what was given, e.g. {@code "31 characters"}
     */
    public InvalidPaymentFieldException(String field, String rule, String actual) {
        super(field + " " + rule + ", was " + actual);
        this.field = Objects.requireNonNull(field, "field");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /** @return the field's path, e.g. {@code "items[0].quantity"} */
    public String field() {
        return field;
    }

    /** @return the rule the field breaks, e.g. {@code "must be at most 27 characters"} */
    public String rule() {
        return rule;
    }

    /** @return a description of the given value, e.g. {@code "31 characters"} */
    public String actual() {
        return actual;
    }
}
