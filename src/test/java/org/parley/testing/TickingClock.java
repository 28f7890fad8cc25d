package org.parley.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at the real time and moves one millisecond on at every reading, so no two events tie; a test
 * can also move it on, as if time had passed.
 */
public final class TickingClock extends Clock {

    private Instant now = Instant.now();

    @Override
    public synchronized Instant instant() {
        now = now.plusMillis(1);
        return now;
    }

    public synchronized void advance(java.time.Duration duration) {
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
