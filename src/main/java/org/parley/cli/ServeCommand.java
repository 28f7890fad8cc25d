package org.parley.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.parley.Server;
import org.parley.Settings;
import org.parley.comment.CommentRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley serve}: runs the server until it is stopped (Ctrl-C or SIGTERM). */
@Command(name = "serve", description = "Start the server (default: SQLite in ./parley-data, port 8080).")
public final class ServeCommand implements Runnable {

    @Option(names = "--port", defaultValue = "${env:PARLEY_PORT:-8080}", description = "Port (default: 8080).")
    int port;

    @Option(names = "--host", defaultValue = "${env:PARLEY_HOST:-0.0.0.0}", description = "Address to listen on.")
    String host;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--public-url", defaultValue = "${env:PARLEY_PUBLIC_URL}",
            description = "URL readers reach this server at, e.g. https://comments.example.org.")
    String publicUrl;

    @Option(names = "--edit-window", defaultValue = "${env:PARLEY_EDIT_WINDOW_MINUTES:-15}",
            description = "Minutes an author may edit a comment (default: 15).")
    int editWindowMinutes;

    @Option(names = "--max-body", defaultValue = "${env:PARLEY_MAX_BODY_LENGTH:-5000}",
            description = "Longest comment, in characters (default: 5000).")
    int maxBodyLength;

    @Override
    public void run() {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535");
        }
        if (editWindowMinutes < 0 || maxBodyLength < 1) {
            throw new UsageException("--edit-window must be 0 or more and --max-body 1 or more");
        }
        Settings settings = new Settings(host, port, database.dataDir, database.databaseUrl(), DatabaseOptions.user(),
                DatabaseOptions.password(), publicUrl == null || publicUrl.isBlank() ? null : publicUrl,
                !"off".equalsIgnoreCase(System.getenv("PARLEY_RATE_LIMITS")),
                "true".equalsIgnoreCase(System.getenv("PARLEY_TRUST_PROXY")),
                new CommentRules(maxBodyLength, Duration.ofMinutes(editWindowMinutes)));
        Server server = Server.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parley-shutdown"));
        server.firstStart().ifPresent(first -> System.out.printf("""

                Parley's first admin account (shown only this once, keep it somewhere safe):
                  e-mail:   %s
                  password: %s
                """, first.adminEmail(), first.adminPassword()));
        System.out.printf("%nParley is running at %s/ (demo article; the API is under /api/v1)%n",
                server.publicUrl());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
