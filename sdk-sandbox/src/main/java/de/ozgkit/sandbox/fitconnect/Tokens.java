package de.ozgkit.sandbox.fitconnect;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OAuth 2.0 token endpoint of the simulated service (client credentials grant with
 * {@code client_id} and {@code client_secret} in the form body) and the bearer tokens it issued.
 */
final class Tokens {

    private record Issued(SubmissionStore.Client client, Instant expires) {
    }

    private final Map<String, String> secrets;
    private final Map<String, SubmissionStore.Client> clients;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger count = new AtomicInteger();

    Tokens(Map<String, String> secrets, Map<String, SubmissionStore.Client> clients, Clock clock, Duration lifetime) {
        this.secrets = Map.copyOf(secrets);
        this.clients = Map.copyOf(clients);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** @return the token, or {@code null} when id and secret do not match */
    String issue(String clientId, String clientSecret) {
        String expected = clientId == null ? null : secrets.get(clientId);
        if (expected == null || clientSecret == null
                || !MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                clientSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return null;
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        issued.put(token, new Issued(clients.get(clientId), clock.instant().plus(lifetime)));
        count.incrementAndGet();
        return token;
    }

    Duration lifetime() {
        return lifetime;
    }

    int issuedCount() {
        return count.get();
    }

    /** @return the client of a valid bearer token, {@code null} otherwise */
    SubmissionStore.Client client(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        Issued i = issued.get(authorization.substring(7).trim());
        if (i == null || !clock.instant().isBefore(i.expires())) {
            return null;
        }
        return i.client();
    }

    void revokeAll() {
        issued.clear();
    }
}
