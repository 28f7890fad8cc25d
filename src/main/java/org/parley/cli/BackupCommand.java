package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.store.Database;
import org.parley.store.Dialect;
import org.parley.store.SqliteBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley backup --out FILE}: a consistent copy of the embedded database, safe while Parley serves. Progress
 * is the size of the copy so far against the database's, read from the file as SQLite writes it.
 */
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
            long databaseBytes = opened.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
                    .mapTo(Long.class).one());
            ProgressBar progress = ProgressBar.onTerminal();
            ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
            watcher.scheduleAtFixedRate(() -> progress.update(sizeOf(out), databaseBytes, "backup"), 200, 200,
                    TimeUnit.MILLISECONDS);
            long bytes;
            try {
                bytes = SqliteBackup.backup(opened, out);
            } finally {
                watcher.shutdownNow();
                awaitQuietly(watcher);
                progress.finish();
            }
            System.out.printf("Backed up %s to %s (%,d bytes).%n", database.dataDir(), out, bytes);
        }
    }

    private static void awaitQuietly(ScheduledExecutorService watcher) {
        try {
            watcher.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
