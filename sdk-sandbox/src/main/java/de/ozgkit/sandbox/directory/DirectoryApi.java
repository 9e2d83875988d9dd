package de.ozgkit.sandbox.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.sandbox.directory.DirectoryFixture.OnlineService;
import de.ozgkit.sandbox.directory.DirectoryFixture.Place;
import de.ozgkit.sandbox.directory.DirectoryFixture.Responsibility;
import de.ozgkit.sandbox.directory.DirectoryFixture.Service;
import de.ozgkit.sandbox.directory.DirectoryFixture.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The directory simulator's protocol logic, free of any HTTP server: per endpoint of the search
 * service, the request data (query parameters, the id from the path) in, an {@link Answer} out.
 * Thread-safe.
 *
 * <p>Endpoints (versioned as the search service uses them): {@code GET /v3/locations?q=}
 * ({@link #locations}), {@code GET /v3/servicedescriptions/leikaid?leikaIds=&ars=&page=&size=}
 * ({@link #serviceDescriptions}), {@code GET /v6/servicedescriptions/{id}/detail?ars=}
 * ({@link #serviceDescription}), {@code GET /v5/organisationunits/detail?q=&ars=&lbId=}
 * ({@link #organisationUnit}), {@code GET /v2/onlineservices/detail?q=} ({@link #onlineService}).
 * Unknown ids answer 404, malformed parameters 400, a missing client id 401 when it is required
 * ({@link #admit}). Paths and methods are the HTTP surface's concern.
 */
public final class DirectoryApi {

    /** Header carrying the client id. */
    public static final String CLIENT_ID_HEADER = "pvog-sud-api-client-id";

    private static final Pattern ARS = Pattern.compile("[0-9]{12}");
    private static final Pattern LEIKA = Pattern.compile("[0-9]{14}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** An answer: a JSON document ({@link Found}) or a refusal ({@link Refused}). */
    public sealed interface Answer permits Answer.Found, Answer.Refused {

        /** @return the HTTP status */
        int status();

        /**
         * The document asked for (200).
         *
         * @param body the JSON document
         */
        record Found(JsonNode body) implements Answer {
            @Override
            public int status() {
                return 200;
            }
        }

        /**
         * A refusal, sent as a problem detail.
         *
         * @param status the HTTP status: 400, 401 or 404
         * @param detail what was wrong with the request
         */
        record Refused(int status, String detail) implements Answer {
        }
    }

    private final DirectoryFixture fixture;
    private final String sandboxRoot;
    private final boolean requireClientId;
    private final AtomicLong requests = new AtomicLong();
    private final Set<String> clientIds = ConcurrentHashMap.newKeySet();

    /**
     * @param fixture         the data
     * @param sandboxRoot     the sandbox's root URI without trailing slash, replacing {@code {sandbox}}
     *                        in online service parameters
     * @param requireClientId whether requests without {@value #CLIENT_ID_HEADER} are refused (401)
     */
    public DirectoryApi(DirectoryFixture fixture, String sandboxRoot, boolean requireClientId) {
        this.fixture = fixture;
        this.sandboxRoot = sandboxRoot;
        this.requireClientId = requireClientId;
    }

    /** @return requests admitted or refused by {@link #admit} so far */
    public long requestCount() {
        return requests.get();
    }

    /** @return the distinct client ids seen so far */
    public Set<String> clientIdsSeen() {
        return Set.copyOf(clientIds);
    }

    /**
     * Counts a request to one of the endpoints and checks its client id; call it before the
     * endpoint's method.
     *
     * @param clientId the value of {@value #CLIENT_ID_HEADER}, {@code null} when absent
     * @return a 401 refusal when the client id is required and missing, else empty
     */
    public Optional<Answer> admit(String clientId) {
        requests.incrementAndGet();
        if (clientId != null) {
            clientIds.add(clientId);
        }
        if (requireClientId && (clientId == null || clientId.isBlank())) {
            return Optional.of(new Answer.Refused(401, "header " + CLIENT_ID_HEADER + " is required"));
        }
        return Optional.empty();
    }

    /**
     * Places by name (substring, any case) or postcode: {@code GET /v3/locations?q=}.
     *
     * @param query the query parameters, decoded
     * @return a JSON array of locations, or 400
     */
    public Answer locations(Map<String, List<String>> query) {
        return answer(() -> locationsOf(query));
    }

    /**
     * Service descriptions by LeiKa keys covering a place, paged:
     * {@code GET /v3/servicedescriptions/leikaid?leikaIds=&ars=&page=&size=}.
     *
     * @param query the query parameters, decoded
     * @return a Spring Data page, or 400
     */
    public Answer serviceDescriptions(Map<String, List<String>> query) {
        return answer(() -> byLeika(query));
    }

    /**
     * A service description with the responsibilities covering a place:
     * {@code GET /v6/servicedescriptions/{id}/detail?ars=}.
     *
     * @param id    the id from the path, decoded
     * @param query the query parameters, decoded
     * @return the detail, 404 for an unknown id, or 400
     */
    public Answer serviceDescription(String id, Map<String, List<String>> query) {
        return answer(() -> detail(id, query));
    }

    /**
     * An organisation unit, with its role for a service when {@code lbId} names one:
     * {@code GET /v5/organisationunits/detail?q=&ars=&lbId=}.
     *
     * @param query the query parameters, decoded
     * @return the unit, 404 for an unknown id, or 400
     */
    public Answer organisationUnit(Map<String, List<String>> query) {
        return answer(() -> unit(query));
    }

    /**
     * An online service: {@code GET /v2/onlineservices/detail?q=}.
     *
     * @param query the query parameters, decoded
     * @return the online service, 404 for an unknown id, or 400
     */
    public Answer onlineService(Map<String, List<String>> query) {
        return answer(() -> online(query));
    }

    private static Answer answer(Supplier<Answer> endpoint) {
        try {
            return endpoint.get();
        } catch (BadRequest e) {
            return new Answer.Refused(400, e.getMessage());
        }
    }

    private Answer locationsOf(Map<String, List<String>> query) {
        String q = required(query, "q").strip();
        if (q.length() < 2 || q.length() > 100) {
            throw new BadRequest("q must be 2 to 100 characters, had " + q.length());
        }
        ArrayNode out = F.arrayNode();
        boolean postcode = POSTCODE.matcher(q).matches();
        String lower = q.toLowerCase(Locale.ROOT);
        for (Place p : fixture.places().values()) {
            if (postcode && p.postcodes().contains(q)) {
                out.add(DirectoryWire.location(p, q));
            } else if (!postcode && p.name().toLowerCase(Locale.ROOT).contains(lower)) {
                out.add(DirectoryWire.location(p, p.postcodes().isEmpty() ? null : p.postcodes().get(0)));
            }
        }
        return json(out);
    }

    private Answer byLeika(Map<String, List<String>> query) {
        List<String> keys = new ArrayList<>();
        for (String k : required(query, "leikaIds").split(",", -1)) {
            if (!LEIKA.matcher(k.strip()).matches()) {
                throw new BadRequest("leikaIds must be 14-digit LeiKa keys separated by commas");
            }
            keys.add(k.strip());
        }
        String ars = ars(query);
        int page = number(query, "page", 0, 0, 100_000);
        int size = number(query, "size", 10, 1, 100);
        List<ObjectNode> hits = new ArrayList<>();
        for (Service s : fixture.services().values()) {
            if (s.leikaKeys().stream().anyMatch(keys::contains) && s.ars().stream().anyMatch(a -> covers(a, ars))) {
                hits.add(DirectoryWire.service(s, onlineServices(s, ars)));
            }
        }
        return json(DirectoryWire.page(hits, page, size));
    }

    private Answer detail(String id, Map<String, List<String>> query) {
        Optional<Service> service = fixture.service(id);
        String ars = optional(query, "ars").orElse(null);
        if (ars != null && !ARS.matcher(ars).matches()) {
            throw new BadRequest("ars must be a 12-digit regional key");
        }
        if (service.isEmpty()) {
            return new Answer.Refused(404, "no service description with id " + id);
        }
        Service s = service.get();
        List<Responsibility> covering = s.responsibilities().stream()
                .filter(r -> ars == null || r.ars().isEmpty() || r.ars().stream().anyMatch(a -> covers(a, ars)))
                .toList();
        return json(DirectoryWire.serviceDetail(s, onlineServices(s, ars), covering, fixture.organisationUnits()));
    }

    private Answer unit(Map<String, List<String>> query) {
        String id = required(query, "q");
        Unit u = fixture.organisationUnits().get(id);
        if (u == null) {
            return new Answer.Refused(404, "no organisation unit with id " + id);
        }
        String ars = optional(query, "ars").orElse(null);
        if (ars != null && !ARS.matcher(ars).matches()) {
            throw new BadRequest("ars must be a 12-digit regional key");
        }
        String code = "03";
        String name = "Ansprechpunkt";
        Optional<String> lbId = optional(query, "lbId");
        if (lbId.isPresent()) {
            Service s = fixture.service(lbId.get()).orElse(null);
            if (s != null) {
                for (Responsibility r : s.responsibilities()) {
                    if (r.organisationId().equals(id)
                            && (ars == null || r.ars().isEmpty() || r.ars().stream().anyMatch(a -> covers(a, ars)))) {
                        code = r.roleCode();
                        name = r.roleName();
                        break;
                    }
                }
            }
        }
        return json(DirectoryWire.unit(u, code, name));
    }

    private Answer online(Map<String, List<String>> query) {
        String id = required(query, "q");
        OnlineService od = fixture.onlineServices().get(id);
        if (od == null) {
            return new Answer.Refused(404, "no online service with id " + id);
        }
        return json(DirectoryWire.onlineService(od, sandboxRoot));
    }

    private List<OnlineService> onlineServices(Service s, String ars) {
        return s.onlineServiceIds().stream().map(fixture.onlineServices()::get)
                .filter(od -> ars == null || od.ars().isEmpty() || od.ars().stream().anyMatch(a -> covers(a, ars)))
                .toList();
    }

    /**
     * Whether an area covers a place: the place's key starts with the area's significant digits
     * (federation 0, Land 2, Regierungsbezirk 3, Kreis 5, Gemeindeverband 9, Gemeinde 12).
     */
    static boolean covers(String area, String place) {
        int significant = 12;
        for (int level : new int[] {9, 5, 3, 2, 0}) {
            if (area.substring(level).chars().allMatch(c -> c == '0')) {
                significant = level;
            }
        }
        return place.startsWith(area.substring(0, significant));
    }

    private static String ars(Map<String, List<String>> query) {
        String ars = required(query, "ars");
        if (!ARS.matcher(ars).matches()) {
            throw new BadRequest("ars must be a 12-digit regional key");
        }
        return ars;
    }

    private static int number(Map<String, List<String>> query, String name, int dflt, int min, int max) {
        Optional<String> v = optional(query, name);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw new BadRequest(name + " must be " + min + " to " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number");
        }
    }

    private static String required(Map<String, List<String>> query, String name) {
        return optional(query, name).orElseThrow(() -> new BadRequest("query parameter " + name + " is required"));
    }

    private static Optional<String> optional(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequest("query parameter " + name + " must be given once");
        }
        return Optional.of(values.get(0));
    }

    private static Answer json(JsonNode node) {
        return new Answer.Found(node);
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
