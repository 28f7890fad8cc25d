package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.store.SqliteBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley restore FILE}: replaces the embedded database with a backup; stop Parley first. */
@Command(name = "restore", description = "Replace the SQLite database in --data with a backup (stop Parley first).")
public final class RestoreCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by 'parley backup'.")
    Path backup;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded database (default: ./parley-data).")
    Path dataDir = Path.of("parley-data");

    @Override
    public void run() {
        if (!Files.isRegularFile(backup)) {
            throw new UsageException("there is no backup file " + backup);
        }
        try {
            long comments = SqliteBackup.restore(backup, dataDir);
            System.out.printf("Restored %s into %s (%,d comments).%n", backup, dataDir, comments);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
