package org.parley.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.store.Ids;

/** The SQL of accounts and their sessions. Thread-safe. */
public final class AccountStore {

    private static final String ACCOUNT_COLUMNS = "a.id, a.email, a.display_name, a.role, a.created_at";

    private final Jdbi jdbi;

    /** The password hash of an account that has no password: no password matches it. */
    static final String NO_PASSWORD = "!imported: reset the password to sign in";

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Inserts an account; false when the e-mail is taken. */
    public boolean insert(Account account, String passwordHash) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO accounts (id, email, display_name, password_hash, role, created_at)
                        VALUES (:id, :email, :displayName, :hash, :role, :createdAt)
                        ON CONFLICT (email) DO NOTHING""")
                .bind("id", account.id())
                .bind("email", account.email())
                .bind("displayName", account.displayName())
                .bind("hash", passwordHash)
                .bind("role", account.role().code())
                .bind("createdAt", account.createdAt().toEpochMilli())
                .execute()) == 1;
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
                .bind("hash", NO_PASSWORD)
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

    /** The account with this (lower-cased) e-mail and its password hash. */
    public Optional<Credentials> findCredentials(String email) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + ACCOUNT_COLUMNS + ", a.password_hash FROM accounts a WHERE a.email = :email")
                .bind("email", email)
                .map((rs, ctx) -> new Credentials(account(rs, ctx), rs.getString("password_hash")))
                .findOne());
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

    public void insertToken(String tokenHash, String accountId, String name, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO api_tokens (token_hash, account_id, name, created_at)"
                        + " VALUES (:hash, :account, :name, :now)")
                .bind("hash", tokenHash)
                .bind("account", accountId)
                .bind("name", name)
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** The account an API token stands for. */
    public Optional<Account> findByToken(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ACCOUNT_COLUMNS
                        + " FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = :hash")
                .bind("hash", tokenHash)
                .map(AccountStore::account)
                .findOne());
    }


    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                Role.ofCode(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    /** An account with its stored password hash, for log-in only. */
    public record Credentials(Account account, String passwordHash) {
    }
}
