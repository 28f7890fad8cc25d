package org.parley.community;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of the {@code mutes} table, its only writer: which authors a reader muted. A mute holds on every site,
 * as accounts do. Thread-safe.
 */
public final class MuteStore {

    /** A muted author as the reader's list shows them. */
    public record Muted(String userId, String displayName, Instant mutedAt) {
    }

    private final Jdbi jdbi;

    public MuteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Mutes {@code mutedId} for {@code accountId}; a second mute of the same author changes nothing. */
    public void add(String accountId, String mutedId, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO mutes (account_id, muted_id, created_at) VALUES (:account, :muted, :now)
                        ON CONFLICT (account_id, muted_id) DO NOTHING""")
                .bind("account", accountId)
                .bind("muted", mutedId)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** Lifts a mute; answers whether there was one. */
    public boolean remove(String accountId, String mutedId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "DELETE FROM mutes WHERE account_id = :account AND muted_id = :muted")
                .bind("account", accountId)
                .bind("muted", mutedId)
                .execute()) == 1;
    }

    /** The reader's mutes, newest first. */
    public List<Muted> list(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT m.muted_id, a.display_name, m.created_at FROM mutes m
                        JOIN accounts a ON a.id = m.muted_id WHERE m.account_id = :account ORDER BY m.created_at DESC, m.muted_id""")
                .bind("account", accountId)
                .map((rs, ctx) -> new Muted(rs.getString("muted_id"), rs.getString("display_name"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    /** The authors the reader muted who wrote in this story: what the widget collapses there. */
    public List<String> mutedIn(String accountId, String storyId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT m.muted_id FROM mutes m WHERE m.account_id = :account
                        AND EXISTS (SELECT 1 FROM comments c WHERE c.story_id = :story AND c.author_id = m.muted_id)
                        ORDER BY m.muted_id""")
                .bind("account", accountId)
                .bind("story", storyId)
                .mapTo(String.class)
                .list());
    }

    /** Deletes the account's mutes, and the mutes of it, with the account (in the deletion's transaction). */
    public static void forget(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM mutes WHERE account_id = :id OR muted_id = :id")
                .bind("id", accountId)
                .execute();
    }
}
