package de.ozgkit.sandbox.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.directory.DirectoryFixture.OnlineService;
import de.ozgkit.sandbox.directory.DirectoryFixture.Place;
import de.ozgkit.sandbox.directory.DirectoryFixture.Responsibility;
import de.ozgkit.sandbox.directory.DirectoryFixture.Service;
import de.ozgkit.sandbox.directory.DirectoryFixture.Unit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The directory simulator's protocol logic, free of any HTTP server: a request (method, path below
 * the service's base, query parameters, a header look-up) in, an {@link Answer} out. Thread-safe.
 *
 * <p>Paths (versioned as the search service uses them): {@code GET /v3/locations?q=},
 * {@code GET /v3/servicedescriptions/leikaid?leikaIds=&ars=&page=&size=},
 * {@code GET /v6/servicedescriptions/{id}/detail?ars=}, {@code GET /v5/organisationunits/detail?q=&ars=&lbId=},
 * {@code GET /v2/onlineservices/detail?q=}. Unknown ids answer 404, malformed parameters 400,
 * other methods 405, all as {@code application/problem+json}.
 */
public final class DirectoryApi {

    /** Header carrying the client id. */
    public static final String CLIENT_ID_HEADER = "pvog-sud-api-client-id";

    private static final Pattern ARS = Pattern.compile("[0-9]{12}");
    private static final Pattern LEIKA = Pattern.compile("[0-9]{14}");
    private static final Pattern POSTCODE = Pattern.compile("[0-9]{5}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /**
     * An answer.
     *
     * @param status      HTTP status
     * @param contentType content type
     * @param body        body
     */
    public record Answer(int status, String contentType, byte[] body) {
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

    /** @return requests handled so far */
    public long requestCount() {
        return requests.get();
    }

    /** @return the distinct client ids seen so far */
    public Set<String> clientIdsSeen() {
        return Set.copyOf(clientIds);
    }

    /**
     * Handles a request.
     *
     * @param method the HTTP method
     * @param path   the path below the service's base, starting with {@code /}, percent-decoded
     * @param query  the query parameters, decoded
     * @param header looks up a request header, {@code null} when absent
     * @return the answer
     */
    public Answer handle(String method, String path, Map<String, List<String>> query, Function<String, String> header) {
        requests.incrementAndGet();
        String clientId = header.apply(CLIENT_ID_HEADER);
        if (clientId != null) {
            clientIds.add(clientId);
        }
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/", -1));
        boolean known = matches(segments, "v3", "locations") || matches(segments, "v3", "servicedescriptions", "leikaid")
                || isDetail(segments) || matches(segments, "v5", "organisationunits", "detail")
                || matches(segments, "v2", "onlineservices", "detail");
        if (!known) {
            return problem(404, "Not Found", "no resource at " + path);
        }
        if (!"GET".equals(method)) {
            return problem(405, "Method Not Allowed", method + " is not allowed; the search service answers GET only");
        }
        if (requireClientId && (clientId == null || clientId.isBlank())) {
            return problem(401, "Unauthorized", "header " + CLIENT_ID_HEADER + " is required");
        }
        try {
            if (segments.get(0).equals("v3") && segments.get(1).equals("locations")) {
                return locations(query);
            } else if (segments.get(0).equals("v3")) {
                return byLeika(query);
            } else if (segments.get(0).equals("v6")) {
                return detail(segments.get(2), query);
            } else if (segments.get(0).equals("v5")) {
                return unit(query);
            }
            return onlineService(query);
        } catch (BadRequest e) {
            return problem(400, "Bad Request", e.getMessage());
        }
    }

    private Answer locations(Map<String, List<String>> query) {
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
            return problem(404, "Not Found", "no service description with id " + id);
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
            return problem(404, "Not Found", "no organisation unit with id " + id);
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

    private Answer onlineService(Map<String, List<String>> query) {
        String id = required(query, "q");
        OnlineService od = fixture.onlineServices().get(id);
        if (od == null) {
            return problem(404, "Not Found", "no online service with id " + id);
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

    private static boolean matches(List<String> segments, String... expected) {
        return segments.equals(List.of(expected));
    }

    private static boolean isDetail(List<String> s) {
        return s.size() == 4 && s.get(0).equals("v6") && s.get(1).equals("servicedescriptions") && !s.get(2).isEmpty()
                && s.get(3).equals("detail");
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
        try {
            return new Answer(200, "application/json", Json.mapper().writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
    }

    static Answer problem(int status, String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        try {
            return new Answer(status, "application/problem+json", Json.mapper().writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            return new Answer(status, "text/plain;charset=utf-8", detail.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
