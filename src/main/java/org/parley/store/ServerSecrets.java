package org.parley.store;

import java.time.Instant;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The installation's own secret keys, kept in one table ({@code server_secrets}) so that every instance on the
 * database uses the same ones: {@code mail-links} signs mailed links ({@code mail/LinkTokens}), {@code ip_hash_key}
 * keys the hashes of client addresses ({@code privacy/ClientAddresses}). A key is made by the first instance that
 * asks for it; a concurrent maker loses the insert and reads the winner's. Values are text whose encoding is their
 * user's (kept exactly as made, so keys from before the V10_1 merge of {@code signing_keys} still verify).
 * Thread-safe.
 */
public final class ServerSecrets {

    private final Jdbi jdbi;

    public ServerSecrets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The value of the key called {@code name}, storing {@code fresh}'s when there is none yet. */
    public String findOrCreate(String name, Supplier<String> fresh, Instant now) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO server_secrets (name, value, created_at) VALUES (:name, :value, :now)"
                            + " ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("value", fresh.get())
                    .bind("now", now.toEpochMilli())
                    .execute();
            return handle.createQuery("SELECT value FROM server_secrets WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        });
    }
}
