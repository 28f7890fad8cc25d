package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.comment.Comment;
import org.parley.problem.Problem;
import org.parley.comment.ReportReason;
import org.parley.comment.Reports;
import org.parley.comment.Respects;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;
import org.parley.testing.TestPostgres;

class PortabilityTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @TempDir
    Path folder;

    private Database another() {
        return TestDatabase.onPostgres()
                ? Database.open(TestPostgres.cluster().newDatabase(), TestPostgres.cluster().user(),
                        TestPostgres.cluster().password())
                : Database.openSqlite(folder);
    }

    private static List<String> rows(Database database, String sql) {
        return database.jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void an_export_imported_elsewhere_keeps_threads_reactions_and_the_log_and_a_second_import_adds_nothing() {
        Fixtures fixtures = new Fixtures(db.database());
        Account ada = fixtures.reader();
        Account ben = fixtures.reader();
        Story story = fixtures.story();
        Comment top = fixtures.submissions.post(ada, story, null, "The quotas need a drought clause.", false)
                .comment();
        fixtures.submissions.post(ben, story, top.id(), "Agreed, and a neutral chair too.", false);
        new Respects(fixtures.comments, java.time.Clock.systemUTC()).toggle(ben.id(), top.id());
        new Reports(fixtures.comments, java.time.Clock.systemUTC()).report(ben.id(), top.id(), ReportReason.OTHER,
                "Testing the export.");

        StringWriter export = new StringWriter();
        Map<String, Integer> exported = new Portability(db.database()).export(Fixtures.SITE, export);
        assertThat(exported).containsEntry("comments", 2).containsEntry("accounts", 2).containsEntry("respects", 1)
                .containsEntry("reports", 1).containsEntry("stories", 1);
        assertThat(export.toString()).doesNotContain("argon2");

        try (Database target = another()) {
            Portability.Summary first = new Portability(target).importFrom(
                    new BufferedReader(new StringReader(export.toString())));
            assertThat(first.added()).containsEntry("comments", 2).containsEntry("respects", 1);
            assertThat(rows(target, "SELECT body FROM comments ORDER BY depth"))
                    .containsExactly("The quotas need a drought clause.", "Agreed, and a neutral chair too.");
            assertThat(rows(target, "SELECT CAST(respect_count AS TEXT) FROM comments WHERE depth = 0"))
                    .containsExactly("1");
            assertThat(rows(target, "SELECT action FROM moderation_log")).contains("published");

            Portability.Summary second = new Portability(target).importFrom(
                    new BufferedReader(new StringReader(export.toString())));
            assertThat(second.added()).isEmpty();
            assertThat(second.skipped()).containsEntry("comments", 2);
        }
    }

    /** Review follow-up: both ways accounts come in by import carry the one no-password marker, until a reset. */
    @Test
    void accounts_that_come_in_by_import_sign_in_only_after_a_password_reset() {
        Fixtures fixtures = new Fixtures(db.database());
        Account ada = fixtures.reader();
        fixtures.submissions.post(ada, fixtures.story(), null, "Exported with its author.", false);
        StringWriter export = new StringWriter();
        new Portability(db.database()).export(Fixtures.SITE, export);

        try (Database target = another()) {
            new Portability(target).importFrom(new BufferedReader(new StringReader(export.toString())));
            target.jdbi().useTransaction(handle -> AccountStore.findOrInsertWithoutPassword(handle,
                    "author@imported.example", "Imported Author", Instant.now()));
            assertThat(rows(target, "SELECT DISTINCT password_hash FROM accounts"))
                    .containsExactly(Portability.NO_PASSWORD);

            Accounts accounts = new Accounts(new AccountStore(target.jdbi()), Clock.systemUTC());
            for (String email : List.of(ada.email(), "author@imported.example")) {
                assertThatThrownBy(() -> accounts.logIn(email, "correct horse battery")).as(email)
                        .isInstanceOf(Problem.class);
                assertThatThrownBy(() -> accounts.logIn(email, Portability.NO_PASSWORD)).as(email)
                        .isInstanceOf(Problem.class);
                String accountId = accounts.findForReset(email).orElseThrow().account().id();
                assertThat(accounts.resetPassword(accountId, Portability.NO_PASSWORD, "a fresh long password"))
                        .isTrue();
                assertThat(accounts.logIn(email, "a fresh long password").account().id()).isEqualTo(accountId);
            }
        }
    }

    @Test
    void notices_appeals_and_what_a_decision_rests_on_travel_with_a_sites_export() {
        Fixtures fixtures = new Fixtures(db.database());
        Account notifier = fixtures.reader();
        Comment comment = fixtures.comment(fixtures.reader(), fixtures.story());
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        db.database().jdbi().useHandle(handle -> {
            new org.parley.notice.NoticeStore(db.database().jdbi()).insert(handle, new org.parley.notice.Notice(
                    "notice-1", Fixtures.SITE, comment.id(), org.parley.notice.NoticeCategory.DEFAMATION,
                    "It names a baker as a thief.", notifier.id(), "Nora", "nora@news.example",
                    org.parley.notice.NoticeStatus.OPEN, null, null, null, at));
            handle.createUpdate("""
                            INSERT INTO appeals (id, site_id, comment_id, notice_id, reason, contested_action, status,
                                created_at)
                            VALUES ('appeal-1', :site, :comment, 'notice-1', 'The notice was right.',
                                'notice_dismissed', 'open', 0)""")
                    .bind("site", Fixtures.SITE).bind("comment", comment.id()).execute();
            org.parley.moderation.ModerationStore.log(handle, new org.parley.moderation.ModerationStore.LogEntry(
                    Fixtures.SITE, comment.id(), comment.authorId(), null, "held", "civility.rude", null, null, at),
                    new org.parley.moderation.ModerationStore.Basis("guidelines", "rude",
                            "[{\"category\":\"rude\",\"text\":\"thief\"}]"));
        });

        StringWriter export = new StringWriter();
        Map<String, Integer> exported = new Portability(db.database()).export(Fixtures.SITE, export);
        assertThat(exported).containsEntry("notices", 1).containsEntry("appeals", 1).containsEntry("accounts", 2);

        try (Database target = another()) {
            new Portability(target).importFrom(new BufferedReader(new StringReader(export.toString())));
            assertThat(rows(target, "SELECT notifier_name || ' ' || category || ' ' || CAST(good_faith AS TEXT)"
                    + " FROM notices")).containsExactly("Nora defamation 1");
            assertThat(rows(target, "SELECT reason || ' ' || notice_id FROM appeals"))
                    .containsExactly("The notice was right. notice-1");
            assertThat(rows(target, "SELECT ground || ' ' || category || ' ' || facts FROM moderation_log"
                    + " WHERE ground IS NOT NULL")).containsExactly("guidelines rude [{\"category\":\"rude\","
                    + "\"text\":\"thief\"}]");
        }
    }
}
