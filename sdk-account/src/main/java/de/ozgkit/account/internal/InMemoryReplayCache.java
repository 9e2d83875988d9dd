package de.ozgkit.account.internal;

import de.ozgkit.account.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The in-memory {@link ReplayCache}: a map of issuer and assertion id to expiry, purged of expired
 * entries when it fills up. Refuses new ids with a REPLAY error when it is full of unexpired ones
 * (fail closed).
 * Thread-safe.
 */
public final class InMemoryReplayCache implements ReplayCache {

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Instant> entries = new HashMap<>();

    /**
     * @param maxEntries the most ids held
     * @param clock      decides expiry
     */
    public InMemoryReplayCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new de.ozgkit.account.AccountConfigurationException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean markUsed(String issuer, String assertionId, Instant expiresAt) {
        String key = issuer.length() + ":" + issuer + assertionId;
        Instant now = clock.instant();
        Instant known = entries.get(key);
        if (known != null && known.isAfter(now)) {
            return false;
        }
        if (entries.size() >= maxEntries) {
            purge(now);
            if (entries.size() >= maxEntries) {
                throw new de.ozgkit.account.SamlValidationException(de.ozgkit.account.SamlCheck.REPLAY,
                        "the replay cache holds " + maxEntries + " unexpired assertion ids and cannot remember more;"
                                + " the assertion is refused rather than risking a replay (raise maxEntries)");
            }
        }
        entries.put(key, expiresAt);
        return true;
    }

    private void purge(Instant now) {
        for (Iterator<Instant> it = entries.values().iterator(); it.hasNext(); ) {
            if (!it.next().isAfter(now)) {
                it.remove();
            }
        }
    }

    /** @return how many ids are held (expired ones until the next purge) */
    public synchronized int size() {
        return entries.size();
    }
}
