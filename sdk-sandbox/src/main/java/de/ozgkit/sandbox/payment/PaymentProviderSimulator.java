package de.ozgkit.sandbox.payment;

import de.ozgkit.core.Credentials;
import de.ozgkit.sandbox.SandboxContext;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A simulated XBezahldienste 1.0.0 payment provider with paypage.
 *
 * <p>Endpoints, relative to the service's base URI (the {@code {base}} of the standard's paths):
 * <ul>
 *   <li>{@code POST /paymenttransaction/{originatorId}/{endPointId}}: create; 200 with the
 *       {@code PaymentTransaction}, or {@code application/problem+json} with {@code functionalCode};</li>
 *   <li>{@code GET /paymenttransaction/{originatorId}/{endPointId}/{transactionId}}: status;</li>
 *   <li>{@code GET /status/{originatorId}/{endPointId}}: health, 200/403/503 with a problem body;</li>
 *   <li>{@code GET /paypage/{transactionId}}: the paypage (HTML) with Pay and Cancel;
 *       {@code POST} there sets the status and redirects (303) to the request's {@code redirectUrl};</li>
 *   <li>{@code POST /oauth/token}: OAuth 2.0 client credentials token endpoint (OAuth2 variant only).</li>
 * </ul>
 *
 * <p>Requests are checked with the standard's limits by the sandbox's own code, independent of the
 * client: VALIDATION_ERROR (400), CALCULATION_ERROR (400), BOOKING_DATA_MISSING (400, for the keys
 * configured with {@link Builder#requireBookingData}), PAYMENT_EXISTS (409; the existing
 * transaction is named in the non-standard extension member {@code transactionId} only with
 * {@link Builder#namesExistingTransaction}), NO_VALID_ORIGINATOR_OR_ENDPOINT (400, with
 * {@link Builder#knownPair}), FORBIDDEN (401 for missing or wrong credentials on the API calls, 403
 * for {@link Builder#forbiddenPair} and on the status call, which answers only 200, 403 or 503),
 * UNSPECIFIED (404 for an unknown transaction). Every error answer is
 * {@code application/problem+json} with a {@code functionalCode} and a {@code detail} within the
 * standard's pattern. The echoed payment request holds only the standard's fields (unknown fields
 * sent by the client are not echoed); {@code transactionTimestamp} is sent once the payment
 * succeeded.
 *
 * <p>Authentication: none by default; {@link Builder#basic}, {@link Builder#oauth2} or
 * {@link Builder#mutualTls} select the variant. Unpaid transactions turn FAILED after
 * {@link Builder#paypageTimeout} (default 15 minutes). State is in memory; thread-safe.
 */
public final class PaymentProviderSimulator implements SandboxService {

    /** Name of the service in the sandbox, and the first path segment of its base URI. */
    public static final String SERVICE_NAME = "payment";

    /** Settings of the simulator; package-private, built by {@link Builder}. */
    record Options(ProviderEngine.Auth auth, String basicUser, String basicPassword, String clientId, String clientSecret,
                   Duration tokenLifetime, Credentials.ClientAuthentication tokenClientAuthentication,
                   Set<String> knownPairs, Set<String> forbiddenPairs, Set<String> requiredBookingData,
                   Duration paypageTimeout, boolean legacyOriginatorCode, boolean namesExistingTransaction, Clock clock,
                   AtomicBoolean available) {
    }

    private final Options options;
    private final boolean ownClock;
    private volatile ProviderEngine engine;

    private PaymentProviderSimulator(Options options, boolean ownClock) {
        this.options = options;
        this.ownClock = ownClock;
        this.engine = new ProviderEngine(options);
    }

    @Override
    public String name() {
        return SERVICE_NAME;
    }

    @Override
    public boolean wantsClientCertificates() {
        return requiresClientCertificate();
    }

    /**
     * Adds the XBezahldienste routes and the provider's error shape (problem+json with
     * {@code functionalCode} also for unknown paths, wrong methods and oversized bodies); uses the
     * sandbox's clock unless the builder set one.
     *
     * @param context the sandbox context
     */
    @Override
    public void mount(SandboxContext context) {
        ProviderEngine e = ownClock ? engine : new ProviderEngine(withClock(options, context.clock()));
        this.engine = e;
        URI base = context.baseUri();
        PathMappingsHandler routes = context.routes();
        routes.addMapping(new UriTemplatePathSpec("/paymenttransaction/{originatorId}/{endPointId}"), new MethodHandler()
                .post((request, response, callback) -> answer(response, callback, e.create(
                        Requests.pathParam(request, "originatorId"), Requests.pathParam(request, "endPointId"),
                        headers(request), hasCertificate(request), Requests.mediaType(request).orElse(null),
                        Requests.body(request), base))));
        routes.addMapping(new UriTemplatePathSpec("/paymenttransaction/{originatorId}/{endPointId}/{transactionId}"),
                new MethodHandler().get((request, response, callback) -> answer(response, callback, e.get(
                        Requests.pathParam(request, "originatorId"), Requests.pathParam(request, "endPointId"),
                        Requests.pathParam(request, "transactionId"), headers(request), hasCertificate(request), base))));
        routes.addMapping(new UriTemplatePathSpec("/status/{originatorId}/{endPointId}"), new MethodHandler()
                .get((request, response, callback) -> answer(response, callback, e.health(
                        Requests.pathParam(request, "originatorId"), Requests.pathParam(request, "endPointId"),
                        headers(request), hasCertificate(request)))));
        routes.addMapping(new UriTemplatePathSpec("/paypage/{transactionId}"), new MethodHandler()
                .get((request, response, callback) -> answer(response, callback,
                        e.paypage(Requests.pathParam(request, "transactionId"), base)))
                .post((request, response, callback) -> answer(response, callback, e.paypageSubmit(
                        Requests.pathParam(request, "transactionId"), Requests.mediaType(request).orElse(null),
                        Requests.body(request)))));
        if (options.auth() == ProviderEngine.Auth.OAUTH2) {
            routes.addMapping(new UriTemplatePathSpec("/oauth/token"), new MethodHandler()
                    .post((request, response, callback) -> answer(response, callback, e.token(headers(request),
                            Requests.mediaType(request).orElse(null), Requests.body(request)))));
        }
        context.errorHandler(new ProviderErrorHandler());
    }

    private static Options withClock(Options o, Clock clock) {
        return new Options(o.auth(), o.basicUser(), o.basicPassword(), o.clientId(), o.clientSecret(), o.tokenLifetime(),
                o.tokenClientAuthentication(), o.knownPairs(), o.forbiddenPairs(), o.requiredBookingData(),
                o.paypageTimeout(), o.legacyOriginatorCode(), o.namesExistingTransaction(), clock, o.available());
    }

    private static Function<String, Optional<String>> headers(Request request) {
        return name -> Optional.ofNullable(request.getHeaders().get(name));
    }

    private static boolean hasCertificate(Request request) {
        return !Requests.clientCertificates(request).isEmpty();
    }

    private static boolean answer(Response response, Callback callback, ProviderEngine.Answer a) {
        a.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        Responses.bytes(response, callback, a.status(), a.contentType(), a.body());
        return true;
    }

    /** @return how many API calls were refused for missing or wrong credentials (401) */
    public int unauthorizedCount() {
        return engine.unauthorizedCount();
    }

    /** @return a builder: no authentication, every well-formed pair accepted, 15 minutes paypage timeout */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a simulator with the defaults: no authentication, every well-formed pair, 15 minutes paypage timeout */
    public static PaymentProviderSimulator create() {
        return builder().build();
    }

    /** @return how many transactions the provider holds (created once each, whatever the retries) */
    public int transactionCount() {
        return engine.store().count();
    }

    /** @return how many OAuth2 access tokens were issued (0 without the OAuth2 variant) */
    public int tokensIssued() {
        return engine.tokens().map(TokenIssuer::issuedCount).orElse(0);
    }

    /**
     * @return how many token requests were refused because the client authenticated with the method
     *         this provider does not accept (see {@link Builder#tokenClientAuthentication})
     */
    public int tokenRequestsWithWrongClientAuthentication() {
        return engine.tokens().map(TokenIssuer::refusedMethodCount).orElse(0);
    }

    /** Revokes every issued OAuth2 token, so that the next API call is answered 401. */
    public void revokeTokens() {
        engine.tokens().ifPresent(TokenIssuer::revokeAll);
    }

    /**
     * Switches the provider's availability as the status call reports it (503 when unavailable).
     *
     * @param available whether the provider reports itself available
     */
    public void setAvailable(boolean available) {
        options.available().set(available);
    }

    /** Forgets every transaction. */
    public void reset() {
        engine.store().clear();
    }

    /** @return whether clients must present a client certificate (the sandbox must then serve HTTPS with client authentication) */
    public boolean requiresClientCertificate() {
        return options.auth() == ProviderEngine.Auth.MUTUAL_TLS;
    }

    /** @return a description of the variant for {@code ozgkit sandbox}, e.g. {@code "auth=oauth2 client=..."} */
    public String describe() {
        StringBuilder sb = new StringBuilder("auth=").append(options.auth().name().toLowerCase(java.util.Locale.ROOT));
        if (options.auth() == ProviderEngine.Auth.BASIC) {
            sb.append(" user=").append(options.basicUser());
        } else if (options.auth() == ProviderEngine.Auth.OAUTH2) {
            sb.append(" client-id=").append(options.clientId()).append(" token-path=/oauth/token");
            if (options.tokenClientAuthentication() != null) {
                sb.append(" client-auth=").append(options.tokenClientAuthentication().code());
            }
        }
        if (!options.knownPairs().isEmpty()) {
            sb.append(" known-pairs=").append(String.join(",", options.knownPairs()));
        }
        return sb.toString();
    }

    ProviderEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return "PaymentProviderSimulator[" + describe() + ", transactions=" + transactionCount() + "]";
    }

    /** Builds a {@link PaymentProviderSimulator}. Not thread-safe. */
    public static final class Builder {
        private ProviderEngine.Auth auth = ProviderEngine.Auth.NONE;
        private String basicUser;
        private String basicPassword;
        private String clientId;
        private String clientSecret;
        private Duration tokenLifetime = Duration.ofMinutes(5);
        private Credentials.ClientAuthentication tokenClientAuthentication;
        private boolean namesExistingTransaction;
        private final Set<String> knownPairs = new LinkedHashSet<>();
        private final Set<String> forbiddenPairs = new LinkedHashSet<>();
        private final Set<String> requiredBookingData = new LinkedHashSet<>();
        private Duration paypageTimeout = Duration.ofMinutes(15);
        private boolean legacyOriginatorCode;
        private Clock clock;

        private Builder() {
        }

        /**
         * Requires HTTP Basic with this user and password (as epay21 does).
         *
         * @param user     the user name
         * @param password the password
         * @return this builder
         */
        public Builder basic(String user, String password) {
            this.auth = ProviderEngine.Auth.BASIC;
            this.basicUser = Objects.requireNonNull(user, "user");
            this.basicPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Requires OAuth 2.0 bearer tokens from the client credentials grant at {@code /oauth/token}
         * (as pmPayment and GiroCheckout do).
         *
         * @param clientId      the client id
         * @param clientSecret  the client secret
         * @param tokenLifetime how long an issued token is valid ({@code expires_in})
         * @return this builder
         */
        public Builder oauth2(String clientId, String clientSecret, Duration tokenLifetime) {
            this.auth = ProviderEngine.Auth.OAUTH2;
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
                throw new SandboxException("token lifetime must be positive, was " + tokenLifetime, null);
            }
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /**
         * Accepts only one OAuth2 client authentication method at the token endpoint (by default
         * both): HTTP Basic ({@code client_secret_basic}) or the form body ({@code client_secret_post},
         * as pmPayment expects). A token request with the other method is answered 401
         * {@code invalid_client}, so that a test proves which one a client sends.
         *
         * @param method the only accepted method, {@code null} for both
         * @return this builder
         */
        public Builder tokenClientAuthentication(Credentials.ClientAuthentication method) {
            this.tokenClientAuthentication = method;
            return this;
        }

        /**
         * Names the existing transaction in the problem of a PAYMENT_EXISTS answer, in the extension
         * member {@code transactionId}. XBezahldienste 1.0.0 has no such member; some providers add it.
         * Off by default, as in the standard.
         *
         * @param names whether to add the member
         * @return this builder
         */
        public Builder namesExistingTransaction(boolean names) {
            this.namesExistingTransaction = names;
            return this;
        }

        /**
         * Requires a TLS client certificate (as ePayBL connectors do); the sandbox must serve HTTPS
         * and ask for client certificates from its trusted CA.
         *
         * @return this builder
         */
        public Builder mutualTls() {
            this.auth = ProviderEngine.Auth.MUTUAL_TLS;
            return this;
        }

        /**
         * Accepts only the known originator/end point pairs; others get NO_VALID_ORIGINATOR_OR_ENDPOINT.
         * Without any known pair, every well-formed pair is accepted.
         *
         * @param originatorId the originator
         * @param endPointId   the end point
         * @return this builder
         */
        public Builder knownPair(String originatorId, String endPointId) {
            RequestChecks.pathId("originatorId", originatorId);
            RequestChecks.pathId("endPointId", endPointId);
            knownPairs.add(originatorId + "/" + endPointId);
            return this;
        }

        /**
         * Answers FORBIDDEN (403) for this pair: the credentials are not authorised for it.
         *
         * @param originatorId the originator
         * @param endPointId   the end point
         * @return this builder
         */
        public Builder forbiddenPair(String originatorId, String endPointId) {
            forbiddenPairs.add(originatorId + "/" + endPointId);
            return this;
        }

        /**
         * Requires this key in every item's {@code bookingData}; without it: BOOKING_DATA_MISSING.
         *
         * @param key e.g. {@code "Haushaltsstelle"}
         * @return this builder
         */
        public Builder requireBookingData(String key) {
            requiredBookingData.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * @param timeout how long a transaction may stay unpaid before it turns FAILED
         * @return this builder
         */
        public Builder paypageTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new SandboxException("paypage timeout must be positive, was " + timeout, null);
            }
            this.paypageTimeout = timeout;
            return this;
        }

        /**
         * Uses the deprecated code NO_VALID_ORIGINATOR_OR_DESTINATION instead of ..._ENDPOINT, as
         * older providers do.
         *
         * @param legacy whether to use the deprecated code
         * @return this builder
         */
        public Builder legacyOriginatorCode(boolean legacy) {
            this.legacyOriginatorCode = legacy;
            return this;
        }

        /**
         * @param clock the clock for timestamps, token expiry and the paypage timeout; by default the
         *              sandbox's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the simulator */
        public PaymentProviderSimulator build() {
            return new PaymentProviderSimulator(new Options(auth, basicUser, basicPassword, clientId, clientSecret,
                    tokenLifetime, tokenClientAuthentication, Set.copyOf(knownPairs), Set.copyOf(forbiddenPairs),
                    Set.copyOf(requiredBookingData), paypageTimeout, legacyOriginatorCode, namesExistingTransaction,
                    clock == null ? Clock.systemUTC() : clock, new AtomicBoolean(true)), clock != null);
        }
    }
}
