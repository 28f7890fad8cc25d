package org.parley.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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

    private final AccountStore store;
    private final Clock clock;

    public Accounts(AccountStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates a reader account and signs it in. */
    public SignedIn signUp(String email, String password, String displayName) {
        Account account = create(email, password, displayName, Role.READER);
        return startSession(account);
    }

    /** Creates an account with a role, checking the same rules as sign-up; 409 when the e-mail is taken. */
    public Account create(String email, String password, String displayName, Role role) {
        String normalizedEmail = checkEmail(email);
        checkPassword(password);
        String name = DisplayNames.check(displayName);
        Account account = new Account(Ids.newId(), normalizedEmail, name, role, clock.instant());
        if (!store.insert(account, Passwords.hash(password))) {
            throw new Problem(ProblemKind.CONFLICT, "email_taken",
                    "An account with this e-mail address exists already. Log in instead.", "email");
        }
        return account;
    }

    public SignedIn logIn(String email, String password) {
        if (email == null || password == null) {
            throw Problem.invalid(email == null ? "email" : "password", "Give an e-mail address and a password.");
        }
        Optional<AccountStore.Credentials> credentials = store.findCredentials(email.trim().toLowerCase(Locale.ROOT));
        if (credentials.isEmpty()) {
            Passwords.spendCheckTime(password);
        }
        if (credentials.isEmpty() || !Passwords.matches(password, credentials.get().passwordHash())) {
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

    /** Creates an API token for the account; the token is returned once and only its hash is kept. */
    public String createToken(String accountId, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Problem.invalid("name", "Name the token (1 to 100 characters), e.g. after the integration.");
        }
        String token = "pt_" + Ids.random(32);
        store.insertToken(hashToken(token), accountId, name.strip(), clock.instant());
        return token;
    }

    /** The account behind an API token. */
    public Optional<Account> findByToken(String token) {
        if (token == null || !token.startsWith("pt_") || token.length() > 100) {
            return Optional.empty();
        }
        return store.findByToken(hashToken(token));
    }

    public Optional<Account> findAccount(String id) {
        return store.findById(id);
    }

    public boolean hasAdmin() {
        return store.anyWithRole(Role.ADMIN);
    }

    private SignedIn startSession(Account account) {
        String token = Ids.random(32);
        String csrf = Ids.random(18);
        Instant now = clock.instant();
        store.insertSession(hashToken(token), account.id(), csrf, now, now.plus(SESSION_LIFETIME));
        return new SignedIn(account, token, csrf);
    }

    static String hashToken(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String checkEmail(String email) {
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
