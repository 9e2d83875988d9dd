package de.ozgkit.directory;

import java.util.Objects;

/**
 * A secondary identifier of a responsibility (XZuFi {@code idSekundaer}): a value in a scheme,
 * for example the FIT-Connect destination signature in scheme
 * {@value FitConnectDestination#SCHEME_ID}.
 *
 * @param schemeId       the scheme, may be {@code null}
 * @param schemeAgencyId the scheme's agency, may be {@code null}
 * @param value          the value
 */
public record SecondaryId(String schemeId, String schemeAgencyId, String value) {

    /** Checks the value. */
    public SecondaryId {
        Objects.requireNonNull(value, "value");
    }
}
