package de.ozgkit.directory;

import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a routing question: for a service (LeiKa key) at a place (ARS), the service
 * description that applies there and the responsible organisation units with their online
 * services ({@link Route}), most local description first.
 *
 * @param leikaKey the service asked about
 * @param ars      the place asked about
 * @param service  the service description that applies (detail view)
 * @param routes   one route per responsible unit; empty when the description names none
 */
public record Routing(LeikaKey leikaKey, Ars ars, Leistung service, List<Route> routes) {

    /** Checks and copies. */
    public Routing {
        Objects.requireNonNull(leikaKey, "leikaKey");
        Objects.requireNonNull(ars, "ars");
        Objects.requireNonNull(service, "service");
        routes = List.copyOf(routes);
    }
}
