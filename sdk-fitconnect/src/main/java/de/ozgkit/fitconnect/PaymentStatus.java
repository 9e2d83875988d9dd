package de.ozgkit.fitconnect;

import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Optional;

/** State of the payment in the metadata ({@code paymentInformation.status}); XBezahldienste's {@code PAYED} is {@link #BOOKED} here. */
public enum PaymentStatus {
    /** The payment was created; the citizen has not paid yet. */
    INITIAL("INITIAL"),
    /** The citizen authorised the payment (XBezahldienste PAYED). */
    BOOKED("BOOKED"),
    /** The payment provider aborted the payment. */
    FAILED("FAILED"),
    /** The citizen cancelled the payment. */
    CANCELED("CANCELED");

    private final String code;

    PaymentStatus(String code) {
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
    public static PaymentStatus fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("FIT-Connect payment status", code,
                Arrays.stream(values()).map(PaymentStatus::code).toList()));
    }

    /**
     * @param code the value as written in the metadata
     * @return the constant, empty for an unknown value
     */
    public static Optional<PaymentStatus> lookup(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }
}
