package de.ozgkit.directory;

import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service description (XZuFi {@code Leistung}) as the PVOG search service gives it: its id and
 * name, the LeiKa keys it describes, the areas it applies to, its text modules by module code,
 * links to its online services, the ids of the organisation units involved and, in the detail
 * view, the responsibilities ({@link Zustaendigkeit}) with their roles.
 *
 * <pre>{@code
 * Leistung service = directory.serviceDescription(id, ars).orElseThrow();
 * Optional<String> costs = service.text(ModuleCode.COSTS);
 * Optional<LocalDate> approved = service.approvalDate();
 * }</pre>
 *
 * @param id                 the PVOG id of the description, e.g. {@code "RP.LB.3001"}
 * @param name               the service's name
 * @param leikaKeys          the LeiKa keys the description covers
 * @param areas              the areas (ARS) the description applies to; {@code 000000000000} is nationwide
 * @param modules            text modules by their code, in the order sent
 * @param onlineServiceLinks links to the online services for this service
 * @param organisationIds    ids of the organisation units involved
 * @param responsibilities   responsibilities with roles (filled by the detail view, else empty)
 * @param sourcePortals      the portals the description comes from
 * @param lastUpdate         when the description last changed, may be {@code null}
 */
public record Leistung(String id, String name, List<LeikaKey> leikaKeys, List<Ars> areas,
                       Map<String, TextModule> modules, List<OnlineServiceLink> onlineServiceLinks,
                       List<String> organisationIds, List<Zustaendigkeit> responsibilities, List<Link> sourcePortals,
                       Instant lastUpdate) {

    /** Checks and copies (modules keep their order). */
    public Leistung {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        leikaKeys = List.copyOf(leikaKeys);
        areas = List.copyOf(areas);
        modules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        onlineServiceLinks = List.copyOf(onlineServiceLinks);
        organisationIds = List.copyOf(organisationIds);
        responsibilities = List.copyOf(responsibilities);
        sourcePortals = List.copyOf(sourcePortals);
    }

    /**
     * @param code a module code as sent, e.g. {@code "06"}
     * @return the module, empty when the description has none with this code
     */
    public Optional<TextModule> module(String code) {
        return Optional.ofNullable(modules.get(code));
    }

    /**
     * @param code a module code
     * @return the module, empty when the description has none with this code
     */
    public Optional<TextModule> module(ModuleCode code) {
        return module(code.code());
    }

    /**
     * @param code a module code
     * @return the module's text, empty when there is no such module or it has no text
     */
    public Optional<String> text(ModuleCode code) {
        return module(code).map(TextModule::text);
    }

    /** @return the date the text was approved (module 93), empty when not given */
    public Optional<LocalDate> approvalDate() {
        return module(ModuleCode.APPROVAL).map(TextModule::date);
    }

    /** @return the responsibilities whose role makes the unit responsible (codes 01 and 02) */
    public List<Zustaendigkeit> responsibleUnits() {
        return responsibilities.stream().filter(z -> z.role().isResponsible()).toList();
    }

    /**
     * A link from a service description to an online service.
     *
     * @param onlineServiceId the online service's id, may be {@code null} when the directory gives none
     * @param title           the title, may be {@code null}
     * @param uri             the address as text
     */
    public record OnlineServiceLink(String onlineServiceId, String title, String uri) {

        /** Checks the address. */
        public OnlineServiceLink {
            Objects.requireNonNull(uri, "uri");
        }
    }
}
