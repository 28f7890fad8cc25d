package org.parley.challenge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * At most one challenge a second to each client address. Since a solution lets one request through, this is what
 * holds a flood from one address to one account a second however fast its machine solves (bench/signup-flood.sh);
 * a person needs one challenge per form sent. It belongs to the challenge, so it stays on when the rate limits are
 * off. Thread-safe.
 */
final class IssuePace {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Cache<String, AtomicLong> last = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(1))
            .maximumSize(1_000_000)
            .build();

    /** Takes the address's turn at {@code now} (epoch ms): 0 when granted, else the milliseconds to wait. */
    long take(String address, long now) {
        AtomicLong previous = last.get(address, ignored -> new AtomicLong(Long.MIN_VALUE));
        while (true) {
            long before = previous.get();
            long next = before == Long.MIN_VALUE ? Long.MIN_VALUE : before + INTERVAL.toMillis();
            if (now < next) {
                return next - now;
            }
            if (previous.compareAndSet(before, now)) {
                return 0;
            }
        }
    }
}
