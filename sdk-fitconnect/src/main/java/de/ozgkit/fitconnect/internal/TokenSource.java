package de.ozgkit.fitconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.Interceptor;
import de.ozgkit.core.internal.HttpPipeline;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * OAuth 2.0 client credentials as FIT-Connect's token endpoint expects them: {@code client_id} and
 * {@code client_secret} in the form body (RFC 6749 section 2.3.1), no scope unless configured. The
 * token is cached until shortly before {@code expires_in} runs out; concurrent callers wait for one
 * request; a 401 from the API drops it once. Installed as an {@link Interceptor}, so it adds the
 * bearer token to every attempt of every API call.
 *
 * <p>Secrets and tokens never appear in logs or messages.
 */
public final class TokenSource implements Interceptor {

    /** Tokens are renewed this long before they expire (at most half their lifetime). */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpPipeline tokenPipeline;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;
    private int fetches;

    /**
     * @param tokenPipeline a pipeline without credentials over the same transport
     * @param tokenUri      the token endpoint
     * @param clientId      the client id
     * @param clientSecret  the client secret
     * @param scopes        scopes to ask for, may be empty
     * @param clock         decides expiry
     */
    public TokenSource(HttpPipeline tokenPipeline, URI tokenUri, String clientId, String clientSecret, List<String> scopes,
                       Clock clock) {
        this.tokenPipeline = tokenPipeline;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = List.copyOf(scopes);
        this.clock = clock;
    }

    @Override
    public HttpResponse intercept(Chain chain) throws IOException {
        String t = token();
        HttpResponse r = chain.proceed(chain.request().toBuilder().header("Authorization", "Bearer " + t).build());
        if (r.status() == 401) {
            // revoked or expired early: renew once; the request was not processed, so sending it again is safe
            invalidate(t);
            r = chain.proceed(chain.request().toBuilder().header("Authorization", "Bearer " + token()).build());
        }
        return r;
    }

    /**
     * @return a valid token, fetched when none is cached or the cached one is about to expire
     */
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(refreshAt)) {
            fetch();
        }
        return token;
    }

    /** @param rejected a token the API refused; dropped if it is still the cached one */
    public synchronized void invalidate(String rejected) {
        if (rejected.equals(token)) {
            token = null;
        }
    }

    /** @return how many tokens were fetched (for tests and diagnostics) */
    public synchronized int fetchCount() {
        return fetches;
    }

    private void fetch() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials")
                .append("&client_id=").append(URLEncoder.encode(clientId, StandardCharsets.UTF_8))
                .append("&client_secret=").append(URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
        if (!scopes.isEmpty()) {
            form.append("&scope=").append(URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.builder("POST", tokenUri)
                .header("Accept", "application/json")
                .body("application/x-www-form-urlencoded", form.toString())
                .idempotencyKey("client-credentials")
                .build();
        Instant sent = clock.instant();
        HttpPipeline.Exchange ex = tokenPipeline.send(request);
        fetches++;
        HttpResponse response = ex.response();
        if (!response.isSuccessful()) {
            String error = null;
            try {
                error = FcJson.text(FcJson.read(response.body()), "error").orElse(null);
            } catch (IOException e) {
                // no OAuth error body
            }
            throw new AuthenticationException(new ServiceError(response.status(), null, null, ex.attempts(), null, "POST",
                    tokenUri.getRawPath()), "FIT-Connect token request to " + tokenUri.getHost() + " failed with HTTP "
                    + response.status() + (error == null ? "" : " (" + error.replaceAll("[^\\w.-]", "") + ")")
                    + ". Check the client id and secret and the token URI.");
        }
        JsonNode json;
        try {
            json = FcJson.read(response.body());
        } catch (IOException e) {
            throw protocol("the token endpoint answered with a body that is not JSON");
        }
        String accessToken = FcJson.text(json, "access_token").orElse("");
        if (accessToken.isBlank()) {
            throw protocol("the token endpoint's answer has no access_token");
        }
        if (!FcJson.text(json, "token_type").orElse("").toLowerCase(Locale.ROOT).equals("bearer")) {
            throw protocol("the token endpoint issued a token that is not of type Bearer");
        }
        JsonNode expires = json.get("expires_in");
        Duration lifetime = expires != null && expires.canConvertToLong() && expires.asLong() > 0
                ? Duration.ofSeconds(expires.asLong()) : Duration.ofMinutes(5);
        Duration margin = MARGIN.compareTo(lifetime.dividedBy(2)) < 0 ? MARGIN : lifetime.dividedBy(2);
        token = accessToken;
        refreshAt = sent.plus(lifetime).minus(margin);
    }

    private static OzgClientException protocol(String what) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, "FIT-Connect OAuth2: " + what, null, 1);
    }
}
