package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.Server;
import org.parley.Settings;
import org.parley.testing.ApiClient;
import org.parley.testing.PostingLoad;
import org.parley.testing.Response;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestPostgres;
import org.parley.testing.TestServer;
import org.parley.testing.Waiting;

/**
 * The PostgreSQL durability suite (issue 7, item 6), run in the build's PostgreSQL execution: Parley serves from a
 * private cluster of this test's own (commits acknowledged once in the WAL, as in production), readers post from
 * several threads, and the cluster is stopped as a crash would stop it ({@code pg_ctl stop -m immediate}) and
 * started again. While it is down, posts and {@code /health} get a quick 503 ({@code unavailable}, with
 * {@code Retry-After}) rather than hanging for the pool's default 30 seconds; once it is back Parley posts again
 * without being restarted; and every comment acknowledged with 201 is stored.
 */
class PostgresRestartTest {

    private static final int POSTERS = 4;
    private TestPostgres cluster;
    private Server server;
    private Path dataDir;

    @AfterEach
    void cleanUp() {
        if (server != null) {
            server.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        TestServer.deleteRecursively(dataDir);
    }

    @Test
    void posts_get_a_quick_503_while_postgresql_is_down_and_nothing_acknowledged_is_lost() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "runs in the PostgreSQL execution");
        cluster = TestPostgres.startPrivate();
        dataDir = Files.createTempDirectory("parley-restart-");
        server = Server.start(Settings.builder().host("127.0.0.1").port(0).dataDir(dataDir)
                .database(cluster.newDatabase(), cluster.user(), cluster.password()).rateLimits(false).build(),
                Clock.systemUTC());
        String baseUrl = server.publicUrl();

        Set<String> acknowledged;
        long outageMillis;
        long healthDuringOutageMillis;
        int healthDuringOutage;
        long reconnectMillis;
        PostingLoad load = new PostingLoad(PostingLoad.signUp(baseUrl, POSTERS, "restart"),
                baseUrl + "/restart-article");
        try {
            Waiting.until(() -> load.acknowledged().size() >= 40, 120, "40 acknowledged comments");
            long down = System.nanoTime();
            cluster.stopImmediately();
            Waiting.until(() -> load.unavailableWithRetryAfter() >= 2 * POSTERS, 120, "503s during the outage");
            long healthStart = System.nanoTime();
            Response health = new ApiClient(baseUrl).get("/health");
            healthDuringOutageMillis = (System.nanoTime() - healthStart) / 1_000_000;
            healthDuringOutage = health.status();
            int before = load.acknowledged().size();
            cluster.startAgain();
            outageMillis = (System.nanoTime() - down) / 1_000_000;
            long up = System.nanoTime();
            Waiting.until(() -> load.acknowledged().size() > before + POSTERS, 120,
                    "posts acknowledged after the restart");
            reconnectMillis = (System.nanoTime() - up) / 1_000_000;
        } finally {
            load.close();
        }
        acknowledged = load.acknowledged();
        Set<String> stored = new HashSet<>(server.database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT id FROM comments").mapTo(String.class).list()));
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        System.out.printf("restart (PostgreSQL, pg_ctl stop -m immediate): %d acknowledged, %d lost; outage %d ms:"
                        + " %d answered 503 unavailable with Retry-After, slowest %d ms, /health %d in %d ms;"
                        + " posting again %d ms after the restart; answers %s, %d cut off%n",
                acknowledged.size(), lost.size(), outageMillis, load.unavailableWithRetryAfter(),
                load.slowestUnavailableMillis(), healthDuringOutage, healthDuringOutageMillis, reconnectMillis,
                load.statuses(), load.unanswered());

        assertThat(lost).isEmpty();
        assertThat(load.statuses().keySet()).as("every answer is a 201 or a 503").isSubsetOf(201, 503);
        assertThat(load.unavailableWithRetryAfter()).isEqualTo(load.answered(503));
        assertThat(healthDuringOutage).isEqualTo(503);
        // The pool gives up on a connection after Database.CONNECTION_TIMEOUT_MILLIS; "quick" means well inside the
        // 30 seconds a request used to hang, with room for a loaded machine.
        assertThat(load.slowestUnavailableMillis()).isLessThan(20_000);
    }
}
