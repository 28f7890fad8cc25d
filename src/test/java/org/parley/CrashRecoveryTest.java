package org.parley;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.ApiClient;
import org.parley.testing.ChildServers;
import org.parley.testing.PostingLoad;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestServer;
import org.parley.testing.Waiting;

/**
 * The SQLite durability suite (issue 7, item 6): Parley runs as a separate process on an SQLite folder, readers
 * post from several threads, the process is killed with SIGKILL in the middle of it, started again on the same
 * folder, and every comment that was acknowledged with 201 must be there. SQLite runs in WAL mode with
 * {@code synchronous=NORMAL} ({@code store/Database}): a commit is in the WAL file before the 201 goes out, so a
 * killed process loses nothing acknowledged (a power cut could lose the last commits; docs/deploy.md). The
 * PostgreSQL counterpart is {@link org.parley.store.PostgresRestartTest}.
 */
class CrashRecoveryTest {

    private static final int POSTERS = 4;
    private Path dataDir;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        TestServer.deleteRecursively(dataDir);
    }

    @Test
    void every_comment_acknowledged_before_a_sigkill_is_there_after_the_restart() throws Exception {
        assumeFalse(TestDatabase.onPostgres(), "the SQLite server process; PostgresRestartTest covers PostgreSQL");
        dataDir = Files.createTempDirectory("parley-crash-");
        int port = ChildServers.freePort();
        Process server = serve(port);
        String baseUrl = "http://localhost:" + port;
        Waiting.until(() -> ChildServers.healthy(baseUrl), 120, "the server to start");

        Set<String> acknowledged;
        PostingLoad load = new PostingLoad(PostingLoad.signUp(baseUrl, POSTERS, "crash"),
                baseUrl + "/crash-article");
        try {
            Waiting.until(() -> load.acknowledged().size() >= 60, 120, "60 acknowledged comments");
            server.destroyForcibly();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            acknowledged = load.acknowledged();
        } finally {
            load.close();
        }
        // 128 + 9: the JVM saw the process end by SIGKILL, no shutdown hook ran.
        assertThat(server.exitValue()).isEqualTo(137);

        int restartPort = ChildServers.freePort();
        serve(restartPort);
        Waiting.until(() -> ChildServers.healthy("http://localhost:" + restartPort), 120, "the server to start again");
        Set<String> stored = storedCommentIds();
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        System.out.printf("crash (SQLite, SIGKILL): %d acknowledged, %d lost (%d stored, %d requests cut off)%n",
                acknowledged.size(), lost.size(), stored.size(), load.unanswered());
        assertThat(lost).isEmpty();
    }

    private Process serve(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.parley.Parley", "serve", "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--data", dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        builder.environment().put("PARLEY_RATE_LIMITS", "off");
        builder.environment().remove("PARLEY_DATABASE_URL");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private Set<String> storedCommentIds() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("parley.db"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM comments")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
