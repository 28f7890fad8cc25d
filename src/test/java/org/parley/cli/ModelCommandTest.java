package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.store.Database;
import org.parley.testing.SiteDecisions;

/** {@code parley train --from-decisions} and {@code parley model …} on an embedded database the test fills. */
class ModelCommandTest {

    @Test
    void trains_from_decisions_then_lists_activates_and_rolls_back(@TempDir Path dir) {
        try (Database database = Database.openSqlite(dir)) {
            new SiteDecisions(database).decideMany(4);
        }
        String folder = dir.toString();

        ConsoleCapture.Run train = ConsoleCapture.run("", "train", "--from-decisions", "--site", "daily",
                "--parley-data", folder, "--min-examples", "20");
        String version = train.out().replaceAll("(?s).*trained model (\\S+).*", "$1");
        ConsoleCapture.Run listed = ConsoleCapture.run("", "model", "list", "--site", "daily", "--data", folder);
        ConsoleCapture.Run activated = ConsoleCapture.run("", "model", "activate", "--site", "daily", "--version",
                version, "--parley-data", folder);
        ConsoleCapture.Run listedActive = ConsoleCapture.run("", "model", "list", "--site", "daily", "--data", folder);
        ConsoleCapture.Run rolledBack = ConsoleCapture.run("", "model", "rollback", "--site", "daily", "--data",
                folder);

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("held-back examples").contains("uncivil").contains("not active");
        assertThat(listed.out()).contains(" " + version).doesNotContain("* " + version);
        assertThat(activated.exitCode()).as(activated.err()).isZero();
        assertThat(listedActive.out()).contains("* " + version);
        assertThat(rolledBack.out()).contains("now uses the shipped model");
    }

    @Test
    void trains_from_an_archive_file_scores_with_it_and_imports_it_inactive(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("text,decision,category\n");
        for (int round = 0; round < 4; round++) {
            for (String text : SiteDecisions.CIVIL) {
                csv.append('"').append(text).append(" (").append(round).append(")\",approve,\n");
            }
            for (String text : SiteDecisions.DRIVEL) {
                csv.append('"').append(text).append(" (").append(round).append(")\",reject,rude\n");
            }
        }
        Path examples = Files.writeString(dir.resolve("archive.csv"), csv);
        Path model = dir.resolve("site.bin");
        Path data = dir.resolve("db");
        try (Database database = Database.openSqlite(data)) {
            new SiteDecisions(database);
        }

        ConsoleCapture.Run train = ConsoleCapture.run("", "train", "--site-examples", examples.toString(), "--out",
                model.toString());
        ConsoleCapture.Run scored = ConsoleCapture.run("""
                {"id": 1, "text": "Utter drivel about the library hours."}
                {"id": 2, "text": "Utter drivel about the library hours."}
                """, "classify", "--model", model.toString());
        ConsoleCapture.Run shipped = ConsoleCapture.run("{\"id\": 1, \"text\": \"Utter drivel about the library"
                + " hours.\"}\n", "classify");
        ConsoleCapture.Run imported = ConsoleCapture.run("", "model", "import", "--site", "daily", model.toString(),
                "--data", data.toString());
        ConsoleCapture.Run listed = ConsoleCapture.run("", "model", "list", "--site", "daily", "--data",
                data.toString());

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("trained site model").contains("held-back examples").contains("rude");
        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(rude(scored.out())).isGreaterThan(0.5).isGreaterThan(rude(shipped.out()));
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        String version = imported.out().replaceAll("(?s).*stored model (\\S+).*", "$1");
        assertThat(listed.out()).contains(" " + version).doesNotContain("* " + version);
    }

    @Test
    void exits_with_2_for_a_bad_decision_in_an_archive_file(@TempDir Path dir) throws Exception {
        Path examples = Files.writeString(dir.resolve("archive.csv"), "text,decision,category\nFine.,maybe,\n");

        ConsoleCapture.Run train = ConsoleCapture.run("", "train", "--site-examples", examples.toString(), "--out",
                dir.resolve("site.bin").toString());

        assertThat(train.exitCode()).isEqualTo(2);
        assertThat(train.err()).contains("line 2").contains("approve or reject");
    }

    @Test
    void refuses_to_import_a_full_model_as_a_site_model(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("db");
        try (Database database = Database.openSqlite(data)) {
            new SiteDecisions(database);
        }
        Path full = dir.resolve("full.bin");
        org.parley.classifier.Classifier.loadDefault().save(full);

        ConsoleCapture.Run imported = ConsoleCapture.run("", "model", "import", "--site", "daily", full.toString(),
                "--data", data.toString());

        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).contains("site model");
    }

    private static double rude(String out) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.lines().findFirst().orElseThrow())
                .get("scores").get("rude").asDouble();
    }

    @Test
    void exits_with_2_when_the_site_has_too_few_decisions(@TempDir Path dir) {
        try (Database database = Database.openSqlite(dir)) {
            new SiteDecisions(database).decideMany(1);
        }

        ConsoleCapture.Run train = ConsoleCapture.run("", "train", "--from-decisions", "--site", "daily",
                "--parley-data", dir.toString());

        assertThat(train.exitCode()).isEqualTo(2);
        assertThat(train.err()).contains("usable decisions");
    }

    @Test
    void exits_with_2_for_from_decisions_without_a_site() {
        ConsoleCapture.Run train = ConsoleCapture.run("", "train", "--from-decisions");

        assertThat(train.exitCode()).isEqualTo(2);
        assertThat(train.err()).contains("--site");
    }
}
