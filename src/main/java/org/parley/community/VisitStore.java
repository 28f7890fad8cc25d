package org.parley.community;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of {@code reader_visits}, its only writer: when a reader last looked at the replies to their comments on
 * a site. Thread-safe.
 */
public final class VisitStore {

    private final Jdbi jdbi;

    public VisitStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Instant> lastSeen(String accountId, String siteId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT seen_at FROM reader_visits WHERE account_id = :account AND site_id = :site")
                .bind("account", accountId)
                .bind("site", siteId)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    /** A visit as the reader's data export shows it. */
    public record Visit(String site, Instant seenAt) {
    }

    /** The reader's last looks, for the data export. */
    public List<Visit> list(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT site_id, seen_at FROM reader_visits WHERE account_id = :account ORDER BY site_id")
                .bind("account", accountId)
                .map((rs, ctx) -> new Visit(rs.getString("site_id"), Instant.ofEpochMilli(rs.getLong("seen_at"))))
                .list());
    }

    public void seen(String accountId, String siteId, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO reader_visits (account_id, site_id, seen_at) VALUES (:account, :site, :now)
                        ON CONFLICT (account_id, site_id) DO UPDATE SET seen_at = :now""")
                .bind("account", accountId)
                .bind("site", siteId)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** Deletes the account's visits with the account (in the deletion's transaction). */
    public static void forget(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM reader_visits WHERE account_id = :id").bind("id", accountId).execute();
    }
}
