package org.parley.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.store.Ids;

/**
 * Sign-up, log-in, log-out and session look-up. Sessions live in the database (so they can be revoked) and are
 * named by a random token whose SHA-256 alone is stored; every log-in starts a new session. Thread-safe.
 */
public final class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    private static final Duration UNCONFIRMED_SIGNUP_LIFETIME = Duration.ofDays(7);

    private final AccountStore store;
    private final Clock clock;
    private final DisposableDomains disposable;
    private final List<BiConsumer<Handle, Account>> signUpListeners = new CopyOnWriteArrayList<>();

    /** Accounts refusing sign-ups from the shipped list of disposable mail domains. */
    public Accounts(AccountStore store, Clock clock) {
        this(store, clock, DisposableDomains.shipped());
    }

    public Accounts(AccountStore store, Clock clock, DisposableDomains disposable) {
        this.store = store;
        this.clock = clock;
        this.disposable = disposable;
    }

    /**
     * Has {@code listener} told of every sign-up inside the transaction that creates the account (the verification
     * mail is queued there, so it exists exactly when the account does).
     */
    public void onSignUp(BiConsumer<Handle, Account> listener) {
        signUpListeners.add(listener);
    }

    /** Creates a reader account and signs it in. */
    public SignedIn signUp(String email, String password, String displayName) {
        Account account = newReader(email, password, displayName);
        String hash = Passwords.hash(password);
        boolean inserted = store.jdbi().inTransaction(handle -> {
            if (!store.insert(handle, account, hash)) {
                return false;
            }
            signUpListeners.forEach(listener -> listener.accept(handle, account));
            return true;
        });
        if (!inserted) {
            throw emailTaken();
        }
        return startSession(account);
    }

    /** Creates an account with a role, checking the same rules as sign-up; 409 when the e-mail is taken. */
    public Account create(String email, String password, String displayName, Role role) {
        Account account = newAccount(email, password, displayName, role);
        if (!store.insert(account, Passwords.hash(password))) {
            throw emailTaken();
        }
        return account;
    }

    /**
     * A new reader account under the sign-up rules (400 on {@code email}, {@code password}, {@code displayName}; 422
     * {@code disposable_email} for an address of a disposable mail service).
     */
    public Account newReader(String email, String password, String displayName) {
        Account account = newAccount(email, password, displayName, Role.READER);
        disposable.check(account.email());
        return account;
    }

    private Account newAccount(String email, String password, String displayName, Role role) {
        String normalizedEmail = checkEmail(email);
        checkPassword(password);
        String name = DisplayNames.check(displayName);
        return new Account(Ids.newId(), normalizedEmail, name, role, clock.instant());
    }

    private static Problem emailTaken() {
        return new Problem(ProblemKind.CONFLICT, "email_taken",
                "An account with this e-mail address exists already. Log in instead.", "email");
    }

    /** The account's mail settings. */
    public MailPreferences preferences(String accountId) {
        return store.preferences(accountId);
    }

    /** Renames the account under the sign-up rules; answers the account as it is now. */
    public Account rename(Account account, String displayName) {
        String name = DisplayNames.check(displayName);
        store.updateDisplayName(account.id(), name);
        return new Account(account.id(), account.email(), name, account.role(), account.createdAt());
    }

    /** The account (not a guest's) with this e-mail and its password hash, for a password reset. */
    public Optional<AccountStore.Credentials> findForReset(String email) {
        if (email == null || email.length() > 254) {
            return Optional.empty();
        }
        return store.findCredentials(email.trim().toLowerCase(Locale.ROOT))
                .filter(found -> found.account().role() != Role.GUEST);
    }

    /**
     * Sets a new password if the stored hash is still {@code expectedHash} (a reset link works once) and ends every
     * session of the account; false when the password changed since the link was made.
     */
    public boolean resetPassword(String accountId, String expectedHash, String newPassword) {
        checkPassword(newPassword);
        return store.resetPassword(accountId, expectedHash, Passwords.hash(newPassword), clock.instant());
    }

    public SignedIn logIn(String email, String password) {
        if (email == null || password == null) {
            throw Problem.invalid(email == null ? "email" : "password", "Give an e-mail address and a password.");
        }
        Optional<AccountStore.Credentials> credentials = store.findCredentials(email.trim().toLowerCase(Locale.ROOT));
        if (credentials.isEmpty()) {
            Passwords.spendCheckTime(password);
        }
        // A sign-up waiting for its mailed link answers like a wrong password, even to the right one: otherwise
        // whoever made it could tell, by logging in, that the address had no account before (docs/security.md).
        if (credentials.isEmpty() || !Passwords.matches(password, credentials.get().passwordHash())
                || credentials.get().signupPending()) {
            throw new Problem(ProblemKind.UNAUTHENTICATED, "wrong_credentials",
                    "That e-mail address and password do not match an account.");
        }
        return startSession(credentials.get().account());
    }

    public void logOut(Session session) {
        store.deleteSession(session.tokenHash());
    }

    /** The live session behind a cookie value. */
    public Optional<Session> findSession(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 100) {
            return Optional.empty();
        }
        return store.findSession(hashToken(sessionToken), clock.instant());
    }

    /** Deletes sessions past their expiry; answers how many. */
    public int purgeExpiredSessions() {
        return store.deleteExpiredSessions(clock.instant());
    }

    /**
     * Deletes sign-ups by mail left unconfirmed for a week (their link lasted two days), so that an address someone
     * else signed up with is free again; answers how many.
     */
    public int purgeUnconfirmedSignups() {
        return store.deletePendingSignupsBefore(clock.instant().minus(UNCONFIRMED_SIGNUP_LIFETIME));
    }

    /** Creates an API token for the account, without limits; the token is returned once and only its hash is kept. */
    public String createToken(String accountId, String name) {
        return createToken(accountId, name, null, null).secret();
    }

    /**
     * Creates an API token that acts as the account, limited to a role (null: the account's) and a site (null:
     * every site the account may act on). The secret is in the answer once; only its hash is kept.
     */
    public NewToken createToken(String accountId, String name, Role role, String siteId) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Problem.invalid("name", "Name the token (1 to 100 characters), e.g. after the integration.");
        }
        Account account = store.findById(accountId)
                .orElseThrow(() -> Problem.notFound("user", "There is no such account."));
        if (role != null && (role == Role.READER || account.role().atMost(role) != role)) {
            throw Problem.invalid("role", "A token's role is moderator or admin, and at most its account's role ("
                    + account.role().code() + ").");
        }
        String secret = "pt_" + Ids.random(32);
        ApiToken token = new ApiToken(Ids.newId(), name.strip(), accountId, account.displayName(), role, siteId,
                clock.instant());
        store.insertToken(token, hashToken(secret));
        return new NewToken(token, secret);
    }

    /** A token just created: its listing and its secret, shown this once. */
    public record NewToken(ApiToken token, String secret) {
    }

    public java.util.List<ApiToken> listTokens() {
        return store.listTokens();
    }

    /** Revokes a token at once; 404 when there is none with this id. */
    public void revokeToken(String id) {
        if (!store.deleteToken(id)) {
            throw Problem.notFound("token", "There is no API token with this id.");
        }
    }

    /** The account behind an API token. */
    public Optional<Account> findByToken(String token) {
        if (token == null || !token.startsWith("pt_") || token.length() > 100) {
            return Optional.empty();
        }
        return store.findByToken(hashToken(token));
    }

    /** The account with this (lower-cased) e-mail address. */
    public Optional<Account> findByEmail(String email) {
        return store.findCredentials(email).map(AccountStore.Credentials::account);
    }

    public Optional<Account> findAccount(String id) {
        return store.findById(id);
    }

    public boolean hasAdmin() {
        return store.anyWithRole(Role.ADMIN);
    }

    /**
     * Starts a session for an account another party vouched for (publisher sign-in); the caller checked the
     * voucher and ends the browser's previous session.
     */
    public SignedIn startSession(Account account) {
        String token = Ids.random(32);
        String csrf = Ids.random(18);
        Instant now = clock.instant();
        store.insertSession(hashToken(token), account.id(), csrf, now, now.plus(SESSION_LIFETIME));
        return new SignedIn(account, token, csrf);
    }

    public static String hashToken(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The address trimmed and in lower case, or a 400 naming the field {@code email} when it is not one. */
    public static String checkEmail(String email) {
        String trimmed = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw Problem.invalid("email", "Give a valid e-mail address, such as name@example.org.");
        }
        return trimmed;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw Problem.invalid("password",
                    "Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw Problem.invalid("password", "Choose a password of at most " + MAX_PASSWORD_LENGTH + " characters.");
        }
    }
}
