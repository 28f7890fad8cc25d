package org.parley.store;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The table {@code rate_limit_buckets} (PostgreSQL, V12_4): token buckets that every instance on one database
 * shares, so that N instances behind a load balancer give a client one budget, not N. Bucket4j's PostgreSQL back
 * end is the only writer of these rows: taking a token locks the key's row ({@code SELECT … FOR UPDATE}, through
 * the Hikari pool) and writes the bucket back in the same transaction. A row's {@code expires_at} is when its
 * bucket would be full again (plus a minute); {@link #purgeExpired()} drops rows past it.
 *
 * <p>Keys are stored as a keyed hash (the server's secret, as client addresses are), so the table never holds an
 * e-mail address. SQLite serves one instance and keeps its buckets in memory (api/RateLimits). Thread-safe.
 */
public final class RateLimitBuckets {

    private static final int PURGE_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;
    private final UnaryOperator<String> keyHash;

    private RateLimitBuckets(PostgreSQLSelectForUpdateBasedProxyManager<String> proxies,
            UnaryOperator<String> keyHash) {
        this.proxies = proxies;
        this.keyHash = keyHash;
    }

    /** The shared buckets of a PostgreSQL database; {@code keyHash} turns a limit's key into the stored id. */
    public static RateLimitBuckets open(Database database, UnaryOperator<String> keyHash) {
        return open(database, keyHash, Duration.ofMinutes(1));
    }

    /** As {@link #open(Database, UnaryOperator)}, keeping a bucket {@code keep} after it is full again. */
    static RateLimitBuckets open(Database database, UnaryOperator<String> keyHash, Duration keep) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("shared rate-limit buckets need PostgreSQL");
        }
        return new RateLimitBuckets(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.pool())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keep))
                .build(), keyHash);
    }

    /** The shared bucket of a key, created with {@code configuration} on its first use by any instance. */
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return proxies.builder().build(keyHash.apply(key), configuration);
    }

    /** Drops the buckets that are full again (nobody has used them lately); answers how many went. */
    public int purgeExpired() {
        int total = 0;
        int removed;
        do {
            removed = proxies.removeExpired(PURGE_BATCH);
            total += removed;
        } while (removed == PURGE_BATCH);
        return total;
    }
}
