package de.ozgkit.payment;

import de.ozgkit.core.UnknownCodeException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The payment method the citizen chose on the paypage ({@code paymentMethod} of XBezahldienste
 * 1.0.0). The provider may say more in {@code paymentMethodDetail}.
 */
public enum PaymentMethod {
    /** giropay. */
    GIROPAY,
    /** paydirekt. */
    PAYDIRECT,
    /** Credit card. */
    CREDITCARD,
    /** PayPal. */
    PAYPAL,
    /** Any other method; see the payment method detail. */
    OTHER;

    /** @return the code as sent on the wire */
    public String code() {
        return name();
    }

    /**
     * Parses a payment method code as sent on the wire.
     *
     * @param code e.g. {@code "CREDITCARD"}
     * @return the method
     * @throws UnknownCodeException for an unknown code, naming the known ones
     */
    public static PaymentMethod fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("XBezahldienste payment method", code,
                List.of("GIROPAY", "PAYDIRECT", "CREDITCARD", "PAYPAL", "OTHER")));
    }

    /**
     * @param code a payment method code as sent on the wire (case and surrounding blanks ignored), may be {@code null}
     * @return the method, empty when unknown
     */
    public static Optional<PaymentMethod> lookup(String code) {
        if (code != null) {
            String upper = code.trim().toUpperCase(Locale.ROOT);
            for (PaymentMethod m : values()) {
                if (m.name().equals(upper)) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }
}
