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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestServer;

/** Writes handed to SQLite's group commit: committed together, each failing alone. */
class GroupCommitTest {

    private Path folder;
    private Database database;
    private GroupCommit writes;
    private final ExecutorService callers = Executors.newFixedThreadPool(12);

    @BeforeEach
    void open() throws Exception {
        folder = Files.createTempDirectory("parley-group-");
        database = Database.openSqlite(folder);
        writes = database.groupCommit();
        database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"));
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        database.close();
        TestServer.deleteRecursively(folder);
    }

    @Test
    void every_write_of_many_callers_is_stored_once_each_caller_has_its_answer() throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int caller = 0; caller < 12; caller++) {
            int base = caller * 100;
            answers.add(callers.submit(() -> {
                int sum = 0;
                for (int i = 0; i < 40; i++) {
                    int id = base + i;
                    sum += writes.inTransaction(handle -> {
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
        Future<?> first = callers.submit(() -> writes.useTransaction(handle -> {
            handle.execute("INSERT INTO notes (id, text) VALUES (1, 'first')");
            writerBusy.countDown();
            await(release);
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> before = callers.submit(() -> writes.useTransaction(handle ->
                handle.execute("INSERT INTO notes (id, text) VALUES (2, 'before')")));
        Future<?> failing = callers.submit(() -> writes.useTransaction(handle -> {
            handle.execute("INSERT INTO notes (id, text) VALUES (3, 'half')");
            throw new IllegalArgumentException("the caller's own mistake");
        }));
        Future<?> duplicate = callers.submit(() -> writes.useTransaction(handle ->
                handle.execute("INSERT INTO notes (id, text) VALUES (1, 'same id as the first')")));
        Future<?> after = callers.submit(() -> writes.useTransaction(handle ->
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
        List<String> stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT text FROM notes ORDER BY id").mapTo(String.class).list());
        assertThat(stored).containsExactly("first", "before", "after");
    }

    @Test
    void after_closing_writes_run_on_the_callers_thread() {
        writes.close();
        String thread = writes.inTransaction(handle -> {
            handle.execute("INSERT INTO notes (id, text) VALUES (9, 'late')");
            return Thread.currentThread().getName();
        });
        assertThat(thread).isEqualTo(Thread.currentThread().getName());
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(1);
    }

    @Test
    void writes_run_on_the_writer_thread_while_open() {
        String thread = writes.inTransaction(handle -> Thread.currentThread().getName());
        assertThat(thread).isEqualTo("parley-writer");
    }

    private int count(String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
