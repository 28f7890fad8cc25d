package org.parley.moderation;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.problem.Problem;

/**
 * Who may moderate where: admins every site, moderators the sites assigned to them, readers none. Thread-safe.
 */
public final class ModeratorAccess {

    private final Jdbi jdbi;

    public ModeratorAccess(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Throws 403 unless the account may moderate the site. */
    public void require(Account account, String siteId) {
        if (!mayModerate(account, siteId)) {
            throw Problem.forbidden("not_moderator", "You do not moderate the site '" + siteId + "'.");
        }
    }

    /** Throws 403 unless the account is an admin. */
    public void requireAdmin(Account account) {
        if (account.role() != Role.ADMIN) {
            throw Problem.forbidden("not_admin", "Only an admin can do this.");
        }
    }

    public boolean mayModerate(Account account, String siteId) {
        return switch (account.role()) {
            case ADMIN -> true;
            case MODERATOR -> assignedSites(account.id()).contains(siteId);
            case READER -> false;
        };
    }

    public List<String> assignedSites(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT site_id FROM moderator_sites WHERE account_id = :account ORDER BY site_id")
                .bind("account", accountId)
                .mapTo(String.class)
                .list());
    }

    /** Makes the account a moderator of the site (admins keep their role). */
    public void assign(String accountId, String siteId) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO moderator_sites (account_id, site_id) VALUES (:account, :site)"
                            + " ON CONFLICT (account_id, site_id) DO NOTHING")
                    .bind("account", accountId)
                    .bind("site", siteId)
                    .execute();
            handle.createUpdate("UPDATE accounts SET role = 'moderator' WHERE id = :account AND role = 'reader'")
                    .bind("account", accountId)
                    .execute();
        });
    }

    /**
     * Throws 403 unless the account may act on the reader (see their record, warn, ban): admins on anyone,
     * moderators on readers who have written on a site they moderate, so that one publisher's moderators cannot
     * look up or shut out another publisher's readers.
     */
    public void requireForAuthor(Account account, String authorId) {
        if (!mayModerateAuthor(account, authorId)) {
            throw Problem.forbidden("not_moderator", "You do not moderate any site this reader has written on.");
        }
    }

    public boolean mayModerateAuthor(Account account, String authorId) {
        return switch (account.role()) {
            case ADMIN -> true;
            case MODERATOR -> jdbi.withHandle(handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM comments c"
                            + " JOIN stories s ON s.id = c.story_id"
                            + " JOIN moderator_sites m ON m.site_id = s.site_id AND m.account_id = :moderator"
                            + " WHERE c.author_id = :author)")
                    .bind("moderator", account.id())
                    .bind("author", authorId)
                    .mapTo(Boolean.class)
                    .one());
            case READER -> false;
        };
    }
}
