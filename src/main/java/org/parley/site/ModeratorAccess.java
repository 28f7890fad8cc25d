package org.parley.site;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.problem.Problem;

/**
 * Who may moderate where: admins every site, moderators the sites assigned to them, readers none. An account
 * reached through a site-scoped API token reaches that site only; an admin's token limited to the moderator role
 * moderates (but does not administer) the sites its scope allows. Thread-safe.
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

    /** Throws 403 unless the account is an admin without a site limit (work across sites). */
    public void requireAdmin(Account account) {
        if (account.role() != Role.ADMIN) {
            throw Problem.forbidden("not_admin", "Only an admin can do this.");
        }
        if (account.siteScope() != null) {
            throw Problem.forbidden("not_admin", "This API token is limited to the site '" + account.siteScope()
                    + "'; this needs an admin without a site limit.");
        }
    }

    /** Throws 403 unless the account is an admin whose reach includes the site. */
    public void requireAdminOf(Account account, String siteId) {
        if (account.role() != Role.ADMIN || !account.reaches(siteId)) {
            throw Problem.forbidden("not_admin", "Only an admin of the site '" + siteId + "' can do this.");
        }
    }

    public boolean mayModerate(Account account, String siteId) {
        if (!account.reaches(siteId)) {
            return false;
        }
        return switch (account.role()) {
            case ADMIN -> true;
            case MODERATOR -> assignedSites(account.id()).contains(siteId) || isAdmin(account.id());
            case READER, GUEST -> false;
        };
    }

    private boolean isAdmin(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM accounts WHERE id = :id AND role = 'admin'")
                .bind("id", accountId)
                .mapTo(Long.class)
                .one()) > 0;
    }

    /** The accounts that moderate a site by assignment, by display name. */
    public List<Moderator> moderators(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id, a.display_name, a.email
                        FROM moderator_sites m JOIN accounts a ON a.id = m.account_id
                        WHERE m.site_id = :site ORDER BY a.display_name, a.id""")
                .bind("site", siteId)
                .map((rs, ctx) -> new Moderator(rs.getString("id"), rs.getString("display_name"),
                        rs.getString("email")))
                .list());
    }

    /** An account assigned to moderate a site. */
    public record Moderator(String id, String displayName, String email) {
    }

    /**
     * Stops the account moderating the site; a moderator left without sites becomes a reader again (admins keep
     * their role). False when it did not moderate the site.
     */
    public boolean unassign(String accountId, String siteId) {
        return jdbi.inTransaction(handle -> {
            int removed = handle.createUpdate(
                            "DELETE FROM moderator_sites WHERE account_id = :account AND site_id = :site")
                    .bind("account", accountId)
                    .bind("site", siteId)
                    .execute();
            handle.createUpdate("""
                            UPDATE accounts SET role = 'reader' WHERE id = :account AND role = 'moderator'
                            AND NOT EXISTS (SELECT 1 FROM moderator_sites WHERE account_id = :account)""")
                    .bind("account", accountId)
                    .execute();
            return removed == 1;
        });
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
     * look up or shut out another publisher's readers. A site-limited token counts only its site: the reader must
     * have written there.
     */
    public void requireForAuthor(Account account, String authorId) {
        if (!mayModerateAuthor(account, authorId)) {
            throw Problem.forbidden("not_moderator", "You do not moderate any site this reader has written on.");
        }
    }

    public boolean mayModerateAuthor(Account account, String authorId) {
        if (account.siteScope() != null) {
            return mayModerate(account, account.siteScope()) && hasWrittenOn(authorId, account.siteScope());
        }
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
            case READER, GUEST -> false;
        };
    }

    private boolean hasWrittenOn(String authorId, String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT EXISTS (SELECT 1 FROM comments c"
                        + " JOIN stories s ON s.id = c.story_id WHERE c.author_id = :author AND s.site_id = :site)")
                .bind("author", authorId)
                .bind("site", siteId)
                .mapTo(Boolean.class)
                .one());
    }
}
