package org.parley.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Guests;
import org.parley.account.MailPreferences;
import org.parley.account.Role;
import org.parley.comment.CommentStore;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;

/**
 * The mails about a reader's account and what their links do: verifying the address (which also claims the guest
 * comments written with it), resetting the password (the link works once: it carries a fingerprint of the
 * password hash it replaces, and all sessions end), and switching notices on and off, including the one-click
 * unsubscribe. Thread-safe.
 */
public final class AccountMail {

    static final String VERIFY = "verify";
    static final String RESET = "reset";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String SIGNUP_TAKEN = "signup-taken";
    private static final Duration VERIFY_LIFETIME = Duration.ofDays(2);
    private static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final Accounts accounts;
    private final AccountStore store;
    private final LinkTokens tokens;
    private final MailTexts texts;
    private final CommentStore comments;
    private final Clock clock;

    public AccountMail(Accounts accounts, AccountStore store, LinkTokens tokens, MailTexts texts,
            CommentStore comments, Clock clock) {
        this.comments = comments;
        this.accounts = accounts;
        this.store = store;
        this.tokens = tokens;
        this.texts = texts;
        this.clock = clock;
    }

    /** Queues the verification mail in the transaction that creates the account (see {@link Accounts#onSignUp}). */
    public void queueVerification(Handle handle, Account account) {
        queueVerification(handle, account, null);
    }

    /**
     * Queues the verification mail; its link leads back to {@code returnUrl} (a page of a site, checked by the
     * caller) once followed, when there is one.
     */
    public void queueVerification(Handle handle, Account account, String returnUrl) {
        queueVerification(handle, account, returnUrl, null);
    }

    /**
     * The same, in the language of the site the reader signed up on ({@code siteLanguage}; when null, the language
     * of the reader's last site, else English).
     */
    public void queueVerification(Handle handle, Account account, String returnUrl, String siteLanguage) {
        Instant now = clock.instant();
        Instant expires = now.plus(VERIFY_LIFETIME);
        String token = returnUrl == null ? tokens.sign(VERIFY, expires, account.id(), account.email())
                : tokens.sign(VERIFY, expires, account.id(), account.email(), returnUrl);
        String link = texts.link("/account/verify?token=" + token);
        Locale language = siteLanguage == null ? MailLanguages.ofAccount(handle, account.id())
                : MailLanguages.of(siteLanguage);
        MailQueue.enqueue(handle, texts.compose(language, VERIFY, account.email(), account.displayName(),
                "verify.subject", new Object[0], "verify.body", new Object[] {link}, null), now);
    }

    /** Sends the verification mail again, unless the address is verified already. */
    public void resendVerification(Account account) {
        if (account.role() == Role.GUEST || store.preferences(account.id()).emailVerified()) {
            return;
        }
        store.jdbi().useTransaction(handle -> queueVerification(handle, account));
    }

    /** An address just verified: its account, and the page the sign-up asked to return to (or null). */
    public record Verified(Account account, String returnUrl) {
    }

    /** Verifies the address a link was sent to and hands its guest comments to the account; 400 for a bad link. */
    public Verified verify(String token) {
        List<String> fields = tokens.check(token, VERIFY, clock.instant()).orElseThrow(AccountMail::invalidLink);
        if (fields.size() < 2 || fields.size() > 3 || fields.get(0).isEmpty()) {
            throw invalidLink();
        }
        String accountId = fields.get(0);
        String email = fields.get(1);
        boolean verified = store.jdbi().inTransaction(handle -> {
            if (!store.markVerified(handle, accountId, email, clock.instant())) {
                return false;
            }
            comments.claimGuestComments(handle, Guests.accountEmail(email), accountId);
            return true;
        });
        if (!verified) {
            throw invalidLink();
        }
        return new Verified(accounts.findAccount(accountId).orElseThrow(AccountMail::invalidLink),
                fields.size() == 3 ? fields.get(2) : null);
    }

    /**
     * Queues a reset link when an account has this address, and does nothing otherwise: the caller answers the
     * same either way, so the answer tells nobody whether an address has an account.
     */
    public void requestReset(String email) {
        Optional<AccountStore.Credentials> found = accounts.findForReset(email);
        String link = resetLink(found.map(c -> c.account().id()).orElse(""),
                found.map(AccountStore.Credentials::passwordHash).orElse(""));
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get().account();
        store.jdbi().useTransaction(handle -> MailQueue.enqueue(handle, texts.compose(
                MailLanguages.ofAccount(handle, account.id()), RESET, account.email(), account.displayName(),
                "reset.subject", new Object[0], "reset.body", new Object[] {link}, null), clock.instant()));
    }

    /**
     * Tells the owner of an address that someone tried to sign up with it, inside the caller's transaction: log in,
     * or choose a new password with the reset link this mail carries (following it also confirms a sign-up that
     * still waits for its link). Nothing about the account changes.
     */
    public void queueSignupAttempt(Handle handle, AccountStore.Credentials owner) {
        Account account = owner.account();
        String link = resetLink(account.id(), owner.passwordHash());
        MailQueue.enqueue(handle, texts.compose(MailLanguages.ofAccount(handle, account.id()), SIGNUP_TAKEN,
                account.email(), account.displayName(), "signupTaken.subject", new Object[0], "signupTaken.body",
                new Object[] {link}, null), clock.instant());
    }

    /** A reset link for the account, which stops working once its password changes; made alike for no account. */
    private String resetLink(String accountId, String passwordHash) {
        return texts.link("/account/reset?token=" + tokens.sign(RESET, clock.instant().plus(RESET_LIFETIME),
                accountId, tokens.fingerprint(passwordHash)));
    }

    /** Sets the new password of a reset link, once, and ends every session of the account; 400 for a bad link. */
    public void confirmReset(String token, String password) {
        List<String> fields = check(token, RESET);
        Account account = accounts.findAccount(fields.get(0)).orElseThrow(AccountMail::invalidLink);
        AccountStore.Credentials credentials = accounts.findForReset(account.email())
                .filter(found -> tokens.fingerprint(found.passwordHash()).equals(fields.get(1)))
                .orElseThrow(AccountMail::invalidLink);
        if (!accounts.resetPassword(account.id(), credentials.passwordHash(), password)) {
            throw invalidLink();
        }
    }

    /** Switches a kind of notice off for the reader a one-click link was made for; 400 for a bad link. */
    public MailPreferences.Kind unsubscribe(String token) {
        List<String> fields = check(token, UNSUBSCRIBE);
        MailPreferences.Kind kind = MailPreferences.Kind.ofCode(fields.get(1)).orElseThrow(AccountMail::invalidLink);
        store.jdbi().useHandle(handle -> store.setNotify(handle, fields.get(0), kind, false));
        return kind;
    }

    /** Switches a kind of notice on or off; moderator digests are for staff only. */
    public void setNotify(Account account, MailPreferences.Kind kind, boolean on) {
        if (kind == MailPreferences.Kind.QUEUE && on && !account.role().canModerate()) {
            throw Problem.forbidden("not_moderator", "Only moderators can get digests of the moderation queues.");
        }
        store.jdbi().useTransaction(handle -> {
            boolean wasOn = AccountStore.preferences(handle, account.id()).notifyQueue();
            store.setNotify(handle, account.id(), kind, on);
            if (kind == MailPreferences.Kind.QUEUE && on && !wasOn) {
                ModeratorDigests.start(handle, account.id(), clock.instant());
            }
        });
    }

    private List<String> check(String token, String purpose) {
        List<String> fields = tokens.check(token, purpose, clock.instant()).orElseThrow(AccountMail::invalidLink);
        if (fields.size() != 2 || fields.get(0).isEmpty()) {
            throw invalidLink();
        }
        return fields;
    }

    private static Problem invalidLink() {
        return new Problem(ProblemKind.INVALID, "token_invalid",
                "This link is not valid, was used already or has expired. Ask for a new one.", "token");
    }
}
