package org.parley.comment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.account.Account;
import org.parley.store.Database;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestServer;

/**
 * What a thread-cache miss costs before JSON: {@link Threads#page} reading the first page of a 200-comment thread
 * from a real SQLite file (WAL, migrations applied) — the top-level query, the replies query and the tree built in
 * memory.
 *
 * <p>Input: one story with 150 top-level comments and 50 replies (every fourth comment answers an earlier one of
 * depth 0 or 1), from five readers, bodies of 100 to 600 characters drawn uniformly with a fixed seed, posted
 * through {@code Submissions} so that the HTML is rendered at write time as in production. {@code limit} compares
 * the widget's default page (20 top-level comments and their replies) with the whole thread (200).
 *
 * <p>Run: {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=target/test.classpath && java -cp target/test-classes:target/classes:$(cat
 * target/test.classpath) org.openjdk.jmh.Main ThreadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThreadBenchmark {

    private static final String[] WORDS = ("the talks in Geneva were long and careful but both delegations agreed"
            + " that a ceasefire needs monitors on the ground and the regional partners contributed to the draft"
            + " text which says little about water rights or the border crossings that matter most to families")
            .split(" ");

    @Param({"20", "200"})
    int limit;

    private Path folder;
    private Database database;
    private Threads threads;
    private String storyId;

    @Setup
    public void seed() throws IOException {
        folder = Files.createTempDirectory("parley-bench-");
        database = Database.openSqlite(folder);
        Fixtures fixtures = new Fixtures(database);
        List<Account> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readers.add(fixtures.reader());
        }
        Story story = fixtures.story();
        Random random = new Random(42);
        List<Comment> posted = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            Comment parent = null;
            if (i % 4 == 0) {
                do {
                    parent = posted.get(random.nextInt(posted.size()));
                } while (parent.depth() > 1);
            }
            Account author = readers.get(random.nextInt(readers.size()));
            posted.add(fixtures.submissions.post(author, story, parent == null ? null : parent.id(), body(random),
                    false).comment());
        }
        threads = new Threads(fixtures.comments, fixtures.rules);
        storyId = story.id();
    }

    @TearDown
    public void close() {
        database.close();
        TestServer.deleteRecursively(folder);
    }

    @Benchmark
    public ThreadPage page() {
        return threads.page(storyId, Sort.NEWEST, null, limit);
    }

    private static String body(Random random) {
        int length = 100 + random.nextInt(501);
        StringBuilder body = new StringBuilder();
        while (body.length() < length) {
            body.append(body.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return body.substring(0, Math.min(body.length(), 599)) + ".";
    }
}
