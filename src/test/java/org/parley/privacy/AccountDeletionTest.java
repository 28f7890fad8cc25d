package org.parley.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.CommentStatus;
import org.parley.problem.Problem;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/** Deleting accounts on a real database: the last-admin rule, and what stays of a moderator. */
class AccountDeletionTest {

    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    private AccountDeletion deletion(Fixtures fixtures) {
        return new AccountDeletion(database.database().jdbi(), fixtures.comments, fixtures.sites,
                java.time.Clock.systemUTC());
    }

    @Test
    void the_last_admin_cannot_delete_their_account_while_one_of_two_can() {
        Fixtures fixtures = new Fixtures(database.database());
        Account first = fixtures.accounts.create("first@news.example", "correct horse battery", "First", Role.ADMIN);
        AccountDeletion deletion = deletion(fixtures);

        assertThatThrownBy(() -> deletion.delete(first)).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.code()).isEqualTo("last_admin"));
        assertThat(fixtures.accounts.findAccount(first.id()).orElseThrow().email()).isEqualTo("first@news.example");

        Account second = fixtures.accounts.create("second@news.example", "correct horse battery", "Second",
                Role.ADMIN);
        deletion.delete(first);

        assertThat(fixtures.accounts.findAccount(first.id()).orElseThrow().role()).isEqualTo(Role.READER);
        assertThatThrownBy(() -> deletion.delete(second)).isInstanceOf(Problem.class);
    }

    @Test
    void a_deleted_readers_pending_comment_stays_pending_under_the_anonymous_name() {
        Fixtures fixtures = new Fixtures(database.database());
        Account reader = fixtures.reader();
        fixtures.sites.saveSettings(Fixtures.SITE, org.parley.site.SiteSettings.of(
                java.util.Map.of("premoderation", true)));
        var outcome = fixtures.submissions.post(reader, fixtures.story(), null, "Held for a moderator first.", false);

        deletion(fixtures).delete(reader);

        var comment = fixtures.comments.find(outcome.comment().id()).orElseThrow();
        assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(comment.authorName()).isEqualTo(AccountDeletion.DELETED_NAME);
        assertThatThrownBy(() -> fixtures.accounts.logIn(reader.email(), "correct horse battery"))
                .isInstanceOf(Problem.class);
    }

    @Test
    void a_deleted_readers_appeal_stays_for_the_record_without_the_reason_they_wrote() {
        Fixtures fixtures = new Fixtures(database.database());
        Account reader = fixtures.reader();
        var comment = fixtures.comment(reader, fixtures.story());
        var jdbi = database.database().jdbi();
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO appeals (id, site_id, comment_id, appellant_id, reason, contested_action, status,
                            created_at)
                        VALUES ('appeal-1', :site, :comment, :reader, 'My neighbour Ada can confirm it.', 'rejected',
                            'upheld', 0)""")
                .bind("site", Fixtures.SITE).bind("comment", comment.id()).bind("reader", reader.id()).execute());

        deletion(fixtures).delete(reader);

        String appeal = jdbi.withHandle(handle -> handle.createQuery("SELECT reason || '/' || status FROM appeals")
                .mapTo(String.class).one());
        assertThat(appeal).isEqualTo(org.parley.appeal.AppealStore.ERASED_REASON + "/upheld");
    }
}
