package de.ozgkit.directory;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.Sleeper;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.internal.DefaultDirectoryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Client of the PVOG search service (Portalverbund Suchdienst): which authority is responsible
 * for a service where, what the service costs and needs, and which online service handles it, in
 * the XZuFi vocabulary ({@link Leistung}, {@link Zustaendigkeit}, {@link Organisationseinheit},
 * {@link Onlinedienst}).
 *
 * <pre>{@code
 * try (DirectoryClient directory = DirectoryClient.builder()
 *         .config(OzgClientConfig.builder().baseUri("https://pvog.fitko.net/suchdienst/api").build())
 *         .clientId("your-client-id")                     // header pvog-sud-api-client-id
 *         .cache(1_000, Duration.ofMinutes(10))
 *         .build()) {
 *     Routing routing = directory.route(LeikaKey.parse("99050012104000"), "Mainz").orElseThrow();
 *     for (Route route : routing.routes()) {
 *         route.unit().title();                             // the responsible authority
 *         route.fitConnectDestination();                    // where FIT-Connect submissions go
 *         route.payment();                                  // the XBezahldienste endpoint, if any
 *     }
 * }
 * }</pre>
 *
 * <p><b>No hit.</b> A look-up that finds nothing (HTTP 404 or an empty answer) returns an empty
 * list, an empty page or {@code Optional.empty()}, never an exception.
 *
 * <p><b>Errors.</b> {@link InvalidQueryException} before sending; the status-based exceptions of
 * ozgkit core ({@link de.ozgkit.core.OzgServiceException}: 429 after the configured retries as
 * {@link de.ozgkit.core.RateLimitedException}, 5xx as {@link de.ozgkit.core.ServerErrorException});
 * {@link de.ozgkit.core.OzgClientException} of kind PROTOCOL for an answer that is not the
 * documented JSON or exceeds the configured size, of kind IO/TIMEOUT when no answer arrived.
 *
 * <p><b>Retries and cache.</b> Every call is a GET and is retried by the configured
 * {@link de.ozgkit.core.RetryPolicy} on 429 (honouring {@code Retry-After}) and 5xx. With
 * {@link Builder#cache(int, Duration)} successful answers are kept for repeated look-ups.
 *
 * <p>Thread-safe; create one and share it. Closing releases the connection pool.
 */
public interface DirectoryClient extends AutoCloseable {

    /** @return a builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Finds places by name or postcode ({@code GET {base}/v3/locations?q=}).
     *
     * @param query a place name (e.g. {@code "Mainz"}) or postcode (e.g. {@code "55116"}), 2 to 100 characters
     * @return the places, empty when none matches
     * @throws InvalidQueryException when the query is blank or longer than 100 characters
     */
    List<Location> locations(String query);

    /**
     * Reads one page of the service descriptions for a LeiKa key at a place
     * ({@code GET {base}/v3/servicedescriptions/leikaid?leikaIds=&ars=&page=&size=}).
     *
     * @param key  the service's LeiKa key
     * @param ars  the place
     * @param page the zero-based page number, 0 to 10,000
     * @param size the page size, 1 to 100
     * @return the page, empty when nothing matches
     * @throws InvalidQueryException when page or size is out of range
     */
    Page<Leistung> serviceDescriptions(LeikaKey key, Ars ars, int page, int size);

    /**
     * Reads all service descriptions for a LeiKa key at a place, page by page (at most
     * {@link #MAX_PAGES} pages of 50).
     *
     * @param key the service's LeiKa key
     * @param ars the place
     * @return the descriptions, empty when nothing matches
     * @throws de.ozgkit.core.OzgClientException of kind PROTOCOL when the service announces more than
     *                                           {@link #MAX_PAGES} pages
     */
    List<Leistung> allServiceDescriptions(LeikaKey key, Ars ars);

    /** The most pages {@link #allServiceDescriptions} reads. */
    int MAX_PAGES = 20;

    /**
     * Reads the detail of a service description for a place, with its text modules, online service
     * links and responsibilities ({@code GET {base}/v6/servicedescriptions/{id}/detail?ars=}).
     *
     * @param id  the description's id, as in {@link Leistung#id()}
     * @param ars the place (responsibilities are those covering it)
     * @return the description, empty when unknown
     */
    Optional<Leistung> serviceDescription(String id, Ars ars);

    /**
     * Reads an organisation unit without a service context; its role is then "Ansprechpunkt"
     * ({@code GET {base}/v5/organisationunits/detail?q=}).
     *
     * @param id the unit's id
     * @return the unit, empty when unknown
     */
    Optional<Organisationseinheit> organisationUnit(String id);

    /**
     * Reads an organisation unit with its role for a service at a place
     * ({@code GET {base}/v5/organisationunits/detail?q=&ars=&lbId=}).
     *
     * @param id        the unit's id
     * @param ars       the place
     * @param serviceId the service description's id ({@link Leistung#id()})
     * @return the unit, empty when unknown
     */
    Optional<Organisationseinheit> organisationUnit(String id, Ars ars, String serviceId);

    /**
     * Reads an online service ({@code GET {base}/v2/onlineservices/detail?q=}).
     *
     * @param id the online service's id
     * @return the online service, empty when unknown
     */
    Optional<Onlinedienst> onlineService(String id);

    /**
     * Answers the routing question for a place given by its ARS: the service description that
     * applies there (the most local one) and its responsible units with their online services,
     * payment endpoint and FIT-Connect destination.
     *
     * @param key the service's LeiKa key
     * @param ars the place
     * @return the routing, empty when no description of the service applies at the place
     */
    Optional<Routing> route(LeikaKey key, Ars ars);

    /**
     * Answers the routing question for a place given by name or postcode: the place is looked up
     * first (an exact name match wins, else the first hit).
     *
     * @param key   the service's LeiKa key
     * @param place a place name or postcode
     * @return the routing, empty when the place is unknown or no description applies there
     * @see #route(LeikaKey, Ars)
     */
    Optional<Routing> route(LeikaKey key, String place);

    /** Empties the cache (no effect without one). */
    void clearCache();

    /** Releases the connection pool (unless the configuration supplied its own transport). */
    @Override
    void close();

    /** Builds a {@link DirectoryClient}. Not thread-safe. */
    final class Builder {
        private OzgClientConfig config;
        private String clientId;
        private int cacheEntries;
        private Duration cacheTtl = Duration.ZERO;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;

        private Builder() {
        }

        /**
         * @param config base URI (the search service's {@code {base}}, e.g.
         *               {@code https://pvog.fitko.net/suchdienst/api}), timeouts, retries, response size limit
         * @return this builder
         */
        public Builder config(OzgClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Sets the client id sent in the {@code pvog-sud-api-client-id} header with every request.
         *
         * @param clientId the id FITKO issued, or {@code null} to send none
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Keeps successful answers (including "no hit") for repeated look-ups: at most
         * {@code maxEntries}, each for {@code ttl}, the least recently used dropped first. Off by
         * default.
         *
         * @param maxEntries the most answers kept, 1 to 1,000,000
         * @param ttl        how long an answer is kept, positive
         * @return this builder
         * @throws InvalidQueryException when a value is out of range
         */
        public Builder cache(int maxEntries, Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (maxEntries < 1 || maxEntries > 1_000_000) {
                throw new InvalidQueryException("cache maxEntries must be 1 to 1,000,000, was " + maxEntries);
            }
            if (ttl.isNegative() || ttl.isZero()) {
                throw new InvalidQueryException("cache ttl must be positive, was " + ttl);
            }
            this.cacheEntries = maxEntries;
            this.cacheTtl = ttl;
            return this;
        }

        /**
         * @param clock the clock deciding cache expiry (the system clock by default)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param sleeper waits between the attempts of a retried call (by default the calling thread sleeps)
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the client
         * @throws de.ozgkit.core.OzgClientException of kind CONFIGURATION when no configuration was given or
         *                                           the configuration has no base URI
         */
        public DirectoryClient build() {
            if (config == null) {
                throw de.ozgkit.core.OzgClientException.configuration(
                        "DirectoryClient needs a configuration: call config(OzgClientConfig)");
            }
            config.requireBaseUri();
            return new DefaultDirectoryClient(config, clientId, cacheEntries, cacheTtl, clock, sleeper);
        }
    }
}
