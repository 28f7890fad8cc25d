package org.parley;

import java.nio.file.Path;
import java.time.Duration;
import org.parley.account.SignupMode;
import org.parley.comment.CommentRules;
import org.parley.mail.MailSettings;

/**
 * How one Parley server runs: where it listens, where its data lives, what it calls itself, how it stops, and the
 * publisher's rules for comments. {@code parley serve} builds it from flags, environment and config file (see
 * {@code cli/ServeConfiguration}); tests start from {@link #embedded} and change what they need. Build one with
 * {@link #builder()}, whose setters are named for the fields, so no call depends on their order.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param dataDir the folder of the embedded SQLite database
 * @param databaseUrl a JDBC URL that replaces the embedded database, or null
 * @param databaseUser the database user for {@code databaseUrl}, or null
 * @param databasePassword the database password for {@code databaseUrl}, or null
 * @param publicUrl the URL readers reach the server at, or null for http://localhost:PORT
 * @param rateLimits false to turn rate limits off (benchmarks, volume tests)
 * @param trustProxy true behind a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are trusted
 * @param rules the publisher's rules for comments
 * @param maxStreams the most live streams one instance keeps open
 * @param shutdownGrace how long a stopping server lets requests in flight finish
 * @param ipRetention how long the keyed hashes of client addresses are kept
 * @param mail the SMTP server and the pace of the mail queue
 * @param threadCache false to keep no thread pages in memory (benchmarks of the cold read path)
 * @param webhookAllowPrivate true to let webhooks call loopback and private addresses (on-premise receivers)
 * @param signupMode how readers sign up: at once (version 1), confirmed by mail (version 2), or auto
 * @param disposableDomainsFile the operator's list of disposable mail domains, or null for the shipped one
 */
public record Settings(
        String host,
        int port,
        Path dataDir,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        String publicUrl,
        boolean rateLimits,
        boolean trustProxy,
        CommentRules rules,
        int maxStreams,
        Duration shutdownGrace,
        Duration ipRetention,
        MailSettings mail,
        boolean threadCache,
        boolean webhookAllowPrivate,
        SignupMode signupMode,
        Path disposableDomainsFile) {

    public static final int DEFAULT_MAX_STREAMS = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_IP_RETENTION = Duration.ofDays(30);

    /** A builder with every default: all addresses, port 8080, SQLite in ./parley-data, no SMTP. */
    public static Builder builder() {
        return new Builder();
    }

    /** The embedded default on a port, with data in {@code dataDir}. */
    public static Settings embedded(int port, Path dataDir) {
        return builder().port(port).dataDir(dataDir).build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder().host(host).port(port).dataDir(dataDir)
                .database(databaseUrl, databaseUser, databasePassword).publicUrl(publicUrl).rateLimits(rateLimits)
                .trustProxy(trustProxy).rules(rules).maxStreams(maxStreams)
                .shutdownGrace(shutdownGrace).ipRetention(ipRetention).mail(mail).threadCache(threadCache)
                .webhookAllowPrivate(webhookAllowPrivate).signupMode(signupMode)
                .disposableDomainsFile(disposableDomainsFile);
    }

    public Settings withRateLimits(boolean enabled) {
        return toBuilder().rateLimits(enabled).build();
    }

    public Settings withMail(MailSettings newMail) {
        return toBuilder().mail(newMail).build();
    }

    /** The same settings behind (or not behind) a proxy whose X-Forwarded-For and X-Forwarded-Proto are trusted. */
    public Settings withTrustProxy(boolean trusted) {
        return toBuilder().trustProxy(trusted).build();
    }

    /** The same settings, letting webhooks call loopback and private addresses or not. */
    public Settings withWebhookAllowPrivate(boolean allowed) {
        return toBuilder().webhookAllowPrivate(allowed).build();
    }

    public Settings withSignupMode(SignupMode mode) {
        return toBuilder().signupMode(mode).build();
    }

    public Settings withRules(CommentRules newRules) {
        return toBuilder().rules(newRules).build();
    }

    public Settings withShutdownGrace(Duration grace) {
        return toBuilder().shutdownGrace(grace).build();
    }

    /** Settings field by field, starting from the defaults; see {@link Settings} for what each means. Not shared. */
    public static final class Builder {

        private String host = "0.0.0.0";
        private int port = 8080;
        private Path dataDir = Path.of("parley-data");
        private String databaseUrl;
        private String databaseUser;
        private String databasePassword;
        private String publicUrl;
        private boolean rateLimits = true;
        private boolean trustProxy;
        private CommentRules rules = CommentRules.defaults();
        private int maxStreams = DEFAULT_MAX_STREAMS;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
        private Duration ipRetention = DEFAULT_IP_RETENTION;
        private MailSettings mail = MailSettings.unconfigured();
        private boolean threadCache = true;
        private boolean webhookAllowPrivate;
        private SignupMode signupMode = SignupMode.AUTO;
        private Path disposableDomainsFile;

        private Builder() {
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** The database at a JDBC URL instead of SQLite in the data folder (null for SQLite); user and password
         * may be null. */
        public Builder database(String url, String user, String password) {
            databaseUrl = url;
            databaseUser = user;
            databasePassword = password;
            return this;
        }

        public Builder publicUrl(String value) {
            publicUrl = value;
            return this;
        }

        public Builder rateLimits(boolean value) {
            rateLimits = value;
            return this;
        }

        public Builder trustProxy(boolean value) {
            trustProxy = value;
            return this;
        }

        public Builder rules(CommentRules value) {
            rules = value;
            return this;
        }

        public Builder maxStreams(int value) {
            maxStreams = value;
            return this;
        }

        public Builder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        public Builder ipRetention(Duration value) {
            ipRetention = value;
            return this;
        }

        public Builder mail(MailSettings value) {
            mail = value;
            return this;
        }

        public Builder threadCache(boolean value) {
            threadCache = value;
            return this;
        }

        public Builder webhookAllowPrivate(boolean value) {
            webhookAllowPrivate = value;
            return this;
        }

        public Builder signupMode(SignupMode value) {
            signupMode = value;
            return this;
        }

        public Builder disposableDomainsFile(Path value) {
            disposableDomainsFile = value;
            return this;
        }

        public Settings build() {
            return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl,
                    rateLimits, trustProxy, rules, maxStreams, shutdownGrace, ipRetention, mail,
                    threadCache, webhookAllowPrivate, signupMode, disposableDomainsFile);
        }
    }
}
