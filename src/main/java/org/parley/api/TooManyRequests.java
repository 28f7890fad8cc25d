package org.parley.api;

/** A request over its rate limit: answered 429 with Retry-After. */
public final class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    /** {@code what} names what was counted, e.g. "log-in attempts for this e-mail address". */
    public TooManyRequests(String what, long retryAfterSeconds) {
        super("Too many " + what + "; try again in " + inWords(retryAfterSeconds) + ".", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    private static String inWords(long seconds) {
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
