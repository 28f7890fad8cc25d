package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5, item 4: {@code parley import --format disqus|wordpress} prints a summary and is safe to run again. */
class ImportCommandTest {

    @TempDir
    Path folder;

    private Path data;

    @BeforeEach
    void createSite() {
        data = folder.resolve("data");
        ConsoleCapture.Run created = ConsoleCapture.run("", "site", "create", "--id", "daily", "--name",
                "The Daily Example", "--origin", "https://news.example", "--data", data.toString());
        assertThat(created.exitCode()).isZero();
    }

    private Path copy(String resource) throws IOException {
        Path file = folder.resolve(resource);
        try (InputStream in = getClass().getResourceAsStream("/imports/" + resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void importing_a_disqus_export_twice_prints_what_was_added_skipped_and_then_already_present() throws IOException {
        Path export = copy("disqus-export.xml");

        ConsoleCapture.Run first = ConsoleCapture.run("", "import", "--format", "disqus", "--site", "daily",
                "--data", data.toString(), export.toString());
        ConsoleCapture.Run second = ConsoleCapture.run("", "import", "--format", "disqus", "--site", "daily",
                "--data", data.toString(), export.toString());

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("added 6 comments, 0 already present").contains("created 4 accounts and 2"
                + " stories").contains("skipped 2.").contains("skipped 5007: its thread 7999")
                .contains("skipped 5008: it answers 4999, which is not in the file");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).contains("added 0 comments, 6 already present").contains("created 0 accounts");
        assertThat(first.err()).as("no progress lines for a quick import off a terminal").isEmpty();
    }

    @Test
    void a_wordpress_export_also_gives_its_past_moderation_as_site_model_examples() throws IOException {
        Path export = copy("wordpress-export.xml");
        Path examples = folder.resolve("examples.csv");

        ConsoleCapture.Run run = ConsoleCapture.run("", "import", "--format", "wordpress", "--site", "daily",
                "--data", data.toString(), "--examples", examples.toString(), export.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 approved and 2 rejected (spam or deleted)").contains("1 left out");
        List<String> lines = Files.readAllLines(examples);
        assertThat(lines.get(0)).isEqualTo("text,decision,category");
        assertThat(lines.subList(1, lines.size())).hasSize(4)
                .filteredOn(line -> line.endsWith(",approve,")).hasSize(2);
    }

    @Test
    void examples_are_refused_for_a_parley_export() throws IOException {
        Path export = Files.writeString(folder.resolve("export.ndjson"), "");

        ConsoleCapture.Run run = ConsoleCapture.run("", "import", "--format", "parley", "--examples",
                folder.resolve("x.csv").toString(), "--data", data.toString(), export.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--examples reads disqus and wordpress exports");
    }

    @Test
    void a_broken_file_exits_2_with_one_line_that_says_where() throws IOException {
        Path broken = folder.resolve("broken.xml");
        Files.writeString(broken, "<rss><channel><item><title>Cut off");

        ConsoleCapture.Run run = ConsoleCapture.run("", "import", "--format", "wordpress", "--site", "daily",
                "--data", data.toString(), broken.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("cannot import").contains("line 1");
    }

    @Test
    void a_comment_format_needs_a_site_and_an_existing_one() throws IOException {
        Path export = copy("wordpress-export.xml");

        assertThat(ConsoleCapture.run("", "import", "--format", "wordpress", "--data", data.toString(),
                export.toString()).err()).contains("needs --site");
        ConsoleCapture.Run unknown = ConsoleCapture.run("", "import", "--format", "wordpress", "--site", "nope",
                "--data", data.toString(), export.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("there is no site nope");
    }
}
