package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.site.SiteSettings;
import org.parley.store.Database;
import org.parley.testing.Fixtures;

/** {@code parley report transparency}: the report of a site as JSON or CSV on standard output, and its errors. */
class ReportCommandTest {

    @TempDir
    Path folder;

    private ConsoleCapture.Run run(String... args) {
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = folder.toString();
        return ConsoleCapture.run("", withData);
    }

    @Test
    void the_transparency_report_counts_a_rejection_in_json_and_in_csv() {
        try (Database database = Database.openSqlite(folder)) {
            Fixtures fixtures = new Fixtures(database, Clock.systemUTC());
            fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("bannedWords", List.of("grifter"))));
            fixtures.submissions.post(fixtures.reader(), fixtures.story(), null, "Only a grifter says so.", true);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        ConsoleCapture.Run json = run("report", "transparency", "--site", Fixtures.SITE);
        ConsoleCapture.Run csv = run("report", "transparency", "--site", Fixtures.SITE, "--from", today, "--to",
                today, "--format", "csv");

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"site\" : \"daily\"").contains("\"rejected\" : 1")
                .contains("\"to\" : \"" + today + "\"");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("section,item,value").contains("actions,total,1")
                .contains("actions_by_type,rejected,1");
    }

    @Test
    void an_unknown_site_or_a_bad_date_is_a_usage_error() {
        try (Database database = Database.openSqlite(folder)) {
            new Fixtures(database, Clock.systemUTC());
        }
        ConsoleCapture.Run noSite = run("report", "transparency", "--site", "nowhere");
        ConsoleCapture.Run badDate = run("report", "transparency", "--site", Fixtures.SITE, "--from", "last week");
        ConsoleCapture.Run badFormat = run("report", "transparency", "--site", Fixtures.SITE, "--format", "pdf");

        assertThat(noSite.exitCode()).isEqualTo(2);
        assertThat(noSite.err()).contains("there is no site nowhere");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("YYYY-MM-DD");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("--format");
    }
}
