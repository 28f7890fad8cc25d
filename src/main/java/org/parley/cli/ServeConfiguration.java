package org.parley.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The settings of {@code parley serve}, each reachable three ways: a flag ({@code --port}), an environment
 * variable ({@code PARLEY_PORT}) and a key in an optional config file ({@code port = 8080}), read by
 * {@link Properties}. A flag wins over the environment, which wins over the file, which wins over the default.
 * Blank values count as absent. {@link #ENTRIES} is the one table: {@code ServeCommand} makes its flags from it,
 * docs/configuration.md repeats it and a test keeps the two in step.
 */
final class ServeConfiguration {

    /** One setting: its config-file key (the flag is {@code --key}), environment variable, meaning and default. */
    record Entry(String key, String env, String meaning, String defaultValue) {
        String option() {
            return "--" + key;
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("port", "PARLEY_PORT", "port to listen on (0 picks a free one)", "8080"),
            new Entry("host", "PARLEY_HOST", "address to listen on", "0.0.0.0"),
            new Entry("data", "PARLEY_DATA", "folder of the embedded SQLite database", "parley-data"),
            new Entry("database", "PARLEY_DATABASE_URL", "a JDBC URL instead of SQLite", null),
            new Entry("database-user", "PARLEY_DATABASE_USER", "database user for --database", null),
            new Entry("database-password", "PARLEY_DATABASE_PASSWORD",
                    "database password for --database (prefer the variable or the file: flags show in ps)", null),
            new Entry("public-url", "PARLEY_PUBLIC_URL", "the URL readers reach Parley at", null),
            new Entry("edit-window", "PARLEY_EDIT_WINDOW_MINUTES", "minutes an author may edit a comment", "15"),
            new Entry("max-body", "PARLEY_MAX_BODY_LENGTH", "the longest comment, in characters", "5000"),
            new Entry("rate-limits", "PARLEY_RATE_LIMITS", "on, or off (benchmarks, volume tests)", "on"),
            new Entry("thread-cache", "PARLEY_THREAD_CACHE", "on, or off (benchmarks of the cold read path)", "on"),
            new Entry("trust-proxy", "PARLEY_TRUST_PROXY", "true behind a reverse proxy", "false"),
            new Entry("webhook-allow-private", "PARLEY_WEBHOOK_ALLOW_PRIVATE",
                    "true to let webhooks call loopback and private addresses", "false"),
            new Entry("log-format", "PARLEY_LOG_FORMAT", "plain, or json", "plain"),
            new Entry("log-level", "PARLEY_LOG_LEVEL", "DEBUG, INFO, WARN or ERROR", "INFO"),
            new Entry("max-streams", "PARLEY_MAX_STREAMS", "most live streams one instance keeps open", "10000"),
            new Entry("ip-retention-days", "PARLEY_IP_RETENTION_DAYS", "days client address hashes are kept", "30"),
            new Entry("disposable-domains-file", "PARLEY_DISPOSABLE_DOMAINS_FILE",
                    "a list of disposable mail domains to refuse, instead of the shipped one", null),
            new Entry("shutdown-timeout", "PARLEY_SHUTDOWN_TIMEOUT",
                    "seconds a stopping server lets requests finish", "20"),
            new Entry("signup-mode", "PARLEY_SIGNUP_MODE",
                    "instant, confirm (by mail; closes v1 sign-up) or auto (confirm with SMTP)", "auto"),
            new Entry("smtp-host", "PARLEY_SMTP_HOST", "SMTP server; without it mail waits in the queue", null),
            new Entry("smtp-port", "PARLEY_SMTP_PORT", "SMTP port", "587"),
            new Entry("smtp-user", "PARLEY_SMTP_USER", "SMTP user", null),
            new Entry("smtp-password", "PARLEY_SMTP_PASSWORD",
                    "SMTP password (prefer the variable or the file: flags show in ps)", null),
            new Entry("smtp-from", "PARLEY_SMTP_FROM", "sender of Parley's mail", null),
            new Entry("smtp-security", "PARLEY_SMTP_SECURITY", "none, starttls or tls", "starttls"),
            new Entry("digest-minutes", "PARLEY_DIGEST_MINUTES", "least minutes between two moderator digests", "15"),
            new Entry("mail-attempts", "PARLEY_MAIL_ATTEMPTS", "attempts before a message is given up", "8"),
            new Entry("mail-poll-seconds", "PARLEY_MAIL_POLL_SECONDS", "seconds between looks at the mail queue", "5"),
            new Entry("mail-retry-seconds", "PARLEY_MAIL_RETRY_SECONDS",
                    "seconds before a failed message's first retry", "60"));

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties file;
    private final String fileName;

    private ServeConfiguration(Map<String, String> flags, Map<String, String> environment, Properties file,
            String fileName) {
        this.flags = flags;
        this.environment = environment;
        this.file = file;
        this.fileName = fileName;
    }

    /**
     * The configuration of the flags given (by key, e.g. {@code port}), the environment and the file named by
     * {@code --config} (or else {@code PARLEY_CONFIG}), if any; a missing or unreadable file, or a key this table
     * does not know, is bad usage.
     */
    static ServeConfiguration load(Map<String, String> flags, String configFlag, Map<String, String> environment) {
        String path = present(configFlag) ? configFlag : environment.get("PARLEY_CONFIG");
        Properties file = new Properties();
        if (!present(path)) {
            return new ServeConfiguration(flags, environment, file, null);
        }
        try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read the config file " + path + ": " + e.getMessage());
        }
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            if (ENTRIES.stream().noneMatch(entry -> entry.key().equals(key))) {
                throw new UsageException("unknown setting '" + key + "' in the config file " + path
                        + " (see docs/configuration.md)");
            }
        }
        return new ServeConfiguration(flags, environment, file, path);
    }

    /** The value of a setting: the flag's, else the environment's, else the file's, else the default (or null). */
    String value(String key) {
        Entry entry = entry(key);
        String flag = flags.get(key);
        if (present(flag)) {
            return flag.strip();
        }
        String fromEnvironment = environment.get(entry.env());
        if (present(fromEnvironment)) {
            return fromEnvironment.strip();
        }
        String fromFile = file.getProperty(key);
        return present(fromFile) ? fromFile.strip() : entry.defaultValue();
    }

    /** A whole-number setting between {@code min} and {@code max}. */
    int number(String key, int min, int max) {
        String value = value(key);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the other bad values
        }
        throw new UsageException(where(key) + " must be a whole number from " + min + " to " + max
                + ", not '" + value + "'");
    }

    /** A setting that is one of {@code choices} (case ignored), answered in the case of the choice. */
    String choice(String key, String... choices) {
        String value = value(key);
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(value)) {
                return choice;
            }
        }
        throw new UsageException(where(key) + " must be one of " + String.join(", ", choices) + ", not '"
                + value + "'");
    }

    /** A yes-or-no setting: {@code on}/{@code true} or {@code off}/{@code false}, case ignored. */
    boolean onOff(String key) {
        String value = choice(key, "on", "off", "true", "false");
        return value.equals("on") || value.equals("true");
    }

    /** Where a value came from, for messages: the flag, the variable or the file. */
    private String where(String key) {
        Entry entry = entry(key);
        if (present(flags.get(key))) {
            return entry.option();
        }
        if (present(environment.get(entry.env()))) {
            return entry.env();
        }
        return present(file.getProperty(key)) ? "'" + key + "' in " + fileName : entry.option();
    }

    private static Entry entry(String key) {
        return ENTRIES.stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
