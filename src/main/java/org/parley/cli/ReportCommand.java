package org.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.util.Map;
import org.parley.api.Json;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;
import org.parley.store.Database;
import org.parley.transparency.Period;
import org.parley.transparency.ReportCsv;
import org.parley.transparency.TransparencyReport;
import org.parley.transparency.TransparencyReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley report}: reports made from the database; for now the transparency report of the DSA. */
@Command(name = "report", description = "Reports made from the database.",
        subcommands = {ReportCommand.Transparency.class})
public final class ReportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a sub-command: transparency.");
    }

    /** {@code parley report transparency --site S [--from D] [--to D] [--format csv|json]}, to standard output. */
    @Command(name = "transparency", description = "The transparency report of a site (Digital Services Act,"
            + " Art. 15 and 24): notices, actions, appeals and the automated means' overturn rate.")
    static final class Transparency implements Runnable {

        enum Format { csv, json }

        @Option(names = "--site", required = true, description = "The site reported on.")
        String site;

        @Option(names = "--from", description = "The first day, YYYY-MM-DD (default: 181 days before --to).")
        String from;

        @Option(names = "--to", description = "The last day, included, YYYY-MM-DD (default: today, UTC).")
        String to;

        @Option(names = "--format", defaultValue = "json",
                description = "csv (one figure per row) or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        DatabaseOptions database;

        @Override
        public void run() {
            Period period;
            try {
                period = Period.of(from, to, Clock.systemUTC());
            } catch (Problem problem) {
                throw new UsageException(problem.getMessage());
            }
            try (Database opened = database.open()) {
                if (new SiteStore(opened.jdbi()).find(site).isEmpty()) {
                    throw new UsageException("there is no site " + site);
                }
                TransparencyReport report = new TransparencyReports(opened.jdbi(), Clock.systemUTC())
                        .report(site, period);
                System.out.print(format == Format.csv ? ReportCsv.of(report) : json(report));
            }
        }

        private static String json(TransparencyReport report) {
            try {
                return Json.mapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(Map.of("report", report)) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
