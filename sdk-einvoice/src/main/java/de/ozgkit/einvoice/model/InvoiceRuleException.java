package de.ozgkit.einvoice.model;

import de.ozgkit.core.OzgException;
import java.util.Objects;

/**
 * {@link Invoice#builder()} or {@link InvoiceLine#builder()} refused to build an invoice that
 * breaks a business rule of EN 16931 or XRechnung 3.0. The message names the rule and the
 * business terms involved and says how to fix the input, e.g.
 * {@code "BR-DE-15: the Buyer reference (BT-10) is missing; set it to the buyer's Leitweg-ID"}.
 */
public class InvoiceRuleException extends OzgException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;

    /**
     * Creates the exception.
     *
     * @param ruleId  the rule's identifier as the official rule sets name it, e.g. {@code "BR-CO-10"}
     * @param message what is wrong and how to fix it (without the rule id, which is prefixed)
     */
    public InvoiceRuleException(String ruleId, String message) {
        super(Objects.requireNonNull(ruleId, "ruleId") + ": " + message);
        this.ruleId = ruleId;
    }

    /** @return the rule's identifier, e.g. {@code "BR-DE-15"} */
    public String ruleId() {
        return ruleId;
    }
}
