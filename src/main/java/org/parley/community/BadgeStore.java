package org.parley.community;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of {@code staff_badges}, its only writer: the badge each staff member wears on a site. Thread-safe. */
public final class BadgeStore {

    /** A badge as the admins' list shows it. */
    public record Badged(String accountId, String displayName, String email, String badge) {
    }

    private final Jdbi jdbi;

    public BadgeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Gives the account the badge on the site, replacing the one it wore there. */
    public void put(String siteId, String accountId, String badge, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO staff_badges (site_id, account_id, badge, created_at)
                        VALUES (:site, :account, :badge, :now)
                        ON CONFLICT (site_id, account_id) DO UPDATE SET badge = :badge""")
                .bind("site", siteId)
                .bind("account", accountId)
                .bind("badge", badge)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    public void remove(String siteId, String accountId) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM staff_badges WHERE site_id = :site AND account_id = :account")
                .bind("site", siteId)
                .bind("account", accountId)
                .execute());
    }

    /** The site's badges, by name. */
    public List<Badged> list(String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT b.account_id, a.display_name, a.email, b.badge FROM staff_badges b
                        JOIN accounts a ON a.id = b.account_id WHERE b.site_id = :site
                        ORDER BY a.display_name, b.account_id""")
                .bind("site", siteId)
                .map((rs, ctx) -> new Badged(rs.getString("account_id"), rs.getString("display_name"),
                        rs.getString("email"), rs.getString("badge")))
                .list());
    }

    /** The site's badges by account id, as the thread page carries them. */
    public Map<String, String> ofSite(String siteId) {
        Map<String, String> badges = new LinkedHashMap<>();
        list(siteId).forEach(badged -> badges.put(badged.accountId(), badged.badge()));
        return badges;
    }

    /** Deletes the account's badges with the account (in the deletion's transaction). */
    public static void forget(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM staff_badges WHERE account_id = :id").bind("id", accountId).execute();
    }
}
