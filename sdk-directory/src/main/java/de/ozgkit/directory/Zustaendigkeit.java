package de.ozgkit.directory;

import de.ozgkit.core.id.Ars;
import java.util.List;
import java.util.Objects;

/**
 * A responsibility (XZuFi {@code Zustaendigkeit}): which organisation unit plays which role for a
 * service in which areas, with its secondary identifiers (where the FIT-Connect destination
 * travels).
 *
 * @param organisationId    the organisation unit's id, e.g. {@code "RP.OE.1001"}
 * @param organisationTitle the unit's name as the service description names it, may be {@code null}
 * @param role              the role
 * @param areas             the areas (ARS) the responsibility covers
 * @param secondaryIds      secondary identifiers
 */
public record Zustaendigkeit(String organisationId, String organisationTitle, Role role, List<Ars> areas,
                             List<SecondaryId> secondaryIds) {

    /** Checks and copies. */
    public Zustaendigkeit {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(role, "role");
        areas = List.copyOf(areas);
        secondaryIds = List.copyOf(secondaryIds);
    }
}
