package org.parley.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parley.store.Database;
import org.parley.store.Portability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley export [--site S] --out FILE.ndjson}: everything, or one site, in Parley's NDJSON format. */
@Command(name = "export", description = "Export sites, stories, comments, accounts (without passwords) and the"
        + " moderation log as NDJSON.")
public final class ExportCommand implements Runnable {

    @Option(names = "--site", description = "Only this site (default: every site).")
    String site;

    @Option(names = "--out", required = true, description = "The file to write; it must not exist yet.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Override
    public void run() {
        if (Files.exists(out)) {
            throw new UsageException(out + " exists already; choose a new file");
        }
        try (Database opened = database.open();
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (site != null && new org.parley.site.SiteStore(opened.jdbi()).find(site).isEmpty()) {
                throw new UsageException("there is no site " + site);
            }
            ProgressBar progress = ProgressBar.onTerminal();
            Map<String, Integer> counts = new Portability(opened).export(site, writer, rows -> progress.update(rows, 0, "export"));
            progress.finish();
            System.out.println("Exported to " + out + ": " + summary(counts) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String summary(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((table, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                .append(table.replace('_', ' ')));
        return text.length() == 0 ? "nothing" : text.toString();
    }
}
