package de.ozgkit.directory.internal;

import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.FitConnectDestination;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.Organisationseinheit;
import de.ozgkit.directory.Page;
import de.ozgkit.directory.PaymentEndpoint;
import de.ozgkit.directory.Route;
import de.ozgkit.directory.Routing;
import de.ozgkit.directory.SecondaryId;
import de.ozgkit.directory.Zustaendigkeit;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing convenience: service + place to responsible units with online services, payment
 * endpoint and FIT-Connect destination, from the search service's calls.
 *
 * <ol>
 *   <li>first page of service descriptions for the LeiKa key at the place; among those naming the
 *       key, the most local one (deepest area covering the place) wins;</li>
 *   <li>its detail for the place: responsibilities with roles and online service links;</li>
 *   <li>each online service's detail (organisation units it submits to, parameters);</li>
 *   <li>per responsibility with role 01 or 02 covering the place: the unit's detail with its role
 *       for the service, its online services (those naming it, or naming no unit), the payment
 *       endpoint from their parameters and the FIT-Connect destination from the responsibility's
 *       secondary id.</li>
 * </ol>
 */
final class RoutingResolver {

    private static final Logger LOG = LoggerFactory.getLogger("de.ozgkit.directory");
    private static final int CANDIDATES = 20;

    private final DirectoryClient client;

    RoutingResolver(DirectoryClient client) {
        this.client = client;
    }

    Optional<Routing> route(LeikaKey key, Ars ars) {
        Page<Leistung> page = client.serviceDescriptions(key, ars, 0, CANDIDATES);
        List<Leistung> naming = page.items().stream().filter(l -> l.leikaKeys().contains(key)).toList();
        List<Leistung> candidates = naming.isEmpty() ? page.items() : naming;
        Optional<Leistung> chosen = candidates.stream().max(Comparator.comparingInt(l -> localDepth(l, ars)));
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Leistung service = client.serviceDescription(chosen.get().id(), ars).orElse(chosen.get());

        List<Onlinedienst> onlineServices = new ArrayList<>();
        for (Leistung.OnlineServiceLink link : service.onlineServiceLinks()) {
            if (link.onlineServiceId() != null && !link.onlineServiceId().isBlank()) {
                client.onlineService(link.onlineServiceId()).ifPresent(onlineServices::add);
            }
        }

        List<Route> routes = new ArrayList<>();
        for (Zustaendigkeit z : service.responsibleUnits()) {
            if (!z.areas().isEmpty() && z.areas().stream().noneMatch(a -> Areas.covers(a, ars))) {
                continue;
            }
            Optional<Organisationseinheit> unit = client.organisationUnit(z.organisationId(), ars, service.id());
            if (unit.isEmpty()) {
                LOG.debug("responsible unit {} of {} is unknown to the search service; left out", z.organisationId(),
                        service.id());
                continue;
            }
            List<Onlinedienst> forUnit = onlineServices.stream()
                    .filter(o -> o.organisationIds().isEmpty() || o.organisationIds().contains(z.organisationId()))
                    .filter(o -> o.areas().isEmpty() || o.areas().stream().anyMatch(a -> Areas.covers(a, ars)))
                    .toList();
            PaymentEndpoint payment = forUnit.stream().map(RoutingResolver::payment).flatMap(Optional::stream)
                    .findFirst().orElse(null);
            routes.add(new Route(unit.get(), z, forUnit, payment, fitConnect(z).orElse(null)));
        }
        return Optional.of(new Routing(key, ars, service, routes));
    }

    /** The depth of the most local area of a description that covers the place, -1 when none does. */
    private static int localDepth(Leistung l, Ars ars) {
        return l.areas().stream().filter(a -> Areas.covers(a, ars)).mapToInt(Areas::depth).max().orElse(-1);
    }

    private static Optional<PaymentEndpoint> payment(Onlinedienst o) {
        Optional<String> base = o.parameter(PvogApi.PARAM_PAYMENT_BASE);
        Optional<String> originator = o.parameter(PvogApi.PARAM_PAYMENT_ORIGINATOR);
        Optional<String> endPoint = o.parameter(PvogApi.PARAM_PAYMENT_END_POINT);
        if (base.isEmpty() || originator.isEmpty() || endPoint.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(base.get());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                LOG.debug("online service {} names a payment base URI that is not absolute http(s); left out", o.id());
                return Optional.empty();
            }
            return Optional.of(new PaymentEndpoint(uri, originator.get(), endPoint.get()));
        } catch (URISyntaxException e) {
            LOG.debug("online service {} names a payment base URI that is not a URI; left out", o.id());
            return Optional.empty();
        }
    }

    private static Optional<FitConnectDestination> fitConnect(Zustaendigkeit z) {
        for (SecondaryId id : z.secondaryIds()) {
            if (FitConnectDestination.SCHEME_ID.equals(id.schemeId())) {
                Optional<FitConnectDestination> d = DestinationSignatures.read(id.value());
                if (d.isEmpty()) {
                    LOG.debug("destination signature of unit {} is not readable; left out", z.organisationId());
                }
                return d;
            }
        }
        return Optional.empty();
    }
}
