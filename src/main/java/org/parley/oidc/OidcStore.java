package org.parley.oidc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Role;
import org.parley.problem.Problem;
import org.parley.store.Ids;

/**
 * The SQL of OpenID Connect sign-in and the only writer of its two tables: {@code oidc_logins}, the sign-ins under
 * way (each taken once), and {@code oidc_identities}, the links from (issuer, sub) to accounts. Accounts it creates
 * are readers without a password and with a placeholder e-mail on a reserved domain, as publisher sign-in makes
 * them (decision 0008). Thread-safe.
 */
public final class OidcStore {

    /** The e-mail domain of accounts made by OpenID sign-in: reserved, so it never reaches a mailbox. */
    static final String PLACEHOLDER_DOMAIN = "@oidc.invalid";

    /** A sign-in under way, as the start left it for the callback. {@code linkAccountId}: null unless linking. */
    record PendingLogin(String stateHash, String browserHash, String siteId, String provider, String nonce,
            String codeVerifier, String returnUrl, String linkAccountId, Instant createdAt) {
    }

    /** What the provider's ID token says about the reader; {@code email} only when the provider verified it. */
    record Identity(String issuer, String subject, String provider, String email) {
    }

    private final Jdbi jdbi;

    public OidcStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Keeps a new sign-in under way, dropping those begun before {@code staleBefore}. */
    void begin(PendingLogin login, Instant staleBefore) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM oidc_logins WHERE created_at < :before")
                    .bind("before", staleBefore.toEpochMilli())
                    .execute();
            handle.createUpdate("""
                            INSERT INTO oidc_logins (state, browser_hash, site_id, provider, nonce, code_verifier,
                                return_url, link_account_id, created_at)
                            VALUES (:stateHash, :browserHash, :siteId, :provider, :nonce, :codeVerifier, :returnUrl,
                                :linkAccountId, :at)""")
                    .bind("stateHash", login.stateHash())
                    .bind("browserHash", login.browserHash())
                    .bind("siteId", login.siteId())
                    .bind("provider", login.provider())
                    .bind("nonce", login.nonce())
                    .bind("codeVerifier", login.codeVerifier())
                    .bind("returnUrl", login.returnUrl())
                    .bind("linkAccountId", login.linkAccountId())
                    .bind("at", login.createdAt().toEpochMilli())
                    .execute();
        });
    }

    /** Takes the sign-in a state names, once: a second take of the same state finds nothing. */
    Optional<PendingLogin> take(String stateHash) {
        return jdbi.inTransaction(handle -> {
            Optional<PendingLogin> login = handle.createQuery("SELECT * FROM oidc_logins WHERE state = :state")
                    .bind("state", stateHash)
                    .map((rs, ctx) -> new PendingLogin(rs.getString("state"), rs.getString("browser_hash"),
                            rs.getString("site_id"), rs.getString("provider"), rs.getString("nonce"),
                            rs.getString("code_verifier"), rs.getString("return_url"),
                            rs.getString("link_account_id"), Instant.ofEpochMilli(rs.getLong("created_at"))))
                    .findOne();
            int deleted = handle.createUpdate("DELETE FROM oidc_logins WHERE state = :state")
                    .bind("state", stateHash)
                    .execute();
            return deleted == 1 ? login : Optional.<PendingLogin>empty();
        });
    }

    /**
     * The id of the account behind the identity, created (a reader without password, named {@code displayName})
     * on first sign-in; the stored e-mail follows the token. Two first sign-ins at once end with one account.
     */
    String signIn(Identity identity, String displayName, Instant now) {
        return jdbi.inTransaction(handle -> findLinked(handle, identity)
                .map(accountId -> {
                    seen(handle, identity, now);
                    return accountId;
                })
                .orElseGet(() -> {
                    String id = Ids.newId();
                    AccountStore.insert(handle, new Account(id, id + PLACEHOLDER_DOMAIN, displayName, Role.READER,
                            now), "");
                    if (!insertLink(handle, identity, id, now)) {
                        // Another sign-in linked this identity first: drop our account, use theirs.
                        handle.createUpdate("DELETE FROM accounts WHERE id = :id").bind("id", id).execute();
                        return findLinked(handle, identity).orElseThrow();
                    }
                    return id;
                }));
    }

    /**
     * Links the identity to an account whose owner has just proved it by signing in; 409 {@code identity_taken}
     * when the identity already belongs to another account.
     */
    void link(Identity identity, String accountId, Instant now) {
        jdbi.useTransaction(handle -> {
            Optional<String> linked = findLinked(handle, identity);
            if (linked.isPresent() && !linked.get().equals(accountId)) {
                throw Problem.conflict("identity_taken", "This " + identity.provider() + " account already signs in"
                        + " to another Parley account; delete that account or sign in with it.");
            }
            if (linked.isPresent()) {
                seen(handle, identity, now);
            } else if (!insertLink(handle, identity, accountId, now)) {
                throw Problem.conflict("identity_taken", "This " + identity.provider() + " account was just linked"
                        + " to another Parley account.");
            }
        });
    }

    /** The identities an account signs in with, for its owner and the data export. */
    public List<Map<String, Object>> identitiesOf(String accountId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT provider, issuer, subject, email, created_at, last_seen FROM oidc_identities
                        WHERE account_id = :account ORDER BY created_at, issuer, subject""")
                .bind("account", accountId)
                .map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("provider", rs.getString("provider"));
                    row.put("issuer", rs.getString("issuer"));
                    row.put("subject", rs.getString("subject"));
                    row.put("email", rs.getString("email"));
                    row.put("linkedAt", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                    row.put("lastSeen", Instant.ofEpochMilli(rs.getLong("last_seen")).toString());
                    return row;
                })
                .list());
    }

    /** Forgets an account's identities and sign-ins under way, in the caller's transaction (account deletion). */
    public static void forget(Handle handle, String accountId) {
        handle.createUpdate("DELETE FROM oidc_identities WHERE account_id = :id").bind("id", accountId).execute();
        handle.createUpdate("DELETE FROM oidc_logins WHERE link_account_id = :id").bind("id", accountId).execute();
    }

    private static Optional<String> findLinked(Handle handle, Identity identity) {
        return handle.createQuery("SELECT account_id FROM oidc_identities WHERE issuer = :issuer AND subject = :subject")
                .bind("issuer", identity.issuer())
                .bind("subject", identity.subject())
                .mapTo(String.class)
                .findOne();
    }

    private static void seen(Handle handle, Identity identity, Instant now) {
        handle.createUpdate("""
                        UPDATE oidc_identities SET email = :email, last_seen = :now
                        WHERE issuer = :issuer AND subject = :subject""")
                .bind("email", identity.email())
                .bind("now", now.toEpochMilli())
                .bind("issuer", identity.issuer())
                .bind("subject", identity.subject())
                .execute();
    }

    private static boolean insertLink(Handle handle, Identity identity, String accountId, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO oidc_identities (issuer, subject, account_id, provider, email, created_at,
                            last_seen)
                        VALUES (:issuer, :subject, :account, :provider, :email, :now, :now)
                        ON CONFLICT (issuer, subject) DO NOTHING""")
                .bind("issuer", identity.issuer())
                .bind("subject", identity.subject())
                .bind("account", accountId)
                .bind("provider", identity.provider())
                .bind("email", identity.email())
                .bind("now", now.toEpochMilli())
                .execute() == 1;
    }
}
