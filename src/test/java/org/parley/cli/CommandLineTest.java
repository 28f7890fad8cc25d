package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.store.Database;
import picocli.CommandLine;

class CommandLineTest {

    @TempDir
    Path folder;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        CommandLine commandLine = ParleyCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int status = commandLine.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
    }

    @Test
    void version_prints_the_parley_version() {
        Run run = run("", "version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("parley ");
    }

    @Test
    void an_unknown_command_exits_2_with_one_line_on_stderr() {
        Run run = run("", "frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("frobnicate");
    }

    @Test
    void admin_create_reads_the_password_from_stdin_and_migrates_the_database_itself() {
        Path data = folder.resolve("fresh");
        Run run = run("a strong admin password\n", "admin", "create", "--email", "Chief@Example.org",
                "--password-stdin", "--data", data.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("chief@example.org");
        try (Database database = Database.openSqlite(data)) {
            Accounts accounts = new Accounts(new AccountStore(database.jdbi()), Clock.systemUTC());
            assertThat(accounts.logIn("chief@example.org", "a strong admin password").account().role())
                    .isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void admin_create_with_a_short_password_exits_2() {
        Run run = run("short\n", "admin", "create", "--email", "chief@example.org", "--password-stdin",
                "--data", folder.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("at least 10 characters");
    }

    @Test
    void admin_create_without_its_required_options_exits_2() {
        assertThat(run("", "admin", "create").status()).isEqualTo(2);
    }

    @Test
    void site_create_normalizes_origins_and_site_list_shows_them() {
        Run created = run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin",
                "HTTPS://WWW.Example.org:443", "--origin", "http://localhost:3000", "--data", folder.toString());
        assertThat(created.status()).as(created.err()).isZero();
        Run listed = run("", "site", "list", "--data", folder.toString());
        assertThat(listed.out()).contains("daily\tThe Daily\thttps://www.example.org http://localhost:3000");
    }

    @Test
    void site_create_refuses_an_origin_with_a_path() {
        Run run = run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin",
                "https://www.example.org/news", "--data", folder.toString());
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void admin_moderator_assigns_a_site_to_an_existing_account() {
        run("", "site", "create", "--id", "daily", "--name", "The Daily", "--origin", "https://www.example.org",
                "--data", folder.toString());
        try (Database database = Database.openSqlite(folder)) {
            new Accounts(new AccountStore(database.jdbi()), Clock.systemUTC())
                    .create("mod@example.org", "a long enough password", "Mod", Role.READER);
        }
        Run run = run("", "admin", "moderator", "--email", "MOD@example.org", "--site", "daily", "--data",
                folder.toString());
        assertThat(run.status()).as(run.err()).isZero();
        try (Database database = Database.openSqlite(folder)) {
            assertThat(new org.parley.site.ModeratorAccess(database.jdbi()).assignedSites(
                    new Accounts(new AccountStore(database.jdbi()), Clock.systemUTC())
                            .logIn("mod@example.org", "a long enough password").account().id()))
                    .containsExactly("daily");
        }
        assertThat(run("", "admin", "moderator", "--email", "nobody@example.org", "--site", "daily", "--data",
                folder.toString()).status()).isEqualTo(2);
    }

    @Test
    void backup_then_restore_into_a_new_folder_keeps_every_comment() {
        Path live = folder.resolve("live");
        try (Database database = Database.openSqlite(live)) {
            var fixtures = new org.parley.testing.Fixtures(database);
            var reader = fixtures.reader();
            var story = fixtures.story();
            fixtures.submissions.post(reader, story, null, "A remark worth keeping through a restore.", false);
            fixtures.submissions.post(reader, story, null, "And a second one, also worth keeping.", false);
        }
        Path backup = folder.resolve("parley-backup.db");
        Run backedUp = run("", "backup", "--out", backup.toString(), "--data", live.toString());
        assertThat(backedUp.status()).as(backedUp.err()).isZero();
        assertThat(run("", "backup", "--out", backup.toString(), "--data", live.toString()).status()).isEqualTo(2);

        Path restored = folder.resolve("restored");
        Run run = run("", "restore", backup.toString(), "--data", restored.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 comments");
        try (Database database = Database.openSqlite(restored)) {
            java.util.List<String> bodies = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT body FROM comments ORDER BY body").mapTo(String.class).list());
            assertThat(bodies).containsExactly("A remark worth keeping through a restore.", "And a second one, also worth keeping.");
        }
        assertThat(run("", "restore", folder.resolve("nothing.db").toString(), "--data", restored.toString())
                .status()).isEqualTo(2);
    }

    @Test
    void export_then_import_into_another_folder_and_an_unknown_format_exits_2() {
        Path source = folder.resolve("source");
        try (Database database = Database.openSqlite(source)) {
            var fixtures = new org.parley.testing.Fixtures(database);
            fixtures.submissions.post(fixtures.reader(), fixtures.story(), null, "Worth carrying across.", false);
        }
        Path file = folder.resolve("export.ndjson");
        Run exported = run("", "export", "--site", "daily", "--out", file.toString(), "--data", source.toString());
        assertThat(exported.status()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("1 comments");

        Path target = folder.resolve("target");
        Run imported = run("", "import", file.toString(), "--data", target.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("added").contains("1 comments");
        assertThat(run("", "import", file.toString(), "--data", target.toString()).out())
                .contains("added nothing");
        assertThat(run("", "import", "--format", "myspace", file.toString(), "--data", target.toString()).status())
                .isEqualTo(2);
    }
}
