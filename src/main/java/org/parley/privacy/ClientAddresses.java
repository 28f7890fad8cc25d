package org.parley.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.store.Ids;
import org.parley.store.ServerSecrets;
import org.parley.webhook.Signature;

/**
 * Client (IP) addresses as Parley keeps them: never in clear, only as an HMAC-SHA256 under a key every instance
 * reads from the database ({@link ServerSecrets}), so one address hashes alike everywhere and can be matched
 * (the same source behind several accounts) but not read back. The hashes recorded with sign-ups, comments and
 * reports are dropped after the retention period. Rate limits key their in-memory buckets by the same hash.
 * Thread-safe.
 */
public final class ClientAddresses {

    static final String KEY_NAME = "ip_hash_key";

    private final Jdbi jdbi;
    private final byte[] key;
    private final Duration retention;
    private final Clock clock;

    private ClientAddresses(Jdbi jdbi, byte[] key, Duration retention, Clock clock) {
        this.jdbi = jdbi;
        this.key = key;
        this.retention = retention;
        this.clock = clock;
    }

    /** Reads the shared key, making it first if no instance has: the first insert wins, every instance reads it. */
    public static ClientAddresses open(Jdbi jdbi, Duration retention, Clock clock) {
        String key = new ServerSecrets(jdbi).findOrCreate(KEY_NAME, () -> Ids.random(32), clock.instant());
        return new ClientAddresses(jdbi, key.getBytes(StandardCharsets.UTF_8), retention, clock);
    }

    /** The keyed hash of an address, as stored and as rate limits use it. */
    public String hash(String address) {
        return HexFormat.of().formatHex(Signature.hmac(key, address.getBytes(StandardCharsets.UTF_8)));
    }

    /** Keeps the hash of the address an account acted from ({@code signup}, {@code comment}, {@code report}). */
    public void record(String accountId, String action, String refId, String address) {
        // A transaction, though one statement: on SQLite it then queues behind other writers (store/SingleWriter)
        // instead of sleeping in the busy handler.
        jdbi.useTransaction(handle -> record(handle, accountId, action, refId, address));
    }

    /** The same, inside a transaction the caller holds (a post records its address with the comment). */
    public void record(Handle handle, String accountId, String action, String refId, String address) {
        handle.createUpdate("INSERT INTO client_addresses (account_id, action, ref_id, ip_hash, created_at)"
                        + " VALUES (:account, :action, :ref, :hash, :now)")
                .bind("account", accountId)
                .bind("action", action)
                .bind("ref", refId)
                .bind("hash", hash(address))
                .bind("now", clock.millis())
                .execute();
    }

    /** Drops the hashes older than the retention period; answers how many went. */
    public int purge() {
        Instant cutoff = clock.instant().minus(retention);
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM client_addresses WHERE created_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
    }

    public Duration retention() {
        return retention;
    }
}
