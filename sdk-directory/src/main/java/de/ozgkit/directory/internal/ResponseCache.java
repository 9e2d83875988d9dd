package de.ozgkit.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded cache with expiry: at most {@code maxEntries} values, each valid for {@code ttl}
 * after it was put, the least recently used dropped first when full. Time comes from a
 * {@link Clock}, so tests move the clock instead of sleeping. Thread-safe (one lock; a look-up
 * is a hash probe, far shorter than the HTTP exchange it saves).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class ResponseCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries;
    private long hits;
    private long misses;

    ResponseCache(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > ResponseCache.this.maxEntries;
            }
        };
    }

    /**
     * @param key the key
     * @return the value, empty when absent or expired (an expired entry is removed)
     */
    synchronized Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            misses++;
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires())) {
            entries.remove(key);
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(e.value());
    }

    /**
     * Puts a value, valid for the cache's time to live from now.
     *
     * @param key   the key
     * @param value the value
     */
    synchronized void put(K key, V value) {
        entries.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }

    /** Removes every entry. */
    synchronized void clear() {
        entries.clear();
    }

    /** @return the number of entries, expired ones included until they are looked up */
    synchronized int size() {
        return entries.size();
    }

    /** @return look-ups answered from the cache */
    synchronized long hits() {
        return hits;
    }

    /** @return look-ups not answered from the cache */
    synchronized long misses() {
        return misses;
    }
}
