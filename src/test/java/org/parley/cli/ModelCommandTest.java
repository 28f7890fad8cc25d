package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
                "--parley-data", folder, "--min-examples", "20", "--bits", "14", "--epochs", "8");
        String version = train.out().replaceAll("(?s).*trained model (\\S+).*", "$1");
        ConsoleCapture.Run listed = ConsoleCapture.run("", "model", "list", "--site", "daily", "--data", folder);
        ConsoleCapture.Run activated = ConsoleCapture.run("", "model", "activate", "--site", "daily", "--version",
                version, "--parley-data", folder);
        ConsoleCapture.Run listedActive = ConsoleCapture.run("", "model", "list", "--site", "daily", "--data", folder);
        ConsoleCapture.Run rolledBack = ConsoleCapture.run("", "model", "rollback", "--site", "daily", "--data",
                folder);

        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("held-back decisions").contains("uncivil").contains("not active");
        assertThat(listed.out()).contains(" " + version).doesNotContain("* " + version);
        assertThat(activated.exitCode()).as(activated.err()).isZero();
        assertThat(listedActive.out()).contains("* " + version);
        assertThat(rolledBack.out()).contains("now uses the shipped model");
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
