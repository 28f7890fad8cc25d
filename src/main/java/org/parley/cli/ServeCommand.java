package org.parley.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.parley.Server;
import org.parley.Settings;
import org.parley.account.SignupMode;
import org.parley.comment.CommentRules;
import org.parley.mail.MailSettings;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley serve}: runs the server until it is stopped (Ctrl-C or SIGTERM), then stops gracefully. Every
 * setting is a flag, an environment variable and a config-file key; the flags are made from
 * {@link ServeConfiguration#ENTRIES} (the one table) and carry no defaults, so that an absent flag lets the
 * environment, then the file, then the default speak.
 */
@Command(name = "serve", description = "Start the server (default: SQLite in ./parley-data, port 8080).",
        modelTransformer = ServeCommand.SettingFlags.class)
public final class ServeCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings (default: $PARLEY_CONFIG); flags and environment win.")
    String config;

    /** Declares --data and --database as the other commands spell them; read like every other flag. */
    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    /** Adds a {@code --key} flag for every setting of the table that no mixin declares already. */
    static final class SettingFlags implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (ServeConfiguration.Entry entry : ServeConfiguration.ENTRIES) {
                if (command.findOption(entry.option()) == null) {
                    command.addOption(OptionSpec.builder(entry.option())
                            .type(String.class)
                            .paramLabel(entry.key().toUpperCase(Locale.ROOT).replace('-', '_'))
                            .description(help(entry))
                            .build());
                }
            }
            return command;
        }

        private static String help(ServeConfiguration.Entry entry) {
            return entry.meaning() + " ($" + entry.env() + (entry.defaultValue() == null ? "" : "; default: "
                    + entry.defaultValue()) + ")";
        }
    }

    /** The configuration of the flags given on this command line, the environment and the config file. */
    ServeConfiguration configuration(Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        for (ServeConfiguration.Entry entry : ServeConfiguration.ENTRIES) {
            Object value = spec.findOption(entry.option()).getValue();
            if (value != null) {
                flags.put(entry.key(), value.toString());
            }
        }
        return ServeConfiguration.load(flags, config, environment);
    }

    /** The SMTP server and the pace of the mail queue. */
    private static MailSettings mail(ServeConfiguration configuration) {
        MailSettings.Security security = MailSettings.Security.ofCode(
                configuration.choice("smtp-security", "none", "starttls", "tls"));
        return new MailSettings(configuration.value("smtp-host"),
                configuration.number("smtp-port", 1, 65535),
                configuration.value("smtp-user"),
                configuration.value("smtp-password"),
                configuration.value("smtp-from"), security,
                Duration.ofMinutes(configuration.number("digest-minutes", 1, 7 * 24 * 60)),
                Duration.ofSeconds(configuration.number("mail-poll-seconds", 1, 3600)),
                Duration.ofSeconds(configuration.number("mail-retry-seconds", 1, 24 * 3600)),
                configuration.number("mail-attempts", 1, 100));
    }

    @Override
    public void run() {
        ServeConfiguration configuration = configuration(System.getenv());
        boolean json = applyLogging(configuration);
        Settings settings = settings(configuration);
        Server server = Server.start(settings, Clock.systemUTC());
        if (!settings.mail().configured()) {
            say(json, "Mail is not configured (--smtp-host, --smtp-from): it waits in the queue until it is.\n");
            if (settings.signupMode() == SignupMode.CONFIRM) {
                say(json, "Sign-up is confirmed by mail (--signup-mode confirm): new readers cannot finish"
                        + " signing up until mail is configured.\n");
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parley-shutdown"));
        server.firstStart().ifPresent(first -> say(json, """

                Parley's first admin account (shown only this once, keep it somewhere safe):
                  e-mail:   %s
                  password: %s
                """.formatted(first.adminEmail(), first.adminPassword())));
        say(json, "%nParley is running at %s/ (demo article; the API is under /api/v1)%n"
                .formatted(server.publicUrl()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A notice to the operator on standard output: as written, or as one JSON object when logs are JSON. */
    private static void say(boolean json, String text) {
        if (json) {
            JsonConsole.say(text);
        } else {
            System.out.print(text);
        }
    }

    /** The server's settings: each flag given, else its environment variable, else the file, else the default. */
    static Settings settings(ServeConfiguration configuration) {
        int editWindow = configuration.number("edit-window", 0, 60 * 24 * 365);
        int maxBody = configuration.number("max-body", 1, 1_000_000);
        return Settings.builder()
                .host(configuration.value("host"))
                .port(configuration.number("port", 0, 65535))
                .dataDir(Path.of(configuration.value("data")))
                .database(configuration.value("database"), configuration.value("database-user"),
                        configuration.value("database-password"))
                .publicUrl(configuration.value("public-url"))
                .rateLimits(configuration.onOff("rate-limits"))
                .trustProxy(configuration.onOff("trust-proxy"))
                .rules(new CommentRules(maxBody, Duration.ofMinutes(editWindow)))
                .maxStreams(configuration.number("max-streams", 0, 10_000_000))
                .shutdownGrace(Duration.ofSeconds(configuration.number("shutdown-timeout", 0, 3600)))
                .ipRetention(Duration.ofDays(configuration.number("ip-retention-days", 1, 36_500)))
                .mail(mail(configuration))
                .threadCache(configuration.onOff("thread-cache"))
                .webhookAllowPrivate(configuration.onOff("webhook-allow-private"))
                .signupMode(SignupMode.ofCode(configuration.choice("signup-mode", "instant", "confirm", "auto")))
                .disposableDomainsFile(disposableDomains(configuration.value("disposable-domains-file")))
                .build();
    }

    /** The operator's list of disposable mail domains, which must be a readable file; null for the shipped list. */
    private static Path disposableDomains(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        Path path = Path.of(file);
        if (!java.nio.file.Files.isReadable(path)) {
            throw new UsageException("disposable-domains-file: cannot read " + file);
        }
        return path;
    }

    /**
     * Hands the log format and level to Logback's configuration (logback.xml reads them as variables) and
     * configures it again, so that flags and the config file steer logging as the environment does. With JSON logs
     * everything else on standard output and error becomes JSON too ({@link JsonConsole}); answers whether it did.
     */
    private static boolean applyLogging(ServeConfiguration configuration) {
        String format = configuration.choice("log-format", "plain", "json");
        Map<String, String> logging = Map.of(
                "PARLEY_LOG_FORMAT", format,
                "PARLEY_LOG_LEVEL", configuration.choice("log-level", "DEBUG", "INFO", "WARN", "ERROR"));
        logging.forEach(System::setProperty);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                throw new IllegalStateException("cannot configure logging", e);
            }
            if (format.equals("json")) {
                JsonConsole.install(context);
            }
        }
        return format.equals("json");
    }
}
