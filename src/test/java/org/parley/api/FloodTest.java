package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * The abuse suite (issue 7, item 5): a flood of posts from one account, and from one address under many accounts,
 * is answered 429 after the posting limits (10 a minute per account, 60 a minute per address), while a second
 * client keeps reading a thread. It asserts behaviour only (the 429s arrive, with {@code Retry-After}, after no
 * more posts than the limit; every read succeeds) and prints the read latencies, unloaded and under the flood,
 * because on a shared two-core machine a ratio of times is a figure to report, not a check that can be trusted.
 * The flood lasts its seconds, and longer (up to a minute) until the first 429, so that a slow, loaded machine
 * (or PostgreSQL, where each post also takes its tokens from the shared buckets) still reaches the limit; the
 * posts allowed are counted over the flood's actual length.
 * {@code bench/flood.sh} runs the same scenario longer ({@code -Dparley.flood.seconds}) and keeps the figures.
 */
class FloodTest {

    private static final int FLOODERS = 4;
    private static final int MAX_POSTS = 20_000;
    private static final long FLOOD_MILLIS = Long.getLong("parley.flood.seconds", 3) * 1000;
    private static final int UNLOADED_READS = 400;

    private final TestServer server = new TestServer(settings -> settings.withRateLimits(true), Clock.systemUTC());

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void a_flood_from_one_account_is_429_after_ten_posts_while_reads_go_on() throws Exception {
        ApiClient flooder = signIn("flooder@flood.example");
        Flood flood = flood("one account", List.of(flooder, flooder, flooder, flooder));
        assertThat(flood.created()).isBetween(1, flood.allowed(10, 6));
        assertThat(flood.limited()).isPositive();
        assertThat(flood.readFailures()).isZero();
    }

    @Test
    void a_flood_from_one_address_under_many_accounts_is_429_after_sixty_posts_while_reads_go_on()
            throws Exception {
        List<ApiClient> flooders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            flooders.add(signIn("flooder" + i + "@flood.example"));
        }
        Flood flood = flood("one address, 8 accounts", flooders);
        assertThat(flood.created()).isBetween(1, flood.allowed(60, 1));
        assertThat(flood.limited()).isPositive();
        assertThat(flood.readFailures()).isZero();
    }

    /** What a flood did: posts sent, answered 201 and 429, the first 429's delay, its length, the reads' figures. */
    private record Flood(int posts, int created, int limited, long firstLimitedMillis, long millis,
            double unloadedP99, double floodedP99, int reads, int readFailures) {

        /**
         * The most posts a bucket of {@code capacity} lets through during the flood: Bucket4j refills greedily,
         * one token every {@code refillSeconds}, so a flood of a few seconds earns a few more.
         */
        int allowed(int capacity, int refillSeconds) {
            return capacity + (int) (millis / 1000 / refillSeconds) + 1;
        }
    }

    private Flood flood(String name, List<ApiClient> flooders) throws Exception {
        ApiClient reader = server.client();
        String thread = "/api/v1/threads?site=demo&url=" + ApiClient.encode(server.demoArticleUrl());
        for (int i = 0; i < 100; i++) {
            reader.get(thread);
        }
        List<Long> unloaded = new ArrayList<>();
        for (int i = 0; i < UNLOADED_READS; i++) {
            long start = System.nanoTime();
            assertThat(reader.get(thread).status()).isEqualTo(200);
            unloaded.add(System.nanoTime() - start);
        }

        AtomicInteger posts = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicLong firstLimited = new AtomicLong(-1);
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> flooded = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger readFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS + 1);
        long floodStart = System.nanoTime();
        long deadline = floodStart + FLOOD_MILLIS * 1_000_000;
        long lastDeadline = deadline + 60_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (int f = 0; f < FLOODERS; f++) {
            int flooderIndex = f;
            running.add(pool.submit(() -> {
                for (int i = flooderIndex; posts.get() < MAX_POSTS; i += FLOODERS) {
                    long now = System.nanoTime();
                    if (now >= lastDeadline || now >= deadline && limited.get() > 0) {
                        break;
                    }
                    ApiClient flooder = flooders.get(i % flooders.size());
                    posts.incrementAndGet();
                    Response response = flooder.post("/api/v1/comments", Map.of("site", "demo",
                            "url", server.baseUrl() + "/flooded", "body", "Flood message number " + i + "."));
                    if (response.status() == 201) {
                        created.incrementAndGet();
                    } else if (response.status() == 429 && "rate_limited".equals(response.json().get("error").asText())
                            && response.header("Retry-After") != null) {
                        limited.incrementAndGet();
                        firstLimited.compareAndSet(-1, (System.nanoTime() - floodStart) / 1_000_000);
                    } else {
                        other.incrementAndGet();
                    }
                }
            }));
        }
        Future<?> reading = pool.submit(() -> {
            while (flooding.get()) {
                long start = System.nanoTime();
                int status = reader.get(thread).status();
                if (flooding.get()) {
                    flooded.add(System.nanoTime() - start);
                    if (status != 200) {
                        readFailures.incrementAndGet();
                    }
                }
            }
        });
        for (Future<?> flooder : running) {
            flooder.get(FLOOD_MILLIS + 120_000, TimeUnit.MILLISECONDS);
        }
        long floodMillis = (System.nanoTime() - floodStart) / 1_000_000;
        flooding.set(false);
        reading.get(60, TimeUnit.SECONDS);
        pool.shutdownNow();

        assertThat(other.get()).as("answers other than 201 and 429").isZero();
        Flood flood = new Flood(posts.get(), created.get(), limited.get(), firstLimited.get(), floodMillis,
                p99(unloaded),
                p99(flooded), flooded.size(), readFailures.get());
        System.out.printf("flood (%s, %d ms): %d posts, %d answered 201, %d answered 429 (first after %d ms); reads"
                        + " p99 unloaded %.2f ms, under flood %.2f ms (%d reads), ratio %.2f%n", name, flood.millis(),
                flood.posts(), flood.created(), flood.limited(), flood.firstLimitedMillis(), flood.unloadedP99(),
                flood.floodedP99(),
                flood.reads(), flood.floodedP99() / flood.unloadedP99());
        return flood;
    }

    private ApiClient signIn(String email) {
        new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC())
                .create(email, "correct horse battery", "Flooder", Role.READER);
        ApiClient client = server.client();
        assertThat(client.post("/api/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .status()).isEqualTo(200);
        return client;
    }

    private static double p99(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
    }
}
