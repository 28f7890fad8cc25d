package org.parley.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting on a condition, never on a duration: polls it every 50 ms and fails with what was awaited. */
public final class Waiting {

    private Waiting() {
    }

    public static void until(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + seconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
