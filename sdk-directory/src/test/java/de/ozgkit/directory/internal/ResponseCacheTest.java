package de.ozgkit.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void entriesExpireExactlyAtTheirTimeToLive() {
        TestClock clock = new TestClock();
        ResponseCache<String, String> cache = new ResponseCache<>(10, Duration.ofSeconds(60), clock);
        cache.put("a", "A");
        clock.now = clock.now.plusSeconds(59);
        assertThat(cache.get("a")).contains("A");
        clock.now = clock.now.plusSeconds(1);
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void whenFull_theLeastRecentlyUsedEntryGoes() {
        ResponseCache<String, Integer> cache = new ResponseCache<>(3, Duration.ofHours(1), new TestClock());
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);
        assertThat(cache.get("a")).contains(1);
        cache.put("d", 4);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).contains(1);
        assertThat(cache.get("c")).contains(3);
        assertThat(cache.get("d")).contains(4);
    }

    @Test
    void putAgain_renewsTheValueAndItsExpiry() {
        TestClock clock = new TestClock();
        ResponseCache<String, String> cache = new ResponseCache<>(2, Duration.ofSeconds(10), clock);
        cache.put("k", "old");
        clock.now = clock.now.plusSeconds(8);
        cache.put("k", "new");
        clock.now = clock.now.plusSeconds(8);
        assertThat(cache.get("k")).contains("new");
        cache.clear();
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void concurrentUse_neverExceedsTheBound() throws Exception {
        ResponseCache<Integer, Integer> cache = new ResponseCache<>(100, Duration.ofHours(1), new TestClock());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t * 10_000;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        cache.put(offset + i, i);
                        cache.get(offset + i / 2);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isEqualTo(100);
    }
}
