package de.ozgkit.payment;

import java.util.Locale;

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
     * @throws IllegalArgumentException for an unknown code, naming the known ones
     */
    public static PaymentMethod fromCode(String code) {
        if (code != null) {
            String upper = code.trim().toUpperCase(Locale.ROOT);
            for (PaymentMethod m : values()) {
                if (m.name().equals(upper)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown XBezahldienste payment method \"" + code
                + "\"; known are GIROPAY, PAYDIRECT, CREDITCARD, PAYPAL, OTHER");
    }
}
