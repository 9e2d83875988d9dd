package de.ozgkit.directory;

import java.util.Objects;

/**
 * The role an organisation unit plays for a service in an area (XZuFi {@code rolle} of a
 * Zustaendigkeit), e.g. {@code 01} "Zuständige Stelle". The code list is open: codes are kept as
 * sent.
 *
 * @param code the code as sent, e.g. {@code "01"}
 * @param name the role's name as sent, may be {@code null}
 */
public record Role(String code, String name) {

    /** Zuständige Stelle: the authority that decides. */
    public static final String RESPONSIBLE = "01";
    /** Zuständige Stelle und Ansprechpunkt: decides and answers questions. */
    public static final String RESPONSIBLE_AND_CONTACT = "02";
    /** Ansprechpunkt: answers questions only. */
    public static final String POINT_OF_CONTACT = "03";

    /** Checks the code. */
    public Role {
        Objects.requireNonNull(code, "code");
    }

    /** @return whether the unit is responsible for the service (codes 01 and 02) */
    public boolean isResponsible() {
        return RESPONSIBLE.equals(code) || RESPONSIBLE_AND_CONTACT.equals(code);
    }
}
