package org.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Backup and restore of the embedded SQLite database. A backup is {@code VACUUM INTO}: one transaction's consistent
 * snapshot, written while Parley keeps serving. A restore checks that the file is a Parley database, then copies it
 * over the database through SQLite's online backup API ({@code restore from}), so no half-written file is ever in
 * place; the next start applies any newer migrations.
 */
public final class SqliteBackup {

    private SqliteBackup() {
    }

    /** Writes a snapshot of the open database to {@code out}; answers its size in bytes. */
    public static long backup(Database database, Path out) {
        database.jdbi().useHandle(handle -> handle.execute("VACUUM INTO ?", out.toAbsolutePath().toString()));
        try {
            return Files.size(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the database in {@code dataDir} with the backup; answers how many comments it holds. */
    public static long restore(Path backup, Path dataDir) {
        long comments = checkIsParleyDatabase(backup);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection connection = DriverManager.getConnection(
                "jdbc:sqlite:" + dataDir.resolve("parley.db").toAbsolutePath());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("restore from '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
            return comments;
        } catch (SQLException e) {
            throw new IllegalStateException("could not restore " + backup + " (is Parley still running?): "
                    + e.getMessage(), e);
        }
    }

    private static long checkIsParleyDatabase(Path backup) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:"
                + backup.toAbsolutePath() + "?mode=ro");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM comments")) {
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalArgumentException(backup + " is not a Parley backup: " + e.getMessage());
        }
    }
}
