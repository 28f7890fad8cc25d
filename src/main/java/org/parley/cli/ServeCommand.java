package org.parley.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.parley.Server;
import org.parley.Settings;
import org.parley.comment.CommentRules;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley serve}: runs the server until it is stopped (Ctrl-C or SIGTERM), then stops gracefully. Every
 * setting is a flag, an environment variable and a config-file key ({@link ServeConfiguration}); the flags here
 * carry no defaults, so that an absent flag lets the environment, then the file, then the default speak.
 */
@Command(name = "serve", description = "Start the server (default: SQLite in ./parley-data, port 8080).")
public final class ServeCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings (default: $PARLEY_CONFIG); flags and environment win.")
    String config;

    @Option(names = "--port", description = "Port (default: 8080).")
    String port;

    @Option(names = "--host", description = "Address to listen on (default: 0.0.0.0).")
    String host;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--database-user", description = "Database user for --database.")
    String databaseUser;

    @Option(names = "--database-password",
            description = "Database password for --database (prefer PARLEY_DATABASE_PASSWORD or the config file).")
    String databasePassword;

    @Option(names = "--public-url", description = "URL readers reach this server at, e.g. https://comments.example.org.")
    String publicUrl;

    @Option(names = "--edit-window", description = "Minutes an author may edit a comment (default: 15).")
    String editWindowMinutes;

    @Option(names = "--max-body", description = "Longest comment, in characters (default: 5000).")
    String maxBodyLength;

    @Option(names = "--rate-limits", description = "on or off (default: on).")
    String rateLimits;

    @Option(names = "--trust-proxy", description = "true behind a reverse proxy (default: false).")
    String trustProxy;

    @Option(names = "--log-format", description = "plain or json (default: plain).")
    String logFormat;

    @Option(names = "--log-level", description = "DEBUG, INFO, WARN or ERROR (default: INFO).")
    String logLevel;

    @Option(names = "--max-streams", description = "Most live streams this instance keeps open (default: 10000).")
    String maxStreams;

    @Option(names = "--training-data", description = "Comma-separated labelled CSV files site models train on.")
    String trainingData;

    @Option(names = "--shutdown-timeout",
            description = "Seconds a stopping server lets requests in flight finish (default: 20).")
    String shutdownTimeout;

    @Option(names = "--ip-retention-days",
            description = "Days the keyed hashes of client addresses are kept (default: 30).")
    String ipRetentionDays;

    @Override
    public void run() {
        ServeConfiguration configuration = ServeConfiguration.load(config, System.getenv());
        applyLogging(configuration);
        Settings settings = settings(configuration);
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

    /** The server's settings: each flag given, else its environment variable, else the file, else the default. */
    Settings settings(ServeConfiguration configuration) {
        int editWindow = configuration.number("edit-window", editWindowMinutes, 0, 60 * 24 * 365);
        int maxBody = configuration.number("max-body", maxBodyLength, 1, 1_000_000);
        String dataDir = configuration.value("data", database.dataDir == null ? null : database.dataDir.toString());
        return new Settings(
                configuration.value("host", host),
                configuration.number("port", port, 0, 65535),
                Path.of(dataDir),
                configuration.value("database", database.databaseUrl),
                configuration.value("database-user", databaseUser),
                configuration.value("database-password", databasePassword),
                configuration.value("public-url", publicUrl),
                configuration.onOff("rate-limits", rateLimits),
                configuration.onOff("trust-proxy", trustProxy),
                new CommentRules(maxBody, Duration.ofMinutes(editWindow)),
                configuration.number("max-streams", maxStreams, 0, 10_000_000),
                configuration.value("training-data", trainingData),
                Duration.ofSeconds(configuration.number("shutdown-timeout", shutdownTimeout, 0, 3600)),
                Duration.ofDays(configuration.number("ip-retention-days", ipRetentionDays, 1, 36_500)));
    }

    /**
     * Hands the log format and level to Logback's configuration (logback.xml reads them as variables) and
     * configures it again, so that flags and the config file steer logging as the environment does.
     */
    private void applyLogging(ServeConfiguration configuration) {
        Map<String, String> logging = Map.of(
                "PARLEY_LOG_FORMAT", configuration.choice("log-format", logFormat, "plain", "json"),
                "PARLEY_LOG_LEVEL", configuration.choice("log-level", logLevel, "DEBUG", "INFO", "WARN", "ERROR"));
        logging.forEach(System::setProperty);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging", e);
            }
        }
    }
}
