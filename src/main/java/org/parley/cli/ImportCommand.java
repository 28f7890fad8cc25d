package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.parley.imports.CommentImport;
import org.parley.imports.ImportedExamples;
import org.parley.imports.ImportSummary;
import org.parley.imports.UnreadableExport;
import org.parley.store.Database;
import org.parley.store.Portability;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley import --format parley|disqus|wordpress [--site S] [--examples CSV] FILE}: adds what an export
 * holds and this database lacks; running it again adds nothing. With {@code --examples} a Disqus or WordPress
 * export's past moderation is also written as site-model examples ({@link ImportedExamples}). Progress shows on stderr; a summary (counts, skipped rows and
 * why) ends on stdout.
 */
@Command(name = "import", description = "Import a Parley NDJSON export, a Disqus XML export or a WordPress WXR"
        + " file; re-running it adds nothing.")
public final class ImportCommand implements Runnable {

    /** Skipped rows listed one per line in the summary; beyond this, a count. */
    static final int SKIPPED_LISTED = 100;

    @Option(names = "--format", defaultValue = "parley", description = "The export's format: parley, disqus or"
            + " wordpress (default: parley).")
    String format;

    @Option(names = "--site", description = "The site that takes the comments (disqus and wordpress).")
    String site;

    @Parameters(index = "0", paramLabel = "FILE", description = "The export to read.")
    Path file;

    @Option(names = "--examples", paramLabel = "CSV", description = "Also write the export's past moderation as"
            + " site-model examples (text,decision,category: published comments approve, spam and deleted ones"
            + " reject) for train --site-examples (disqus and wordpress).")
    Path examples;

    @Mixin
    DatabaseOptions database;

    @Override
    public void run() {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("there is no file " + file);
        }
        if (examples != null && format.equals("parley")) {
            throw new UsageException("--examples reads disqus and wordpress exports");
        }
        switch (format) {
            case "parley" -> importParley();
            case "disqus" -> importComments(CommentImport.Format.DISQUS);
            case "wordpress" -> importComments(CommentImport.Format.WORDPRESS);
            default -> throw new UsageException("--format " + format + " is not supported; choose parley, disqus"
                    + " or wordpress");
        }
    }

    private void importParley() {
        try (Database opened = database.open();
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ProgressBar progress = ProgressBar.onTerminal();
            Portability.Summary summary = new Portability(opened).importFrom(reader, lines -> progress.update(lines, 0, "import"));
            progress.finish();
            System.out.println("Imported " + file + ": added " + ExportCommand.summary(summary.added())
                    + "; already present, skipped " + ExportCommand.summary(summary.skipped()) + ".");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void importComments(CommentImport.Format from) {
        if (site == null || site.isBlank()) {
            throw new UsageException("--format " + format + " needs --site, the site that takes the comments");
        }
        try (Database opened = database.open(); InputStream in = Files.newInputStream(file)) {
            ProgressBar progress = ProgressBar.onTerminal();
            ImportSummary summary = new CommentImport(opened.jdbi(), Clock.systemUTC()).run(from, site, in, progress);
            progress.finish();
            print(summary, System.out);
            if (examples != null) {
                writeExamples(from);
            }
        } catch (UnreadableExport | IllegalArgumentException e) {
            throw new UsageException("cannot import " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeExamples(CommentImport.Format from) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             java.io.Writer out = Files.newBufferedWriter(examples, StandardCharsets.UTF_8)) {
            ImportedExamples.Written written = ImportedExamples.write(from, in, out);
            System.out.printf("Wrote %s: %,d approved and %,d rejected (spam or deleted) comments as examples; %,d"
                    + " left out (waiting or empty). Train a site model: parley train --site-examples %s --out"
                    + " FILE%n", examples, written.approved(), written.rejected(), written.leftOut(), examples);
        }
    }

    private void print(ImportSummary summary, PrintStream out) {
        out.printf("Imported %s into site %s: added %,d comments, %,d already present; created %,d accounts and %,d"
                        + " stories; skipped %,d.%n", file, site, summary.added(), summary.alreadyPresent(),
                summary.accountsCreated(), summary.storiesCreated(), summary.skipped().size());
        List<ImportSummary.Skipped> skipped = summary.skipped();
        skipped.stream().limit(SKIPPED_LISTED).forEach(row ->
                out.println("  skipped " + row.sourceId() + ": " + row.reason()));
        if (skipped.size() > SKIPPED_LISTED) {
            out.printf("  … and %,d more skipped%n", skipped.size() - SKIPPED_LISTED);
        }
    }
}
