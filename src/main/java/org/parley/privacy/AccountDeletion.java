package org.parley.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.parley.appeal.AppealStore;
import org.parley.notice.NoticeStore;
import org.parley.oidc.OidcStore;
import org.parley.account.Account;
import org.parley.account.Passwords;
import org.parley.account.Role;
import org.parley.comment.CommentStore;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;
import org.parley.store.Ids;

/**
 * A reader deleting their own account ({@code DELETE /api/v1/me}). In one transaction: each comment follows its
 * site's {@code deletedAccountComments} policy (remove: out of the thread, body and revisions erased; anonymize:
 * kept under "deleted user"); sessions, API tokens, moderator assignments and address hashes go; the account row
 * stays only as an anonymous anchor for what remains (no e-mail, no name, a password nobody knows, marked deleted).
 * Respects, reports and disagreements stay attached to that anonymous row, so counts and queues stay true; the
 * notices of illegal content it sent stay too, without the name and e-mail it gave (NoticeStore), and so do its
 * appeals, without the reasons it wrote (AppealStore). Its OpenID identities go (OidcStore), so the provider's
 * account signs in afresh as a new reader. Its mutes (and others' mutes of it), followed threads, last looks at
 * replies, profile setting and staff badges go (community stores).
 * The last admin cannot delete themselves (409 {@code last_admin}). Thread-safe.
 */
public final class AccountDeletion {

    /** The name shown for a deleted account's remaining comments. */
    public static final String DELETED_NAME = "deleted user";

    private final Jdbi jdbi;
    private final CommentStore comments;
    private final SiteStore sites;
    private final Clock clock;

    public AccountDeletion(Jdbi jdbi, CommentStore comments, SiteStore sites, Clock clock) {
        this.jdbi = jdbi;
        this.comments = comments;
        this.sites = sites;
        this.clock = clock;
    }

    public void delete(Account account) {
        Instant now = clock.instant();
        Set<String> removing = new HashSet<>();
        for (String site : jdbi.withHandle(handle -> handle.createQuery("SELECT DISTINCT s.site_id FROM comments c"
                        + " JOIN stories s ON s.id = c.story_id WHERE c.author_id = :id")
                .bind("id", account.id())
                .mapTo(String.class)
                .list())) {
            if (sites.settings(site).removesDeletedAccountComments()) {
                removing.add(site);
            }
        }
        String unusable = Passwords.hash(Ids.random(32));
        jdbi.useTransaction(handle -> {
            if (account.role() == Role.ADMIN && handle.createQuery("SELECT COUNT(*) FROM accounts"
                            + " WHERE role = 'admin' AND id <> :id")
                    .bind("id", account.id())
                    .mapTo(Long.class)
                    .one() == 0) {
                throw Problem.conflict("last_admin", "You are the only admin. Create another admin"
                        + " (parley admin create) before deleting your account.");
            }
            handle.createUpdate("""
                            UPDATE accounts SET email = :email, display_name = :name, password_hash = :unusable,
                                role = 'reader', banned_until = NULL, ban_reason = NULL, warning = NULL,
                                deleted_at = :now
                            WHERE id = :id""")
                    .bind("email", "deleted-" + account.id() + "@deleted.invalid")
                    .bind("name", DELETED_NAME)
                    .bind("unusable", unusable)
                    .bind("now", now.toEpochMilli())
                    .bind("id", account.id())
                    .execute();
            comments.anonymizeAuthor(handle, account.id(), removing);
            NoticeStore.eraseNotifier(handle, account.id());
            AppealStore.eraseAppellant(handle, account.id());
            OidcStore.forget(handle, account.id());
            org.parley.community.MuteStore.forget(handle, account.id());
            org.parley.community.FollowStore.forget(handle, account.id());
            org.parley.community.VisitStore.forget(handle, account.id());
            org.parley.community.ProfileStore.forget(handle, account.id());
            org.parley.community.BadgeStore.forget(handle, account.id());
            for (String table : List.of("sessions", "api_tokens", "moderator_sites", "client_addresses")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE account_id = :id")
                        .bind("id", account.id())
                        .execute();
            }
        });
    }
}
