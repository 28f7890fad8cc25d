package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.TestDatabase;
import org.parley.testing.Waiting;

/**
 * Issue 15, item 6: the rate-limit buckets in PostgreSQL (V12_4) are one budget for every process that opens them,
 * store no key in the clear, and are purged once full again. PostgreSQL only (SQLite keeps its buckets in memory).
 */
class RateLimitBucketsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private static final UnaryOperator<String> KEY_HASH = key -> "hashed:" + Integer.toHexString(key.hashCode());
    private static final Supplier<BucketConfiguration> TWO_A_MINUTE = () -> BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofMinutes(1)).build()).build();

    @BeforeEach
    void onPostgres() {
        assumeTrue(TestDatabase.onPostgres(), "shared buckets are PostgreSQL's");
    }

    @Test
    void two_openings_of_one_database_draw_on_one_bucket_stored_under_the_hash_of_its_key() {
        RateLimitBuckets one = RateLimitBuckets.open(db.database(), KEY_HASH);
        RateLimitBuckets other = RateLimitBuckets.open(db.database(), KEY_HASH);

        assertThat(one.bucket("LOGIN|reader@buckets.example", TWO_A_MINUTE).tryConsume(1)).isTrue();
        assertThat(other.bucket("LOGIN|reader@buckets.example", TWO_A_MINUTE).tryConsume(1)).isTrue();
        assertThat(one.bucket("LOGIN|reader@buckets.example", TWO_A_MINUTE).tryConsume(1)).isFalse();
        assertThat(other.bucket("LOGIN|reader@buckets.example", TWO_A_MINUTE).tryConsume(1)).isFalse();
        assertThat(other.bucket("LOGIN|another@buckets.example", TWO_A_MINUTE).tryConsume(1)).isTrue();

        assertThat(ids()).containsExactlyInAnyOrder(KEY_HASH.apply("LOGIN|reader@buckets.example"),
                KEY_HASH.apply("LOGIN|another@buckets.example"));
    }

    @Test
    void the_purge_drops_the_buckets_that_are_full_again_and_keeps_the_others() throws InterruptedException {
        RateLimitBuckets buckets = RateLimitBuckets.open(db.database(), KEY_HASH, Duration.ZERO);
        Supplier<BucketConfiguration> fullAgainAtOnce = () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofMillis(100)).build()).build();
        assertThat(buckets.bucket("POST|quick", fullAgainAtOnce).tryConsume(1)).isTrue();
        assertThat(buckets.bucket("POST|slow", TWO_A_MINUTE).tryConsume(1)).isTrue();

        Waiting.until(() -> buckets.purgeExpired() > 0 || !ids().contains(KEY_HASH.apply("POST|quick")), 10,
                "the full bucket purged");
        assertThat(ids()).containsExactly(KEY_HASH.apply("POST|slow"));
        assertThat(buckets.purgeExpired()).isZero();
    }

    private List<String> ids() {
        return db.database().jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM rate_limit_buckets")
                .mapTo(String.class).list());
    }
}
