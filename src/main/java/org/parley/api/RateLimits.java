package org.parley.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import org.parley.store.RateLimitBuckets;

/**
 * Token buckets (Bucket4j) per client address and per account on the endpoints people abuse: sign-up, log-in and
 * posting. On SQLite (one instance) buckets live in memory, one per key, and are forgotten an hour after their last
 * use; on PostgreSQL they live in the database ({@link RateLimitBuckets}), so every instance on it counts against
 * one budget. When off ({@code PARLEY_RATE_LIMITS=off}, for benchmarks and volume tests) every request passes.
 * Thread-safe.
 */
final class RateLimits {

    /** A named limit: what it counts (for the 429's message) and its bandwidths, which apply together. */
    enum Limit {
        SIGNUP_PER_IP("sign-ups from this network address",
                Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build()),
        LOGIN_PER_IP("log-in attempts from this network address",
                Bandwidth.builder().capacity(30).refillGreedy(30, Duration.ofMinutes(10)).build()),
        LOGIN_PER_EMAIL("log-in attempts for this e-mail address",
                Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(10)).build()),
        POST_PER_ACCOUNT("comments from this account",
                Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(1)).build(),
                Bandwidth.builder().capacity(120).refillGreedy(120, Duration.ofHours(1)).build()),
        POST_PER_IP("comments from this network address",
                Bandwidth.builder().capacity(60).refillGreedy(60, Duration.ofMinutes(1)).build()),
        ACTION_PER_ACCOUNT("actions from this account",
                Bandwidth.builder().capacity(120).refillGreedy(120, Duration.ofMinutes(1)).build()),
        PREVIEW_PER_IP("previews from this network address",
                Bandwidth.builder().capacity(120).refillGreedy(120, Duration.ofMinutes(1)).build()),
        /** Publisher sign-in runs on page views, so it allows as many as previews. */
        SSO_PER_IP("publisher sign-ins from this network address",
                Bandwidth.builder().capacity(120).refillGreedy(120, Duration.ofMinutes(1)).build()),
        /** Notices of illegal content, per address: anyone may send them, signed in or not (NoticesApi). */
        NOTICE_PER_IP("notices from this network address",
                Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build()),
        /** Requests that send mail or spend a mailed token, per address. */
        MAIL_PER_IP("mail requests from this network address",
                Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofHours(1)).build()),
        /** Mails to one address (reset) or one account (verification again). */
        MAIL_PER_EMAIL("mails to this e-mail address",
                Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofHours(1)).build()),
        MAIL_PER_ACCOUNT("mails to this account",
                Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofHours(1)).build());

        private final String what;
        private final List<Bandwidth> bandwidths;

        Limit(String what, Bandwidth... bandwidths) {
            this.what = what;
            this.bandwidths = List.of(bandwidths);
        }
    }

    /** Where a limit's bucket for a key comes from: this process's memory, or the shared database table. */
    private interface Buckets {
        Bucket bucket(Limit limit, String key);
    }

    private final boolean enabled;
    private final Buckets buckets;
    /**
     * Shared buckets only: refusals remembered until the bucket's next token, by {@link System#nanoTime()}. No
     * instance can take a token from an empty bucket before it refills, so until then this instance refuses
     * without asking the database, and a flood past the limit costs one transaction a refill, not one a request.
     */
    private final Cache<String, Long> refusedUntil;

    private RateLimits(boolean enabled, Buckets buckets, Cache<String, Long> refusedUntil) {
        this.enabled = enabled;
        this.buckets = buckets;
        this.refusedUntil = refusedUntil;
    }

    /** Buckets in this process's memory: one instance (SQLite), or limits turned off. */
    static RateLimits inProcess(boolean enabled) {
        Cache<String, Bucket> cache = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
        return new RateLimits(enabled, (limit, key) -> cache.get(name(limit, key), ignored -> {
            var builder = Bucket.builder();
            limit.bandwidths.forEach(builder::addLimit);
            return builder.build();
        }), null);
    }

    /** Buckets in the database, shared by every instance on it (PostgreSQL). */
    static RateLimits shared(boolean enabled, RateLimitBuckets shared) {
        return new RateLimits(enabled, (limit, key) -> shared.bucket(name(limit, key), () -> configuration(limit)),
                Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).maximumSize(100_000).build());
    }

    private static String name(Limit limit, String key) {
        return limit.name() + "|" + key;
    }

    private static BucketConfiguration configuration(Limit limit) {
        var builder = BucketConfiguration.builder();
        limit.bandwidths.forEach(builder::addLimit);
        return builder.build();
    }

    /** Takes one token from the key's bucket for this limit, or throws {@link TooManyRequests}. */
    void take(Limit limit, String key) {
        if (!enabled) {
            return;
        }
        Long until = refusedUntil == null ? null : refusedUntil.getIfPresent(name(limit, key));
        if (until != null) {
            long wait = until - System.nanoTime();
            if (wait > 0) {
                throw refusal(limit, wait);
            }
        }
        ConsumptionProbe probe = buckets.bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            if (refusedUntil != null) {
                refusedUntil.put(name(limit, key), System.nanoTime() + probe.getNanosToWaitForRefill());
            }
            throw refusal(limit, probe.getNanosToWaitForRefill());
        }
    }

    private static TooManyRequests refusal(Limit limit, long nanosToWait) {
        return new TooManyRequests(limit.what, Math.max(1, Duration.ofNanos(nanosToWait).toSeconds() + 1));
    }
}
