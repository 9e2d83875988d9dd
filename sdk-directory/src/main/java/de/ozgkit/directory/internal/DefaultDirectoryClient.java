package de.ozgkit.directory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.core.internal.ErrorMapper;
import de.ozgkit.core.internal.HttpPipeline;
import de.ozgkit.core.internal.PathSegments;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.InvalidQueryException;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Location;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.Organisationseinheit;
import de.ozgkit.directory.Page;
import de.ozgkit.directory.Routing;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DirectoryClient}: the PVOG search service over ozgkit core's HTTP pipeline
 * (interceptors, retries with {@code Retry-After}, error mapping), with an optional cache of parsed
 * answers. Thread-safe.
 */
public final class DefaultDirectoryClient implements DirectoryClient {

    private static final Logger LOG = LoggerFactory.getLogger("de.ozgkit.directory");
    private static final String ACCEPT = "application/json, application/problem+json";
    private static final int MAX_QUERY = 100;
    private static final int ALL_PAGE_SIZE = 50;

    private final HttpPipeline pipeline;
    /** The base URI as text without trailing slash; request URIs are built on it in one pass. */
    private final String base;
    private final String clientId;
    private final ResponseCache<String, Object> cache;
    private final RoutingResolver routing = new RoutingResolver(this);

    /**
     * Creates the client.
     *
     * @param config       the configuration
     * @param clientId     the {@code pvog-sud-api-client-id}, {@code null} for none
     * @param cacheEntries the cache size, 0 for no cache
     * @param cacheTtl     how long answers stay cached
     * @param clock        the clock deciding cache expiry
     * @param sleeper      waits between the attempts of a retried call
     */
    public DefaultDirectoryClient(OzgClientConfig config, String clientId, int cacheEntries, Duration cacheTtl,
                                  Clock clock, de.ozgkit.core.Sleeper sleeper) {
        this.pipeline = new HttpPipeline(config, sleeper::sleep);
        this.base = pipeline.resolve().toString();
        this.clientId = clientId;
        this.cache = cacheEntries > 0 ? new ResponseCache<>(cacheEntries, cacheTtl, clock) : null;
    }

    @Override
    public List<Location> locations(String query) {
        Objects.requireNonNull(query, "query");
        String q = query.strip();
        if (q.isEmpty() || q.length() > MAX_QUERY) {
            throw new InvalidQueryException("query must be 1 to " + MAX_QUERY + " characters (a place name or"
                    + " postcode), had " + q.length());
        }
        String uri = uri(PvogApi.LOCATIONS, PvogApi.Q, q);
        return get(uri, PvogJson::locations, List.of());
    }

    @Override
    public Page<Leistung> serviceDescriptions(LeikaKey key, Ars ars, int page, int size) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ars, "ars");
        if (page < 0 || page > 10_000) {
            throw new InvalidQueryException("page must be 0 to 10,000, was " + page);
        }
        if (size < 1 || size > 100) {
            throw new InvalidQueryException("size must be 1 to 100, was " + size);
        }
        String uri = uri(PvogApi.BY_LEIKA, PvogApi.LEIKA_IDS, key.value(), PvogApi.ARS, ars.value(),
                PvogApi.PAGE, Integer.toString(page), PvogApi.SIZE, Integer.toString(size));
        return get(uri, root -> PvogJson.servicePage(root, page, size), Page.empty(page, size));
    }

    @Override
    public List<Leistung> allServiceDescriptions(LeikaKey key, Ars ars) {
        List<Leistung> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Leistung> p = serviceDescriptions(key, ars, page, ALL_PAGE_SIZE);
            all.addAll(p.items());
            if (!p.hasNext() || p.items().isEmpty()) {
                return all;
            }
            if (page + 1 >= MAX_PAGES) {
                throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "the search service announces "
                        + p.totalPages() + " pages of service descriptions for " + key + " at " + ars
                        + "; ozgkit reads at most " + MAX_PAGES + ", use serviceDescriptions(key, ars, page, size)",
                        null, 0);
            }
        }
    }

    @Override
    public Optional<Leistung> serviceDescription(String id, Ars ars) {
        requireId("id", id);
        Objects.requireNonNull(ars, "ars");
        String uri = uri(PvogApi.SERVICE_DETAIL_BEFORE_ID + PathSegments.encode(id) + PvogApi.SERVICE_DETAIL_AFTER_ID,
                PvogApi.ARS, ars.value());
        return get(uri, root -> Optional.of(PvogJson.leistung(root, PvogJson.Loc.ROOT)), Optional.empty());
    }

    @Override
    public Optional<Organisationseinheit> organisationUnit(String id) {
        requireId("id", id);
        String uri = uri(PvogApi.ORGANISATION_UNIT, PvogApi.Q, id);
        return get(uri, root -> Optional.of(PvogJson.organisationUnit(root)), Optional.empty());
    }

    @Override
    public Optional<Organisationseinheit> organisationUnit(String id, Ars ars, String serviceId) {
        requireId("id", id);
        requireId("serviceId", serviceId);
        Objects.requireNonNull(ars, "ars");
        String uri = uri(PvogApi.ORGANISATION_UNIT, PvogApi.Q, id, PvogApi.ARS, ars.value(), PvogApi.LB_ID, serviceId);
        return get(uri, root -> Optional.of(PvogJson.organisationUnit(root)), Optional.empty());
    }

    @Override
    public Optional<Onlinedienst> onlineService(String id) {
        requireId("id", id);
        String uri = uri(PvogApi.ONLINE_SERVICE, PvogApi.Q, id);
        return get(uri, root -> Optional.of(PvogJson.onlineService(root)), Optional.empty());
    }

    @Override
    public Optional<Routing> route(LeikaKey key, Ars ars) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ars, "ars");
        return routing.route(key, ars);
    }

    @Override
    public Optional<Routing> route(LeikaKey key, String place) {
        Objects.requireNonNull(key, "key");
        List<Location> hits = locations(place);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        String wanted = place.strip();
        Location chosen = hits.stream().filter(l -> l.name().equalsIgnoreCase(wanted)).findFirst().orElse(hits.get(0));
        return route(key, chosen.ars());
    }

    @Override
    public void clearCache() {
        if (cache != null) {
            cache.clear();
        }
    }

    /** @return look-ups answered from the cache so far (0 without a cache) */
    public long cacheHits() {
        return cache == null ? 0 : cache.hits();
    }

    private static void requireId(String name, String id) {
        Objects.requireNonNull(id, name);
        if (id.isBlank() || id.length() > 200) {
            throw new InvalidQueryException(name + " must be 1 to 200 characters and not blank, had " + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            // ids travel as a path segment or query value; servers refuse encoded slashes in paths
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw new InvalidQueryException(name + " must not contain '/', '\\' or control characters, found "
                        + String.format("U+%04X", (int) c) + " at position " + (i + 1));
            }
        }
    }

    /**
     * Builds a request URI in one pass: the base, the path (already encoded), the query with each
     * value percent-encoded (everything but RFC 3986 unreserved characters). It stays text until a
     * request is sent: it is also the cache key, and a cache hit needs no parsed URI.
     */
    private String uri(String path, String... query) {
        StringBuilder sb = new StringBuilder(base.length() + path.length() + 64).append(base).append(path);
        for (int i = 0; i < query.length; i += 2) {
            sb.append(i == 0 ? '?' : '&').append(query[i]).append('=').append(PathSegments.encode(query[i + 1]));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private <T> T get(String uri, Function<JsonNode, T> reader, T noHit) {
        if (cache != null) {
            Optional<Object> cached = cache.get(uri);
            if (cached.isPresent()) {
                return (T) cached.get();
            }
        }
        HttpRequest.Builder request = HttpRequest.builder("GET", URI.create(uri)).header("Accept", ACCEPT);
        if (clientId != null) {
            request.header(PvogApi.CLIENT_ID_HEADER, clientId);
        }
        HttpPipeline.Exchange ex = pipeline.send(request.build());
        HttpResponse response = ex.response();
        T result;
        int status = response.status();
        if (status == 404 || status == 204) {
            LOG.debug("{} answered {}: no hit", ex.request(), status);
            result = noHit;
        } else if (status == 200) {
            try {
                result = reader.apply(PvogJson.parse(response.bodyStream()));
            } catch (OzgClientException e) {
                throw new OzgClientException(e.kind(), ex.request() + ": " + e.getMessage(), e, ex.attempts());
            }
        } else if (status >= 400) {
            throw ErrorMapper.toException(ex.request(), response, ex.attempts());
        } else {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, ex.request() + " answered HTTP " + status
                    + ", which the search service does not provide for; check the base URI", null, ex.attempts());
        }
        if (cache != null) {
            cache.put(uri, result);
        }
        return result;
    }

    @Override
    public void close() {
        pipeline.close();
    }

    @Override
    public String toString() {
        return "DirectoryClient[" + pipeline.config().baseUri().map(URI::toString).orElse("?")
                + (cache != null ? ", cached" : "") + "]";
    }
}
