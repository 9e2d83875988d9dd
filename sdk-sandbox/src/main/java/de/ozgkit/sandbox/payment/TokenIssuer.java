package de.ozgkit.sandbox.payment;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated provider's OAuth 2.0 authorisation server for the client credentials grant
 * (RFC 6749 section 4.4): issues opaque bearer tokens with a lifetime, checks and revokes them.
 */
final class TokenIssuer {

    private final String clientId;
    private final byte[] clientSecret;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refusedMethods = new AtomicInteger();

    TokenIssuer(String clientId, String clientSecret, Duration lifetime, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret.getBytes(StandardCharsets.UTF_8);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Whether the client id and secret are the configured ones (constant-time for the secret). */
    boolean authenticates(String id, String secret) {
        return id != null && secret != null && id.equals(clientId)
                && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), clientSecret);
    }

    /** Issues a token; returns it with its lifetime in seconds. */
    Map.Entry<String, Long> issue() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        tokens.put(token, clock.instant().plus(lifetime));
        issued.incrementAndGet();
        return Map.entry(token, Math.max(1, lifetime.toSeconds()));
    }

    /** Whether the token was issued here, is not revoked and has not expired. */
    boolean valid(String token) {
        Instant expires = token == null ? null : tokens.get(token);
        if (expires == null) {
            return false;
        }
        if (!clock.instant().isBefore(expires)) {
            tokens.remove(token);
            return false;
        }
        return true;
    }

    void revokeAll() {
        tokens.clear();
    }

    int issuedCount() {
        return issued.get();
    }

    /** Counts a token request that used a client authentication method this provider does not accept. */
    void refusedMethod() {
        refusedMethods.incrementAndGet();
    }

    int refusedMethodCount() {
        return refusedMethods.get();
    }
}
