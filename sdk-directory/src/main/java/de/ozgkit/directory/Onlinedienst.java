package de.ozgkit.directory;

import de.ozgkit.core.id.Ars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An online service (XZuFi {@code Onlinedienst}): where a citizen applies online, with its links,
 * the level of assurance it requires, the organisation units it submits to, the areas it serves
 * and its parameters (XZuFi {@code parameter}, name and value).
 *
 * @param id               the PVOG id, e.g. {@code "RP.OD.2001"}
 * @param title            the name
 * @param description      a description, may be {@code null}
 * @param links            the links to the service
 * @param levelOfAssurance the level of assurance (Vertrauensniveau) as sent, e.g.
 *                         {@code "substantiell"}, may be {@code null}
 * @param organisationIds  the organisation units it submits to; empty means all responsible units
 * @param areas            the areas (ARS) it serves
 * @param parameters       its parameters by name, in the order sent
 */
public record Onlinedienst(String id, String title, String description, List<Link> links, String levelOfAssurance,
                           List<String> organisationIds, List<Ars> areas, Map<String, String> parameters) {

    /** Level of assurance "niedrig" (eIDAS low). */
    public static final String LOA_LOW = "niedrig";
    /** Level of assurance "substantiell" (eIDAS substantial). */
    public static final String LOA_SUBSTANTIAL = "substantiell";
    /** Level of assurance "hoch" (eIDAS high). */
    public static final String LOA_HIGH = "hoch";

    /** Checks and copies. */
    public Onlinedienst {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        links = List.copyOf(links);
        organisationIds = List.copyOf(organisationIds);
        areas = List.copyOf(areas);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * @param name a parameter name
     * @return the parameter's value, empty when absent
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
