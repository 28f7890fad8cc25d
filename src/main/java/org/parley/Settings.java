package org.parley;

import java.nio.file.Path;
import org.parley.comment.CommentRules;

/**
 * How one Parley server runs: where it listens, where its data lives, what it calls itself, and the publisher's
 * rules for comments.
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
        CommentRules rules) {

    /** The embedded default on a port, with data in {@code dataDir}. */
    public static Settings embedded(int port, Path dataDir) {
        return new Settings("0.0.0.0", port, dataDir, null, null, null, null, true, false, CommentRules.defaults());
    }

    public Settings withRateLimits(boolean enabled) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, enabled,
                trustProxy, rules);
    }

    /** The same settings behind (or not behind) a proxy whose X-Forwarded-For and X-Forwarded-Proto are trusted. */
    public Settings withTrustProxy(boolean trusted) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trusted, rules);
    }

    public Settings withRules(CommentRules newRules) {
        return new Settings(host, port, dataDir, databaseUrl, databaseUser, databasePassword, publicUrl, rateLimits,
                trustProxy, newRules);
    }
}
