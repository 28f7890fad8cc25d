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

/**
 * How Parley writes to SQLite: transactions queue on a lock in the process rather than in SQLite's sleeping busy
 * handler ({@link SingleWriter}), and the writes handed to the group commit are committed together, each failing
 * alone ({@link GroupCommit}).
 */
class SqliteWritesTest {

    private Path folder;
    private Database database;
    private Jdbi jdbi;
    private final ExecutorService threads = Executors.newFixedThreadPool(12);

    @BeforeEach
    void open() throws Exception {
        folder = Files.createTempDirectory("parley-writer-");
        database = Database.openSqlite(folder);
        jdbi = database.jdbi();
        jdbi.useHandle(handle -> {
            handle.execute("CREATE TABLE tally (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            handle.execute("INSERT INTO tally (id, n) VALUES (1, 0)");
            handle.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
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

    @Test
    void every_write_of_many_callers_is_stored_once_each_caller_has_its_answer() throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int caller = 0; caller < 12; caller++) {
            int base = caller * 100;
            answers.add(threads.submit(() -> {
                int sum = 0;
                for (int i = 0; i < 40; i++) {
                    int id = base + i;
                    sum += database.groupCommit().inTransaction(handle -> {
                        handle.execute("INSERT INTO notes (id, text) VALUES (?, ?)", id, "note " + id);
                        return id;
                    });
                }
                return sum;
            }));
        }
        for (int caller = 0; caller < 12; caller++) {
            int expected = 0;
            for (int i = 0; i < 40; i++) {
                expected += caller * 100 + i;
            }
            assertThat(answers.get(caller).get(60, TimeUnit.SECONDS)).isEqualTo(expected);
        }
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(480);
    }

    @Test
    void a_write_that_fails_in_a_batch_is_undone_alone_and_its_caller_gets_its_exception() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Holds the writer so that the next pieces queue up and are committed as one batch.
        Future<?> first = threads.submit(() -> database.groupCommit().useTransaction(handle -> {
            handle.execute("INSERT INTO notes (id, text) VALUES (1, 'first')");
            writerBusy.countDown();
            await(release);
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> before = threads.submit(() -> database.groupCommit().useTransaction(handle ->
                handle.execute("INSERT INTO notes (id, text) VALUES (2, 'before')")));
        Future<?> failing = threads.submit(() -> database.groupCommit().useTransaction(handle -> {
            handle.execute("INSERT INTO notes (id, text) VALUES (3, 'half')");
            throw new IllegalArgumentException("the caller's own mistake");
        }));
        Future<?> duplicate = threads.submit(() -> database.groupCommit().useTransaction(handle ->
                handle.execute("INSERT INTO notes (id, text) VALUES (1, 'same id as the first')")));
        Future<?> after = threads.submit(() -> database.groupCommit().useTransaction(handle ->
                handle.execute("INSERT INTO notes (id, text) VALUES (4, 'after')")));
        Thread.sleep(200);
        release.countDown();

        first.get(10, TimeUnit.SECONDS);
        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the caller's own mistake");
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("UNIQUE");
        List<String> stored = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT text FROM notes ORDER BY id").mapTo(String.class).list());
        assertThat(stored).containsExactly("first", "before", "after");
    }

    @Test
    void after_closing_writes_run_on_the_callers_thread() {
        database.groupCommit().close();
        String thread = database.groupCommit().inTransaction(handle -> {
            handle.execute("INSERT INTO notes (id, text) VALUES (9, 'late')");
            return Thread.currentThread().getName();
        });
        assertThat(thread).isEqualTo(Thread.currentThread().getName());
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(1);
    }

    @Test
    void a_piece_that_hands_in_another_gets_an_error_instead_of_waiting_for_itself() {
        assertThatThrownBy(() -> database.groupCommit().useTransaction(handle ->
                database.groupCommit().useTransaction(inner -> inner.execute("INSERT INTO notes (id) VALUES (7)"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot hand in another");
        assertThat(count("SELECT COUNT(*) FROM notes")).isZero();
    }

    @Test
    void writes_run_on_the_writer_thread_while_open() {
        String thread = database.groupCommit().inTransaction(handle -> Thread.currentThread().getName());
        assertThat(thread).isEqualTo("parley-writer");
    }

    private int count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
