package de.ozgkit.payment;

import java.util.Locale;

/**
 * Provider-specific rules on top of XBezahldienste 1.0.0, checked by the client before a request is
 * sent, so that a provider's stricter reading fails early with a clear message.
 *
 * <p>How a provider authenticates is configured separately, in the {@link de.ozgkit.core.OzgClientConfig}
 * (OAuth2 client credentials for pmPayment and GiroCheckout, a PKCS#12 client certificate for
 * ePayBL connectors and GiroCheckout, HTTP Basic for epay21).
 */
public enum ProviderProfile {
    /** The standard's rules only. */
    STANDARD(false),
    /** ePayBL: {@code purpose} in upper case only. */
    EPAYBL(true);

    private final boolean upperCasePurpose;

    ProviderProfile(boolean upperCasePurpose) {
        this.upperCasePurpose = upperCasePurpose;
    }

    /** @return whether this provider accepts only upper-case text in {@code purpose} */
    public boolean requiresUpperCasePurpose() {
        return upperCasePurpose;
    }

    /**
     * Checks a request against this provider's additional rules.
     *
     * @param request the request
     * @throws InvalidPaymentFieldException naming the field, the rule and the actual value
     */
    public void check(PaymentRequest request) {
        if (upperCasePurpose && request.purpose().isPresent()) {
            String purpose = request.purpose().get();
            for (int i = 0; i < purpose.length(); i++) {
                if (Character.isLowerCase(purpose.charAt(i))) {
                    throw new InvalidPaymentFieldException("purpose", "must be upper case only for " + this
                            + " (e.g. \"" + "GEBUEHR MELDEBESCHEINIGUNG" + "\"); use purpose.toUpperCase(Locale.ROOT)",
                            "a text with lower-case '" + purpose.charAt(i) + "' at position " + (i + 1));
                }
            }
        }
    }

    /**
     * Parses a profile name, case-insensitively.
     *
     * @param name e.g. {@code "epaybl"}
     * @return the profile
     * @throws IllegalArgumentException for an unknown name
     */
    public static ProviderProfile fromName(String name) {
        for (ProviderProfile p : values()) {
            if (p.name().equals(name == null ? null : name.trim().toUpperCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider profile \"" + name + "\"; known are STANDARD, EPAYBL");
    }
}
