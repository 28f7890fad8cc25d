package org.parley.sso;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Role;
import org.parley.store.Ids;

/** The SQL of publisher sign-in: the links from (site, sub) to accounts. Thread-safe. */
public final class SsoStore {

    /** The e-mail domain of accounts made by publisher sign-in: reserved, so it never reaches a mailbox. */
    static final String PLACEHOLDER_DOMAIN = "@sso.invalid";

    private final Jdbi jdbi;

    public SsoStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The id of the account linked to the publisher's user, created (a reader without password) on first sign-in; its
     * display name and stored e-mail follow the token. Two first sign-ins at once end with one account.
     */
    public String link(String siteId, SsoTokens.Claims claims, String displayName, Instant now) {
        return jdbi.inTransaction(handle -> findLinked(handle, siteId, claims.subject())
                .map(accountId -> {
                    AccountStore.rename(handle, accountId, displayName);
                    handle.createUpdate("""
                                    UPDATE sso_links SET email = :email, last_seen = :now
                                    WHERE site_id = :site AND subject = :subject""")
                            .bind("email", claims.email())
                            .bind("now", now.toEpochMilli())
                            .bind("site", siteId)
                            .bind("subject", claims.subject())
                            .execute();
                    return accountId;
                })
                .orElseGet(() -> createLinked(handle, siteId, claims, displayName, now)));
    }

    private static Optional<String> findLinked(Handle handle, String siteId, String subject) {
        return handle.createQuery("SELECT account_id FROM sso_links WHERE site_id = :site AND subject = :subject")
                .bind("site", siteId)
                .bind("subject", subject)
                .mapTo(String.class)
                .findOne();
    }

    private static String createLinked(Handle handle, String siteId, SsoTokens.Claims claims, String displayName,
            Instant now) {
        String id = Ids.newId();
        AccountStore.insert(handle, new Account(id, id + PLACEHOLDER_DOMAIN, displayName, Role.READER, now), "");
        int linked = handle.createUpdate("""
                        INSERT INTO sso_links (site_id, subject, account_id, email, created_at, last_seen)
                        VALUES (:site, :subject, :account, :email, :now, :now)
                        ON CONFLICT (site_id, subject) DO NOTHING""")
                .bind("site", siteId)
                .bind("subject", claims.subject())
                .bind("account", id)
                .bind("email", claims.email())
                .bind("now", now.toEpochMilli())
                .execute();
        if (linked == 0) {
            // Another sign-in linked this user first: drop our account, use theirs.
            handle.createUpdate("DELETE FROM accounts WHERE id = :id").bind("id", id).execute();
            return findLinked(handle, siteId, claims.subject()).orElseThrow();
        }
        return id;
    }
}
