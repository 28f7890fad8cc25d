package org.parley.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first retry after {@code first}, each later one after twice the wait
 * before it, never more than {@code longest}, and none later than {@code window} after the retries began.
 * The standard schedule waits 30 s, 1 min, 2 min … 1 h, 1 h … for 24 hours: about 30 attempts. Immutable.
 */
public record Backoff(Duration first, Duration longest, Duration window) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    }

    /** When to try again after {@code attempts} failed attempts, or empty when the window is spent. */
    public Optional<Instant> next(int attempts, Instant now, Instant retrySince) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        Instant next = now.plus(wait.compareTo(longest) < 0 ? wait : longest);
        return next.isAfter(retrySince.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
