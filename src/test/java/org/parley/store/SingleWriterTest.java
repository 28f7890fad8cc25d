package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestServer;

/** SQLite's transactions queue on a lock in the process rather than in SQLite's sleeping busy handler. */
class SingleWriterTest {

    private Path folder;
    private Database database;
    private Jdbi jdbi;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @BeforeEach
    void open() throws Exception {
        folder = Files.createTempDirectory("parley-writer-");
        database = Database.openSqlite(folder);
        jdbi = database.jdbi();
        jdbi.useHandle(handle -> {
            handle.execute("CREATE TABLE tally (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            handle.execute("INSERT INTO tally (id, n) VALUES (1, 0)");
        });
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        database.close();
        TestServer.deleteRecursively(folder);
    }

    @Test
    void a_writer_that_finds_another_in_its_transaction_waits_on_the_lock_not_in_sqlite() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> {
            jdbi.useTransaction(handle -> {
                increment(handle);
                inside.countDown();
                release.await();
            });
            return null;
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        Thread[] second = new Thread[1];
        Future<?> waiting = threads.submit(() -> {
            second[0] = Thread.currentThread();
            jdbi.useTransaction(this::increment);
        });
        // Parked on the lock (WAITING), not polling SQLite's lock from its busy handler (RUNNABLE in native code).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((second[0] == null || second[0].getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(second[0].getState()).isEqualTo(Thread.State.WAITING);
        assertThat(waiting.isDone()).isFalse();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(tally()).isEqualTo(2);
    }

    @Test
    void concurrent_read_modify_write_transactions_lose_no_update() throws Exception {
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            writers.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    jdbi.useTransaction(this::increment);
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        assertThat(tally()).isEqualTo(400);
    }

    @Test
    void a_nested_transaction_runs_in_its_outer_transactions_turn() throws Exception {
        Future<?> nested = threads.submit(() -> jdbi.useTransaction(outer -> {
            increment(outer);
            outer.useTransaction(this::increment);
        }));
        nested.get(10, TimeUnit.SECONDS);
        assertThat(tally()).isEqualTo(2);
    }

    @Test
    void a_failed_transaction_rolls_back_and_gives_up_its_turn() throws Exception {
        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            increment(handle);
            throw new IllegalStateException("the writer changed its mind");
        })).isInstanceOf(IllegalStateException.class);
        // Another thread gets its turn: the lock was released with the rollback.
        threads.submit(() -> jdbi.useTransaction(this::increment)).get(10, TimeUnit.SECONDS);
        assertThat(tally()).isEqualTo(1);
    }

    private void increment(org.jdbi.v3.core.Handle handle) {
        int n = handle.createQuery("SELECT n FROM tally WHERE id = 1").mapTo(Integer.class).one();
        handle.execute("UPDATE tally SET n = ? WHERE id = 1", n + 1);
    }

    private int tally() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT n FROM tally WHERE id = 1")
                .mapTo(Integer.class).one());
    }
}
