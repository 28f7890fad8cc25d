package org.parley.challenge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How many guarded requests each key (a client address, or a whole site, per kind of request) made in the recent
 * window, in memory: the times of the last few, enough to tell whether a limit is reached. Each instance counts
 * its own requests, so behind a load balancer a limit applies per instance. Keys are forgotten a window after
 * their last request. Thread-safe: each key's times are guarded by their own lock.
 */
final class RecentRequests {

    /** How far back the thresholds look. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Cache<String, Deque<Long>> times = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW)
            .maximumSize(1_000_000)
            .build();

    /** True when the key made at least {@code limit} requests in the window before {@code now}. */
    boolean reached(String key, int limit, long now) {
        Deque<Long> recent = times.getIfPresent(key);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent, now);
            return recent.size() >= limit;
        }
    }

    /** Counts one request of the key at {@code now}, keeping no more than {@code limit} times. */
    void count(String key, int limit, long now) {
        Deque<Long> recent = times.get(key, ignored -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
            while (recent.size() > limit) {
                recent.removeFirst();
            }
        }
    }

    private static void prune(Deque<Long> recent, long now) {
        while (!recent.isEmpty() && recent.peekFirst() <= now - WINDOW.toMillis()) {
            recent.removeFirst();
        }
    }
}
