package de.ozgkit.account;

import java.util.Objects;

/**
 * Which SAML attribute names carry the business account's data. The attribute names of Mein
 * Unternehmenskonto are part of its onboarding documents rather than a public specification:
 * configure them from the identity provider's attribute list. {@link #SANDBOX} holds the names the
 * ozgkit sandbox identity provider sends.
 *
 * @param companyName    name of the company name attribute
 * @param legalForm      name of the legal form attribute
 * @param registerNumber name of the register number attribute
 * @param registerCourt  name of the register court attribute
 */
public record BusinessAccountProfile(String companyName, String legalForm, String registerNumber,
                                     String registerCourt) {

    /** The names the ozgkit sandbox identity provider uses for its business test identity. */
    public static final BusinessAccountProfile SANDBOX = new BusinessAccountProfile(
            "urn:ozgkit:unternehmenskonto:firmenname", "urn:ozgkit:unternehmenskonto:rechtsform",
            "urn:ozgkit:unternehmenskonto:registernummer", "urn:ozgkit:unternehmenskonto:registergericht");

    /** Checks that no name is {@code null}. */
    public BusinessAccountProfile {
        Objects.requireNonNull(companyName, "companyName");
        Objects.requireNonNull(legalForm, "legalForm");
        Objects.requireNonNull(registerNumber, "registerNumber");
        Objects.requireNonNull(registerCourt, "registerCourt");
    }
}
