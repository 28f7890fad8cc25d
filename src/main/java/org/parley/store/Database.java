package org.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Parley's database: a connection pool, a Jdbi on top of it, and the schema brought up to date by Flyway when
 * it opens. Thread-safe; open one per process and close it on the way out.
 */
public final class Database implements AutoCloseable {

    /** How long a request waits for a pooled connection before it gives up. */
    public static final long CONNECTION_TIMEOUT_MILLIS = 3000;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Flyway flyway;
    private final GroupCommit groupCommit;

    private Database(HikariDataSource dataSource, Dialect dialect, Flyway flyway) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.flyway = flyway;
        this.jdbi = Jdbi.create(dataSource);
        if (dialect == Dialect.SQLITE) {
            jdbi.setTransactionHandler(new SingleWriter(jdbi.getTransactionHandler()));
        }
        this.groupCommit = dialect == Dialect.SQLITE ? GroupCommit.batching(jdbi) : GroupCommit.direct(jdbi);
    }

    /** Opens the embedded default: SQLite in {@code dataDir/parley.db}, creating the folder if needed. */
    public static Database openSqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
        return open("jdbc:sqlite:" + dataDir.resolve("parley.db").toAbsolutePath(), null, null);
    }

    /** Opens the database at a JDBC URL (user and password may be null) and applies pending migrations. */
    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("parley");
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(dialect.poolSize());
        // A request waits at most this long for a connection, then answers 503 (api/DatabaseOutage) instead of
        // hanging for HikariCP's default 30 seconds while the database is down or restarting.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1000);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("journal_mode", "WAL");
            // WAL with synchronous=NORMAL: a commit is in the WAL file when it returns, so a process that dies
            // (even by SIGKILL) loses nothing acknowledged; only a power cut or kernel crash may lose the last
            // commits since the WAL was last synced. FULL would sync every commit. docs/deploy.md says why.
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .load();
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, dialect, flyway);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * True when the database answers within a second and its schema is as new as this build's migrations (another
     * instance may have been upgraded and migrated past us, or a migration may have failed).
     */
    public boolean isHealthy() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1) && flyway.info().pending().length == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Where writes made on every request go to be committed together (on SQLite; see {@link GroupCommit}). */
    public GroupCommit groupCommit() {
        return groupCommit;
    }

    /** The pool, for metrics. */
    public HikariDataSource pool() {
        return dataSource;
    }

    @Override
    public void close() {
        groupCommit.close();
        dataSource.close();
    }
}
