package de.ozgkit.account;

import java.time.Clock;
import java.time.Instant;

/**
 * Remembers assertion ids until they expire, so that a captured response cannot be used twice
 * (SAML Profiles 4.1.4.5). The in-memory default serves one JVM; a cluster plugs in a shared store
 * (a database table with a unique key, Redis {@code SET NX PX}, ...).
 *
 * <p>Implementations must be thread-safe and atomic: of two concurrent calls with the same id,
 * exactly one may return {@code true}.
 */
public interface ReplayCache {

    /**
     * Records an assertion id as used.
     *
     * @param issuer      the identity provider's entity id (ids are unique per issuer)
     * @param assertionId the assertion's ID
     * @param expiresAt   until when the id must be remembered (the assertion's last validity instant
     *                    plus the allowed clock skew)
     * @return {@code true} when the id was new, {@code false} when it was seen before (a replay)
     */
    boolean markUsed(String issuer, String assertionId, Instant expiresAt);

    /**
     * An in-memory cache for one JVM that forgets ids after they expire.
     *
     * @param maxEntries the most ids held; when full, further assertions are refused rather than
     *                   forgetting unexpired ids (fail closed)
     * @param clock      the clock deciding expiry
     * @return the cache
     */
    static ReplayCache inMemory(int maxEntries, Clock clock) {
        return new de.ozgkit.account.internal.InMemoryReplayCache(maxEntries, clock);
    }
}
