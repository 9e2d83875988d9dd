package de.ozgkit.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Fetches and caches OAuth 2.0 access tokens with the client credentials grant (RFC 6749
 * section 4.4). A cached token is reused until shortly before it expires; {@link #invalidate(String)}
 * drops it after the service answered 401. Tokens and secrets are never logged or put into messages.
 *
 * <p>Thread-safe: concurrent callers wait for one token request instead of each sending their own.
 */
public final class OAuth2TokenSource {

    /** Lifetime assumed when the token endpoint does not say ({@code expires_in} absent). */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** Tokens are renewed this long before they expire (at most half their lifetime). */
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

    private final Credentials.OAuth2ClientCredentials credentials;
    private final HttpTransport transport;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;
    private int fetches;

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
     * Returns a valid access token, fetching one when none is cached or the cached one is about to
     * expire.
     *
     * @return the access token
     * @throws IOException             when the token endpoint cannot be reached
     * @throws AuthenticationException when the token endpoint refuses the client credentials
     */
    public synchronized String token() throws IOException {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /**
     * Drops the cached token if it is still the given one (another thread may have renewed it).
     *
     * @param rejected the token the service refused
     */
    public synchronized void invalidate(String rejected) {
        if (rejected != null && rejected.equals(token)) {
            token = null;
        }
    }

    /** @return how many tokens were fetched so far (for tests and diagnostics) */
    public synchronized int fetchCount() {
        return fetches;
    }

    private void fetch() throws IOException {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (!credentials.scopes().isEmpty()) {
            form.append("&scope=").append(URLEncoder.encode(String.join(" ", credentials.scopes()), StandardCharsets.UTF_8));
        }
        String basic = URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.builder("POST", credentials.tokenUri())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .body("application/x-www-form-urlencoded", form.toString())
                .build();
        Instant sent = clock.instant();
        HttpResponse response = transport.execute(request);
        fetches++;
        if (!response.isSuccessful()) {
            throw refused(request, response);
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
        String type = json.path("token_type").asText("");
        if (!type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw protocol("the token endpoint issued a token of type \"" + type + "\"; only Bearer tokens are supported");
        }
        Duration lifetime = json.path("expires_in").canConvertToLong() && json.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(json.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        Duration margin = REFRESH_MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        this.token = json.path("access_token").textValue();
        this.refreshAt = sent.plus(lifetime).minus(margin);
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
        return new AuthenticationException(se, "OAuth2 token request to " + credentials.tokenUri().getHost()
                + " failed with HTTP " + response.status() + (error == null ? "" : " (" + error.replaceAll("\\p{Cntrl}", "") + ")")
                + ". Check the client id and secret and the token URI.");
    }

    private OzgClientException protocol(String what) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, "OAuth2: " + what, null, 1);
    }
}
