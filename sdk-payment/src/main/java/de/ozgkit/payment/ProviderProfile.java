package de.ozgkit.payment;

import de.ozgkit.core.Credentials;
import de.ozgkit.core.UnknownCodeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Provider-specific rules on top of XBezahldienste 1.0.0: checked by the client before a request is
 * sent, so that a provider's stricter reading fails early with a clear message, and the way the
 * provider expects its OAuth2 client to authenticate.
 *
 * <p>How a provider authenticates is configured in the {@link de.ozgkit.core.OzgClientConfig}
 * (OAuth2 client credentials for pmPayment and GiroCheckout, a PKCS#12 client certificate for
 * ePayBL connectors and GiroCheckout, HTTP Basic for epay21); a profile may set the OAuth2 client
 * authentication method that its provider expects.
 */
public enum ProviderProfile {
    /** The standard's rules only; OAuth2 client authentication as the credentials say. */
    STANDARD("standard", false, null),
    /** ePayBL: {@code purpose} in upper case only. */
    EPAYBL("epaybl", true, null),
    /**
     * pmPayment: the OAuth2 client authenticates in the form body of the token request
     * ({@code client_secret_post}), whatever the credentials say.
     */
    PMPAYMENT("pmpayment", false, Credentials.ClientAuthentication.CLIENT_SECRET_POST);

    private final String code;
    private final boolean upperCasePurpose;
    private final Credentials.ClientAuthentication clientAuthentication;

    ProviderProfile(String code, boolean upperCasePurpose, Credentials.ClientAuthentication clientAuthentication) {
        this.code = code;
        this.upperCasePurpose = upperCasePurpose;
        this.clientAuthentication = clientAuthentication;
    }

    /** @return the profile's name as the CLI and configuration files write it, e.g. {@code "pmpayment"} */
    public String code() {
        return code;
    }

    /** @return whether this provider accepts only upper-case text in {@code purpose} */
    public boolean requiresUpperCasePurpose() {
        return upperCasePurpose;
    }

    /** @return the OAuth2 client authentication this provider expects, empty when the credentials decide */
    public Optional<Credentials.ClientAuthentication> clientAuthentication() {
        return Optional.ofNullable(clientAuthentication);
    }

    /**
     * Applies the profile to the configured credentials: OAuth2 client credentials get the client
     * authentication method the provider expects; other credentials stay as they are.
     *
     * @param credentials the configured credentials
     * @return the credentials to use with this provider
     */
    public Credentials adapt(Credentials credentials) {
        if (clientAuthentication != null && credentials instanceof Credentials.OAuth2ClientCredentials c) {
            return c.withAuthentication(clientAuthentication);
        }
        return credentials;
    }

    /**
     * Checks a request against this provider's additional rules.
     *
     * @param request the request
     * @throws InvalidPaymentFieldException naming the field, the rule and the actual value
     */
    public void check(PaymentRequest request) {
        String purpose = request.purpose();
        if (upperCasePurpose && purpose != null) {
            for (int i = 0; i < purpose.length(); i++) {
                if (Character.isLowerCase(purpose.charAt(i))) {
                    throw new InvalidPaymentFieldException("purpose", "must be upper case only for " + this
                            + " (e.g. \"GEBUEHR MELDEBESCHEINIGUNG\"); use purpose.toUpperCase(Locale.ROOT)",
                            "a text with lower-case '" + purpose.charAt(i) + "' at position " + (i + 1));
                }
            }
        }
    }

    /**
     * Parses a profile name, case-insensitively.
     *
     * @param code e.g. {@code "epaybl"}
     * @return the profile
     * @throws UnknownCodeException for an unknown name, naming the known ones
     */
    public static ProviderProfile fromCode(String code) {
        return lookup(code).orElseThrow(() -> new UnknownCodeException("payment provider profile", code,
                Arrays.stream(values()).map(ProviderProfile::code).toList()));
    }

    /**
     * @param code a profile name (case and surrounding blanks ignored), may be {@code null}
     * @return the profile, empty when unknown
     */
    public static Optional<ProviderProfile> lookup(String code) {
        if (code != null) {
            String lower = code.trim().toLowerCase(Locale.ROOT);
            for (ProviderProfile p : values()) {
                if (p.code.equals(lower)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
