package org.parley.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.store.Ids;
import org.parley.store.Portability;

/**
 * The SQL of accounts and their sessions. Thread-safe. It passes 300 lines because a session belongs to its
 * account: resetting a password ends all of the account's sessions in the same transaction, so both tables' SQL
 * stays in the one store that owns them.
 */
public final class AccountStore {

    private static final String ACCOUNT_COLUMNS = "a.id, a.email, a.display_name, a.role, a.created_at";

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Inserts an account; false when the e-mail is taken. */
    public boolean insert(Account account, String passwordHash) {
        return jdbi.withHandle(handle -> insert(handle, account, passwordHash));
    }

    /** Inserts an account inside the caller's transaction; false when the e-mail is taken. */
    public static boolean insert(Handle handle, Account account, String passwordHash) {
        return insert(handle, account, passwordHash, false);
    }

    /**
     * Inserts an account inside the caller's transaction, {@code pending} when it may not log in until its address
     * is confirmed (sign-up by mail); false when the e-mail is taken.
     */
    public static boolean insert(Handle handle, Account account, String passwordHash, boolean pending) {
        return handle.createUpdate("""
                        INSERT INTO accounts (id, email, display_name, password_hash, role, created_at, signup_pending)
                        VALUES (:id, :email, :displayName, :hash, :role, :createdAt, :pending)
                        ON CONFLICT (email) DO NOTHING""")
                .bind("pending", pending ? 1 : 0)
                .bind("id", account.id())
                .bind("email", account.email())
                .bind("displayName", account.displayName())
                .bind("hash", passwordHash)
                .bind("role", account.role().code())
                .bind("createdAt", account.createdAt().toEpochMilli())
                .execute() == 1;
    }

    /** Renames an account inside the caller's transaction. */
    public static void rename(Handle handle, String accountId, String displayName) {
        handle.createUpdate("UPDATE accounts SET display_name = :name WHERE id = :id AND display_name <> :name")
                .bind("name", displayName)
                .bind("id", accountId)
                .execute();
    }

    /**
     * The id of the account with this (lower-cased) e-mail, inserted first as a reader without a usable password
     * when there is none, inside the caller's transaction: how imported authors become accounts. Such a reader
     * signs in after a password reset.
     */
    public static String findOrInsertWithoutPassword(Handle handle, String email, String displayName,
            Instant createdAt) {
        handle.createUpdate("""
                        INSERT INTO accounts (id, email, display_name, password_hash, role, created_at)
                        VALUES (:id, :email, :displayName, :hash, :role, :createdAt)
                        ON CONFLICT (email) DO NOTHING""")
                .bind("id", Ids.newId())
                .bind("email", email)
                .bind("displayName", displayName)
                .bind("hash", Portability.NO_PASSWORD)
                .bind("role", Role.READER.code())
                .bind("createdAt", createdAt.toEpochMilli())
                .execute();
        return handle.createQuery("SELECT id FROM accounts WHERE email = :email").bind("email", email)
                .mapTo(String.class).one();
    }

    public Optional<Account> findById(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + ACCOUNT_COLUMNS + " FROM accounts a WHERE a.id = :id")
                .bind("id", id)
                .map(AccountStore::account)
                .findOne());
    }

    /** An account's mail settings. */
    public MailPreferences preferences(String accountId) {
        return jdbi.withHandle(handle -> preferences(handle, accountId));
    }

    public static MailPreferences preferences(Handle handle, String accountId) {
        return handle.createQuery(
                        "SELECT email_verified_at, notify_replies, notify_queue FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> new MailPreferences(rs.getObject("email_verified_at") != null,
                        rs.getInt("notify_replies") == 1, rs.getInt("notify_queue") == 1))
                .findOne()
                .orElse(new MailPreferences(false, false, false));
    }

    /** Marks the account's address verified, if it still is {@code email}; false when it changed or is unknown. */
    public boolean markVerified(Handle handle, String accountId, String email, Instant now) {
        return handle.createUpdate("UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, :now),"
                        + " signup_pending = 0 WHERE id = :id AND email = :email")
                .bind("now", now.toEpochMilli())
                .bind("id", accountId)
                .bind("email", email)
                .execute() == 1;
    }

    /** Sets one of the mail switches: {@code notify_replies} or {@code notify_queue}. */
    public void setNotify(Handle handle, String accountId, MailPreferences.Kind kind, boolean on) {
        handle.createUpdate("UPDATE accounts SET " + kind.column() + " = :on WHERE id = :id")
                .bind("on", on ? 1 : 0)
                .bind("id", accountId)
                .execute();
    }

    public void updateDisplayName(String accountId, String displayName) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE accounts SET display_name = :name WHERE id = :id")
                .bind("name", displayName)
                .bind("id", accountId)
                .execute());
    }

    /**
     * Replaces the password hash if it still is {@code expectedHash}, marks the address verified (the reader read
     * the mail) and ends every session; false when the hash changed meanwhile (the link was used already).
     */
    public boolean resetPassword(String accountId, String expectedHash, String newHash, Instant now) {
        return jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE accounts SET password_hash = :newHash,"
                            + " email_verified_at = COALESCE(email_verified_at, :now), signup_pending = 0"
                            + " WHERE id = :id AND password_hash = :expected")
                    .bind("newHash", newHash)
                    .bind("now", now.toEpochMilli())
                    .bind("id", accountId)
                    .bind("expected", expectedHash)
                    .execute();
            if (changed == 1) {
                handle.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", accountId).execute();
            }
            return changed == 1;
        });
    }

    /** The guest account standing for this e-mail, created when new; its name follows the latest post. */
    public Account findOrCreateGuest(String email, String displayName, String newId, Instant now) {
        String guestEmail = Guests.accountEmail(email);
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO accounts (id, email, display_name, password_hash, role, created_at)
                            VALUES (:id, :email, :name, '', 'guest', :now)
                            ON CONFLICT (email) DO UPDATE SET display_name = :name""")
                    .bind("id", newId)
                    .bind("email", guestEmail)
                    .bind("name", displayName)
                    .bind("now", now.toEpochMilli())
                    .execute();
            return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM accounts a WHERE a.email = :email")
                    .bind("email", guestEmail)
                    .map(AccountStore::account)
                    .one();
        });
    }

    /** The account with this (lower-cased) e-mail and its password hash. */
    public Optional<Credentials> findCredentials(String email) {
        return jdbi.withHandle(handle -> findCredentials(handle, email));
    }

    /** The account with this (lower-cased) e-mail and its password hash, inside the caller's transaction. */
    public static Optional<Credentials> findCredentials(Handle handle, String email) {
        return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + ", a.password_hash, a.signup_pending"
                        + " FROM accounts a WHERE a.email = :email")
                .bind("email", email)
                .map((rs, ctx) -> new Credentials(account(rs, ctx), rs.getString("password_hash"),
                        rs.getInt("signup_pending") == 1))
                .findOne();
    }

    public boolean anyWithRole(Role role) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM accounts WHERE role = :role")
                .bind("role", role.code())
                .mapTo(Long.class)
                .one()) > 0;
    }

    public void insertSession(String tokenHash, String accountId, String csrf, Instant createdAt, Instant expiresAt) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO sessions (token_hash, account_id, csrf, created_at, expires_at)
                        VALUES (:tokenHash, :accountId, :csrf, :createdAt, :expiresAt)""")
                .bind("tokenHash", tokenHash)
                .bind("accountId", accountId)
                .bind("csrf", csrf)
                .bind("createdAt", createdAt.toEpochMilli())
                .bind("expiresAt", expiresAt.toEpochMilli())
                .execute());
    }

    /** The unexpired session with this token hash, with its account. */
    public Optional<Session> findSession(String tokenHash, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ACCOUNT_COLUMNS + """
                        , s.token_hash, s.csrf
                        FROM sessions s JOIN accounts a ON a.id = s.account_id
                        WHERE s.token_hash = :tokenHash AND s.expires_at > :now""")
                .bind("tokenHash", tokenHash)
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new Session(account(rs, ctx), rs.getString("token_hash"), rs.getString("csrf")))
                .findOne());
    }

    public void deleteSession(String tokenHash) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .execute());
    }

    public int deleteExpiredSessions(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /**
     * Deletes readers made by a sign-up by mail before {@code before} whose link was never followed (nor a reset
     * link), and who author nothing (an import may have matched their address); answers how many.
     */
    public int deletePendingSignupsBefore(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        DELETE FROM accounts WHERE signup_pending = 1 AND role = 'reader' AND created_at < :before
                        AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.author_id = accounts.id)""")
                .bind("before", before.toEpochMilli())
                .execute());
    }

    /** Stores a token's hash with its limits: {@code role} and {@code siteId} may be null (no limit). */
    public void insertToken(ApiToken token, String tokenHash) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO api_tokens (id, token_hash, account_id, name, role, site_id, created_at)
                        VALUES (:id, :hash, :account, :name, :role, :site, :now)""")
                .bind("id", token.id())
                .bind("hash", tokenHash)
                .bind("account", token.accountId())
                .bind("name", token.name())
                .bind("role", token.role() == null ? null : token.role().code())
                .bind("site", token.site())
                .bind("now", token.createdAt().toEpochMilli())
                .execute());
    }

    /** The account an API token stands for, with the token's limits (see {@link Account}). */
    public Optional<Account> findByToken(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ACCOUNT_COLUMNS
                        + ", t.role AS token_role, t.site_id AS token_site"
                        + " FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    Account account = account(rs, ctx);
                    String tokenRole = rs.getString("token_role");
                    return new Account(account.id(), account.email(), account.displayName(),
                            account.role().atMost(tokenRole == null ? null : Role.ofCode(tokenRole)),
                            account.createdAt(), rs.getString("token_site"));
                })
                .findOne());
    }

    /** Every API token, newest first, without secrets; a token without its own role shows its account's. */
    public List<ApiToken> listTokens() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT t.id, t.name, t.account_id, a.display_name, COALESCE(t.role, a.role) AS role,
                            t.site_id, t.created_at
                        FROM api_tokens t JOIN accounts a ON a.id = t.account_id
                        ORDER BY t.created_at DESC, t.id""")
                .map((rs, ctx) -> new ApiToken(rs.getString("id"), rs.getString("name"), rs.getString("account_id"),
                        rs.getString("display_name"), Role.ofCode(rs.getString("role")), rs.getString("site_id"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    /** Revokes a token; false when there is none with this id. */
    public boolean deleteToken(String id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM api_tokens WHERE id = :id")
                .bind("id", id)
                .execute()) == 1;
    }

    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                Role.ofCode(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /**
     * An account with its stored password hash, for log-in only; {@code signupPending}: made by a sign-up confirmed
     * by mail whose link has not been followed yet, so it may not log in.
     */
    public record Credentials(Account account, String passwordHash, boolean signupPending) {
    }
}
