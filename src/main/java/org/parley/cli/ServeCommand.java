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
import org.parley.account.SignupMode;
import org.parley.comment.CommentRules;
import org.slf4j.LoggerFactory;
import org.parley.mail.MailSettings;
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

    @Option(names = "--public-url",
            description = "URL readers reach this server at, e.g. https://comments.example.org.")
    String publicUrl;

    @Option(names = "--edit-window", description = "Minutes an author may edit a comment (default: 15).")
    String editWindowMinutes;

    @Option(names = "--max-body", description = "Longest comment, in characters (default: 5000).")
    String maxBodyLength;

    @Option(names = "--rate-limits", description = "on or off (default: on).")
    String rateLimits;

    @Option(names = "--thread-cache", description = "on, or off to read every thread from the database (default: on).")
    String threadCache;

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

    @Option(names = "--signup-mode", description = "instant, confirm (by mail; v1 sign-up answers 403) or auto"
            + " (default: confirm when SMTP is configured, else instant).")
    String signupMode;

    @Option(names = "--smtp-host", description = "SMTP server for mail; without it mail waits in the queue.")
    String smtpHost;

    @Option(names = "--smtp-port", description = "SMTP port (default: 587).")
    String smtpPort;

    @Option(names = "--smtp-user", description = "SMTP user.")
    String smtpUser;

    @Option(names = "--smtp-password",
            description = "SMTP password (prefer PARLEY_SMTP_PASSWORD or the config file: options show in ps).")
    String smtpPassword;

    @Option(names = "--smtp-from", description = "Sender of Parley's mail, e.g. 'Comments <comments@example.org>'.")
    String smtpFrom;

    @Option(names = "--smtp-security", description = "none, starttls (default) or tls.")
    String smtpSecurity;

    @Option(names = "--digest-minutes", description = "Least minutes between two moderator digests (default: 15).")
    String digestMinutes;

    @Option(names = "--mail-attempts", description = "Attempts to send a message before it is given up (default: 8).")
    String mailAttempts;

    @Option(names = "--mail-poll-seconds", description = "Seconds between looks at the mail queue (default: 5).")
    String mailPollSeconds;

    @Option(names = "--mail-retry-seconds",
            description = "Seconds before the first retry of a failed message, doubling after (default: 60).")
    String mailRetrySeconds;

    /** The SMTP server and the pace of the mail queue. */
    private MailSettings mail(ServeConfiguration configuration) {
        MailSettings.Security security = MailSettings.Security.ofCode(
                configuration.choice("smtp-security", smtpSecurity, "none", "starttls", "tls"));
        return new MailSettings(configuration.value("smtp-host", smtpHost),
                configuration.number("smtp-port", smtpPort, 1, 65535),
                configuration.value("smtp-user", smtpUser),
                configuration.value("smtp-password", smtpPassword),
                configuration.value("smtp-from", smtpFrom), security,
                Duration.ofMinutes(configuration.number("digest-minutes", digestMinutes, 1, 7 * 24 * 60)),
                Duration.ofSeconds(configuration.number("mail-poll-seconds", mailPollSeconds, 1, 3600)),
                Duration.ofSeconds(configuration.number("mail-retry-seconds", mailRetrySeconds, 1, 24 * 3600)),
                configuration.number("mail-attempts", mailAttempts, 1, 100));
    }

    @Override
    public void run() {
        ServeConfiguration configuration = ServeConfiguration.load(config, System.getenv());
        applyLogging(configuration);
        Settings settings = settings(configuration);
        Server server = Server.start(settings, Clock.systemUTC());
        if (!settings.mail().configured()) {
            System.out.println("Mail is not configured (--smtp-host, --smtp-from): it waits in the queue until it is.");
            if (settings.signupMode() == SignupMode.CONFIRM) {
                System.out.println("Sign-up is confirmed by mail (--signup-mode confirm): new readers cannot finish"
                        + " signing up until mail is configured.");
            }
        }
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
                Duration.ofDays(configuration.number("ip-retention-days", ipRetentionDays, 1, 36_500)),
                mail(configuration),
                configuration.onOff("thread-cache", threadCache),
                SignupMode.ofCode(configuration.choice("signup-mode", signupMode, "instant", "confirm", "auto")));
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
