package org.parley.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.parley.Server;
import org.parley.Settings;
import org.parley.comment.CommentRules;
import org.parley.mail.MailSettings;
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

    @Option(names = "--smtp-host", defaultValue = "${env:PARLEY_SMTP_HOST}",
            description = "SMTP server for mail; without it mail waits in the queue.")
    String smtpHost;

    @Option(names = "--smtp-port", defaultValue = "${env:PARLEY_SMTP_PORT:-587}",
            description = "SMTP port (default: 587).")
    int smtpPort;

    @Option(names = "--smtp-user", defaultValue = "${env:PARLEY_SMTP_USER}",
            description = "SMTP user (the password comes from PARLEY_SMTP_PASSWORD).")
    String smtpUser;

    @Option(names = "--smtp-from", defaultValue = "${env:PARLEY_SMTP_FROM}",
            description = "Sender of Parley's mail, e.g. 'Comments <comments@example.org>'.")
    String smtpFrom;

    @Option(names = "--smtp-security", defaultValue = "${env:PARLEY_SMTP_SECURITY:-starttls}",
            description = "none, starttls (default) or tls.")
    String smtpSecurity;

    @Option(names = "--digest-minutes", defaultValue = "${env:PARLEY_DIGEST_MINUTES:-15}",
            description = "Least minutes between two moderator digests (default: 15).")
    int digestMinutes;

    @Option(names = "--mail-attempts", defaultValue = "${env:PARLEY_MAIL_ATTEMPTS:-8}",
            description = "Attempts to send a message before it is given up (default: 8).")
    int mailAttempts;

    private MailSettings mail() {
        if (smtpPort < 1 || smtpPort > 65535 || digestMinutes < 1 || mailAttempts < 1) {
            throw new UsageException("--smtp-port must be 1 to 65535, --digest-minutes and --mail-attempts 1 or more");
        }
        MailSettings.Security security;
        try {
            security = MailSettings.Security.ofCode(smtpSecurity);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String password = System.getenv("PARLEY_SMTP_PASSWORD");
        return new MailSettings(blankToNull(smtpHost), smtpPort, blankToNull(smtpUser), password,
                blankToNull(smtpFrom), security, Duration.ofMinutes(digestMinutes),
                Duration.ofSeconds(seconds("PARLEY_MAIL_POLL_SECONDS", 5)),
                Duration.ofSeconds(seconds("PARLEY_MAIL_RETRY_SECONDS", 60)), mailAttempts);
    }

    private static long seconds(String variable, long fallback) {
        String value = System.getenv(variable);
        try {
            long parsed = value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(variable + " must be a whole number of seconds, 1 or more");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

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
                new CommentRules(maxBodyLength, Duration.ofMinutes(editWindowMinutes)), mail());
        Server server = Server.start(settings, Clock.systemUTC());
        if (!settings.mail().configured()) {
            System.out.println("Mail is not configured (--smtp-host, --smtp-from): it waits in the queue until it is.");
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
}
