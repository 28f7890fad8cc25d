package org.parley.community;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of {@code reader_profiles}, its only writer: whether a reader hid their profile. Thread-safe. */
public final class ProfileStore {

    private final Jdbi jdbi;

    public ProfileStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether the reader hid their profile (not, until they say so). */
    public boolean hidden(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT hidden FROM reader_profiles WHERE account_id = :account")
                .bind("account", accountId)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0)) == 1;
    }

    public void setHidden(String accountId, boolean hidden, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO reader_profiles (account_id, hidden, updated_at) VALUES (:account, :hidden, :now)
                        ON CONFLICT (account_id) DO UPDATE SET hidden = :hidden, updated_at = :now""")
                .bind("account", accountId)
                .bind("hidden", hidden ? 1 : 0)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** Deletes the reader's setting with the account (in the deletion's transaction). */
    public static void forget(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM reader_profiles WHERE account_id = :id").bind("id", accountId).execute();
    }
}
