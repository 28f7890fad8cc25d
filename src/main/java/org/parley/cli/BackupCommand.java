package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.store.Database;
import org.parley.store.Dialect;
import org.parley.store.SqliteBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley backup --out FILE}: a consistent copy of the embedded database, safe while Parley serves. */
@Command(name = "backup", description = "Write a consistent copy of the SQLite database, even while serving.")
public final class BackupCommand implements Runnable {

    @Option(names = "--out", required = true, description = "The file to write; it must not exist yet.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Override
    public void run() {
        if (Files.exists(out)) {
            throw new UsageException(out + " exists already; choose a new file");
        }
        try (Database opened = database.open()) {
            if (opened.dialect() != Dialect.SQLITE) {
                throw new UsageException("on PostgreSQL, back up with pg_dump (see docs/deploy.md)");
            }
            long bytes = SqliteBackup.backup(opened, out);
            System.out.printf("Backed up %s to %s (%,d bytes).%n", database.dataDir(), out, bytes);
        }
    }
}
