package org.parley;

import java.nio.file.Path;
import java.time.Duration;
import org.parley.account.SignupMode;
import org.parley.comment.CommentRules;
import org.parley.mail.MailSettings;

/**
 * How one Parley server runs: where it listens, where its data lives, what it calls itself, how it stops, and the
 * publisher's rules for comments. {@code parley serve} builds it from flags, environment and config file (see
 * {@code cli/ServeConfiguration}); tests build it directly.
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
 * @param trainingData comma-separated labelled CSV files site models train on besides decisions, or null
 * @param shutdownGrace how long a stopping server lets requests in flight finish
 * @param ipRetention how long the keyed hashes of client addresses are kept
 * @param mail the SMTP server and the pace of the mail queue
 * @param threadCache false to keep no thread pages in memory (benchmarks of the cold read path)
 * @param signupMode how readers sign up: at once (version 1), confirmed by mail (version 2), or auto
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
        String trainingData,
        Duration shutdownGrace,
        Duration ipRetention,
        MailSettings mail,
        boolean threadCache,
        SignupMode signupMode) {

    public static final int DEFAULT_MAX_STREAMS = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);
    public static final Duration DEFAULT_IP_RETENTION = Duration.ofDays(30);

    /** Settings with the default stream cap, no base training data, the default shutdown grace and IP
     * retention, and no SMTP (mail waits in the queue). */
    public Settings(String host, int port, Path dataDir, String databaseUrl, String databaseUser,
            String databasePassword, String publicUrl, boolean rateLimits, boolean trustProxy, CommentRules rules) {
        this(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits, trustProxy,
                rules, DEFAULT_MAX_STREAMS, null, DEFAULT_SHUTDOWN_GRACE, DEFAULT_IP_RETENTION,
                MailSettings.unconfigured(), true, SignupMode.AUTO);
    }

    /** The embedded default on a port, with data in {@code dataDir}. */
    public static Settings embedded(int port, Path dataDir) {
        return new Settings("0.0.0.0", port, dataDir, null, null, null, null, true, false, CommentRules.defaults());
    }

    public Settings withRateLimits(boolean enabled) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, enabled,
                trustProxy, rules, maxStreams, trainingData, shutdownGrace, ipRetention, mail, threadCache, signupMode);
    }

    public Settings withMail(MailSettings newMail) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trustProxy, rules, maxStreams, trainingData, shutdownGrace, ipRetention, newMail, threadCache, signupMode);
    }

    /** The same settings behind (or not behind) a proxy whose X-Forwarded-For and X-Forwarded-Proto are trusted. */
    public Settings withTrustProxy(boolean trusted) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trusted, rules, maxStreams, trainingData, shutdownGrace, ipRetention, mail, threadCache, signupMode);
    }

    public Settings withRules(CommentRules newRules) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trustProxy, newRules, maxStreams, trainingData, shutdownGrace, ipRetention, mail, threadCache, signupMode);
    }

    public Settings withSignupMode(SignupMode mode) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trustProxy, rules, maxStreams, trainingData, shutdownGrace, ipRetention, mail, threadCache, mode);
    }

    public Settings withShutdownGrace(Duration grace) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trustProxy, rules, maxStreams, trainingData, grace, ipRetention, mail, threadCache, signupMode);
    }
}
