package org.parley.store;

/**
 * The databases Parley runs on, and what differs between them.
 *
 * <p>Design note: the SQL in the stores is written once, in the subset both databases understand: text ids,
 * times as epoch milliseconds in BIGINT columns, flags as SMALLINT 0/1, {@code INSERT … ON CONFLICT DO NOTHING},
 * {@code LIMIT}. What cannot be shared is named here: the migration folder (each database has its own schema
 * script, as PetClinic keeps one per database), the pool size (SQLite has one writer at a time, so a large pool
 * only queues on its lock; one of its connections stays with the {@link GroupCommit} writer) and the connection settings that make SQLite fit for a server (WAL, a busy timeout,
 * foreign keys, immediate write transactions so that two writers never dead-lock on a lock upgrade).
 */
public enum Dialect {
    SQLITE("db/sqlite", 6),
    POSTGRESQL("db/postgresql", 10);

    private final String migrations;
    private final int poolSize;

    Dialect(String migrations, int poolSize) {
        this.migrations = migrations;
        this.poolSize = poolSize;
    }

    /** The dialect of a JDBC URL, or an IllegalArgumentException naming the URLs Parley understands. */
    public static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB): " + jdbcUrl);
    }

    /** The classpath folder of this database's Flyway migrations. */
    public String migrations() {
        return "classpath:" + migrations;
    }

    public int poolSize() {
        return poolSize;
    }
}
