package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.store.Database;
import org.parley.store.Portability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley import --format parley FILE}: adds what an export holds and this database lacks; running it again
 * adds nothing. Only Parley's own format is read so far.
 */
@Command(name = "import", description = "Import a Parley NDJSON export; re-running it adds nothing.")
public final class ImportCommand implements Runnable {

    @Option(names = "--format", defaultValue = "parley", description = "The export's format: parley.")
    String format;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export to read.")
    Path file;

    @Mixin
    DatabaseOptions database;

    @Override
    public void run() {
        if (!"parley".equals(format)) {
            throw new UsageException("--format " + format + " is not supported; this version reads Parley's own"
                    + " exports (--format parley)");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("there is no file " + file);
        }
        try (Database opened = database.open();
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Portability.Summary summary = new Portability(opened).importFrom(reader);
            System.out.println("Imported " + file + ": added " + ExportCommand.summary(summary.added())
                    + "; already present, skipped " + ExportCommand.summary(summary.skipped()) + ".");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
