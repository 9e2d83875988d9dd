package de.ozgkit.account;

import java.util.Objects;

/**
 * The business account profile (Mein Unternehmenskonto, ELSTER-based): the organisation behind a
 * login, each attribute with its own trust level. Read it with
 * {@link ServicekontoIdentity#businessAccount(BusinessAccountProfile)}.
 *
 * @param companyName    the company name; never {@code null} (without it there is no business account)
 * @param legalForm      the legal form, may be {@code null}
 * @param registerNumber the register number (e.g. {@code HRB 12345}), may be {@code null}
 * @param registerCourt  the register court, may be {@code null}
 */
public record BusinessAccount(AssertedAttribute companyName, AssertedAttribute legalForm,
                              AssertedAttribute registerNumber, AssertedAttribute registerCourt) {

    /** Checks that the company name is there. */
    public BusinessAccount {
        Objects.requireNonNull(companyName, "companyName");
    }
}
