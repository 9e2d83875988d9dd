package de.ozgkit.fitconnect;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** The payment method the citizen chose ({@code paymentInformation.paymentMethod}); the XBezahldienste codes plus {@code INVOICE}. */
public enum PaymentMethod {
    /** giropay. */
    GIROPAY("GIROPAY"),
    /** paydirekt. */
    PAYDIRECT("PAYDIRECT"),
    /** Credit card. */
    CREDITCARD("CREDITCARD"),
    /** PayPal. */
    PAYPAL("PAYPAL"),
    /** Invoice. */
    INVOICE("INVOICE"),
    /** Another method. */
    OTHER("OTHER");

    private final String code;

    PaymentMethod(String code) {
        this.code = code;
    }

    /** @return the value as written in the metadata */
    public String code() {
        return code;
    }

    /**
     * @param code the value as written in the metadata
     * @return the constant
     * @throws UnknownCodeException for an unknown value
     */
    public static PaymentMethod fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("FIT-Connect payment method", code,
                Arrays.stream(values()).map(PaymentMethod::code).toList()));
    }

    /**
     * @param code the value as written in the metadata
     * @return the constant, empty for an unknown value
     */
    public static Optional<PaymentMethod> lookup(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
