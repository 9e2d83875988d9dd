package de.ozgkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.OzgException;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches and caches OAuth 2.0 access tokens with the client credentials grant (RFC 6749
 * section 4.4). A cached token is reused until shortly before it expires; {@link #invalidate(String)}
 * drops it after the service answered 401. Tokens and secrets are never logged or put into messages.
 *
 * <p>Thread-safe without holding a lock while the token endpoint answers: concurrent callers that
 * need a token share one request (the first caller sends it, the others wait for its outcome),
 * and each of them waits at most for its own time limit. A caller whose cached token is still
 * valid never waits: while one caller renews a token that is about to expire, the others go on
 * with the old one.
 */
public final class OAuth2TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger("de.ozgkit.http");

    /** Lifetime assumed when the token endpoint does not say ({@code expires_in} absent or not positive). */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** Longest lifetime believed; a larger {@code expires_in} is cut to this. */
    static final Duration MAX_LIFETIME = Duration.ofDays(1);
    /** Tokens are renewed this long before they expire (at most half their lifetime). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    /** A token with the instants to renew it and at which it expires. */
    private record Cached(String token, Instant refreshAt, Instant expiresAt) {
    }

    private final Credentials.OAuth2ClientCredentials credentials;
    private final HttpTransport transport;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile Cached cached;
    /** The token request in flight, shared by everyone who needs its result; guarded by {@link #lock}. */
    private CompletableFuture<Cached> inFlight;

    /**
     * @param credentials the client credentials
     * @param transport   the transport to reach the token endpoint (same TLS settings as the API)
     * @param clock       the clock deciding expiry
     */
    public OAuth2TokenSource(Credentials.OAuth2ClientCredentials credentials, HttpTransport transport, Clock clock) {
        this.credentials = credentials;
        this.transport = transport;
        this.clock = clock;
    }

    /**
     * Returns a valid access token without a time limit of its own (the transport's timeouts apply).
     *
     * @return the access token
     * @throws IOException             when the token endpoint cannot be reached
     * @throws AuthenticationException when the token endpoint refuses the client credentials
     * @throws OzgClientException      of kind PROTOCOL when its answer is not a usable token
     */
    public String token() throws IOException {
        return token(Duration.ofDays(365));
    }

    /**
     * Returns a valid access token, fetching one when none is cached or the cached one is about to
     * expire; waits at most {@code timeout} for it.
     *
     * @param timeout how long this caller may wait, positive
     * @return the access token
     * @throws InterruptedIOException  when the time ran out (or the thread was interrupted) first
     * @throws IOException             when the token endpoint cannot be reached
     * @throws AuthenticationException when the token endpoint refuses the client credentials
     * @throws OzgClientException      of kind PROTOCOL when its answer is not a usable token
     */
    public String token(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Instant now = clock.instant();
            Cached c = cached;
            if (c != null && now.isBefore(c.refreshAt)) {
                return c.token;
            }
            boolean stillValid = c != null && now.isBefore(c.expiresAt);
            CompletableFuture<Cached> shared;
            boolean mine = false;
            synchronized (lock) {
                shared = inFlight;
                if (shared == null) {
                    shared = new CompletableFuture<>();
                    inFlight = shared;
                    mine = true;
                }
            }
            if (!mine) {
                if (stillValid) {
                    // someone else renews it; this caller goes on with the old token
                    return c.token;
                }
                Cached result = await(shared, deadline);
                if (result != null) {
                    return result.token;
                }
                continue; // the fetch failed only because its caller ran out of time: try again
            }
            try {
                Cached fresh = fetch(remaining(deadline));
                cached = fresh;
                shared.complete(fresh);
                return fresh.token;
            } catch (IOException | RuntimeException | Error e) {
                shared.completeExceptionally(e);
                if (stillValid && !(e instanceof AuthenticationException)) {
                    LOG.debug("renewing the OAuth2 token failed ({}); the current one is still valid",
                            e.getClass().getSimpleName());
                    return c.token;
                }
                throw e;
            } finally {
                synchronized (lock) {
                    if (inFlight == shared) {
                        inFlight = null;
                    }
                }
            }
        }
    }

    /**
     * Waits for another caller's token request; {@code null} when that caller ran out of its own
     * time, so that this one may try with the time it has left.
     */
    private static Cached await(CompletableFuture<Cached> shared, long deadline) throws IOException {
        try {
            return shared.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new InterruptedIOException("the time ran out while waiting for the OAuth2 token endpoint");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the OAuth2 token endpoint");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedIOException && !(cause instanceof java.net.SocketTimeoutException)) {
                return null;
            }
            if (cause instanceof OzgException oe) {
                throw oe;
            }
            if (cause instanceof IOException io) {
                // a copy, so that this caller's stack shows where it waited
                IOException copy = new IOException(io.getMessage(), io);
                throw copy;
            }
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "OAuth2: the token request failed: "
                    + cause.getClass().getSimpleName(), cause, 1);
        }
    }

    private static Duration remaining(long deadline) throws InterruptedIOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new InterruptedIOException("the time ran out before the OAuth2 token could be fetched");
        }
        return Duration.ofNanos(left);
    }

    /**
     * Drops the cached token if it is still the given one (another thread may have renewed it).
     *
     * @param rejected the token the service refused
     */
    public void invalidate(String rejected) {
        synchronized (lock) {
            Cached c = cached;
            if (rejected != null && c != null && rejected.equals(c.token)) {
                cached = null;
            }
        }
    }

    /** @return how many token requests were sent so far (for tests and diagnostics) */
    public int fetchCount() {
        return fetches.get();
    }

    private Cached fetch(Duration timeout) throws IOException {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (!credentials.scopes().isEmpty()) {
            form.append("&scope=").append(URLEncoder.encode(String.join(" ", credentials.scopes()), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.builder("POST", credentials.tokenUri())
                .header("Accept", "application/json");
        if (credentials.authentication() == Credentials.ClientAuthentication.CLIENT_SECRET_POST) {
            form.append("&client_id=").append(URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8))
                    .append("&client_secret=").append(URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8));
        } else {
            // RFC 6749 section 2.3.1: both parts form-encoded before Base64
            String basic = URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpRequest http = request.body("application/x-www-form-urlencoded", form.toString()).build();
        Instant sent = clock.instant();
        fetches.incrementAndGet();
        HttpResponse response = transport.execute(http, timeout);
        if (!response.isSuccessful()) {
            throw refused(http, response);
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw protocol("the token endpoint answered with a body that is not JSON");
        }
        if (json == null || !json.isObject() || !json.path("access_token").isTextual()
                || json.path("access_token").textValue().isBlank()) {
            throw protocol("the token endpoint's answer has no access_token");
        }
        String token = json.path("access_token").textValue();
        if (token.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw protocol("the token endpoint issued an access_token with characters a header cannot carry");
        }
        String type = json.path("token_type").isTextual() ? json.path("token_type").textValue() : "";
        if (!type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw protocol("the token endpoint issued a token of type \"" + type.replaceAll("[^\\w-]", "?")
                    + "\"; only Bearer tokens are supported");
        }
        Duration lifetime = lifetime(json.get("expires_in"));
        Duration margin = REFRESH_MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        Instant expires = sent.plus(lifetime);
        return new Cached(token, expires.minus(margin), expires);
    }

    /**
     * Reads {@code expires_in}: a positive whole number of seconds (as number or text), at most
     * {@link #MAX_LIFETIME}; anything else means the default lifetime.
     */
    static Duration lifetime(JsonNode expiresIn) {
        if (expiresIn == null) {
            return DEFAULT_LIFETIME;
        }
        long seconds;
        if (expiresIn.isIntegralNumber()) {
            seconds = expiresIn.canConvertToLong() ? expiresIn.longValue() : Long.MAX_VALUE;
        } else if (expiresIn.isTextual() && expiresIn.textValue().matches("\\d{1,18}")) {
            seconds = Long.parseLong(expiresIn.textValue());
        } else {
            return DEFAULT_LIFETIME;
        }
        if (seconds <= 0) {
            return DEFAULT_LIFETIME;
        }
        return seconds >= MAX_LIFETIME.toSeconds() ? MAX_LIFETIME : Duration.ofSeconds(seconds);
    }

    private AuthenticationException refused(HttpRequest request, HttpResponse response) {
        String error = null;
        try {
            JsonNode json = Json.mapper().readTree(response.body());
            if (json != null && json.path("error").isTextual()) {
                error = json.path("error").textValue();
            }
        } catch (IOException e) {
            // no OAuth error body
        }
        ServiceError se = new ServiceError(response.status(), ProblemParser.parse(response.body()).orElse(null),
                ErrorMapper.requestId(request, response), 1, null, "POST", request.uri().getRawPath());
        String shown = error == null ? null : error.replaceAll("[^\\w.-]", "?");
        if (shown != null && shown.length() > 64) {
            shown = shown.substring(0, 64) + "...";
        }
        return new AuthenticationException(se, "OAuth2 token request to " + credentials.tokenUri().getHost()
                + " failed with HTTP " + response.status() + (shown == null ? "" : " (" + shown + ")")
                + ". Check the client id and secret, the token URI and the client authentication method ("
                + credentials.authentication().code() + "; the provider may expect the other one).");
    }

    private static OzgClientException protocol(String what) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, "OAuth2: " + what, null, 1);
    }
}
