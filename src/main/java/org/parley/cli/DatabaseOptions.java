package org.parley.cli;

import java.nio.file.Path;
import org.parley.store.Database;
import picocli.CommandLine.Option;

/**
 * The options every command that opens the database shares: {@code --data} (also spelt {@code --parley-data}, the
 * only spelling {@code parley train} takes, as its {@code --data} names CSV files) and {@code --database}.
 */
public final class DatabaseOptions {

    @Option(names = {"--data", "--parley-data"}, paramLabel = "DIR",
            description = "Folder of the embedded SQLite database (default: $PARLEY_DATA, else ./parley-data).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL",
            description = "JDBC URL of the database, e.g. jdbc:postgresql://localhost/parley"
                    + " (default: $PARLEY_DATABASE_URL, else SQLite in --data).")
    String databaseUrl;

    /** The folder given by option, else {@code PARLEY_DATA}, else ./parley-data. */
    Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        String fromEnvironment = System.getenv("PARLEY_DATA");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "parley-data" : fromEnvironment);
    }

    /** The JDBC URL given by option or environment, or null for the embedded SQLite database. */
    String databaseUrl() {
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return databaseUrl;
        }
        String fromEnvironment = System.getenv("PARLEY_DATABASE_URL");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    static String user() {
        return System.getenv("PARLEY_DATABASE_USER");
    }

    static String password() {
        return System.getenv("PARLEY_DATABASE_PASSWORD");
    }

    /** Opens the database these options name and brings its schema up to date. */
    Database open() {
        String url = databaseUrl();
        try {
            return url == null ? Database.openSqlite(dataDir()) : Database.open(url, user(), password());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
