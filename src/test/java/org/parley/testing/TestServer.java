package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.Server;
import org.parley.Settings;

/**
 * The real Parley server for a test class: on a free loopback port, with its embedded SQLite database in a fresh
 * temporary folder (deleted afterwards), or a fresh PostgreSQL database when the run is on PostgreSQL (see
 * {@link TestDatabase#onPostgres()}). Register it as a static {@code @RegisterExtension} field.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {

    private final UnaryOperator<Settings> customize;
    private final Clock clock;
    private Path dataDir;
    private Server server;

    /** A server with rate limits off, so tests may sign up as many readers as they need. */
    public TestServer() {
        this(settings -> settings.withRateLimits(false), Clock.systemUTC());
    }

    public TestServer(UnaryOperator<Settings> customize, Clock clock) {
        this.customize = customize;
        this.clock = clock;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException {
        dataDir = Files.createTempDirectory("parley-test-");
        Settings.Builder settings = Settings.builder().host("127.0.0.1").port(0).dataDir(dataDir);
        if (TestDatabase.onPostgres()) {
            settings.database(TestPostgres.cluster().newDatabase(), TestPostgres.cluster().user(),
                    TestPostgres.cluster().password());
        }
        server = Server.start(customize.apply(settings.build()), clock);
    }

    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        deleteRecursively(dataDir);
    }

    /** The server's base URL, e.g. http://localhost:43121 (no trailing slash). */
    public String baseUrl() {
        return server.publicUrl();
    }

    /** The demo article's URL, which has a thread with a demo discussion. */
    public String demoArticleUrl() {
        return baseUrl() + "/";
    }

    public Server server() {
        return server;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A new API client with its own cookie jar, like a second browser. */
    public ApiClient client() {
        return new ApiClient(baseUrl());
    }

    public static void deleteRecursively(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
