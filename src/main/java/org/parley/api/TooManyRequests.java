package org.parley.api;

/** A request over its rate limit: answered 429 with Retry-After. */
public final class TooManyRequests extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("Too many requests; try again in " + retryAfterSeconds + " seconds.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
