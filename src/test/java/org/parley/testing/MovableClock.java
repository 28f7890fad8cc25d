package org.parley.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that ticks one millisecond at every reading, as {@link TickingClock} does, and that a test moves on. */
public final class MovableClock extends Clock {

    private Instant now = Instant.now();

    @Override
    public synchronized Instant instant() {
        now = now.plusMillis(1);
        return now;
    }

    /** Moves the clock on, as if {@code duration} had passed. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
