package org.parley.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Guests;
import org.parley.account.MailPreferences;
import org.parley.account.Role;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentEvents;
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
    private static final Duration VERIFY_LIFETIME = Duration.ofDays(2);
    private static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final Accounts accounts;
    private final AccountStore store;
    private final LinkTokens tokens;
    private final MailTexts texts;
    private final CommentEvents events;
    private final Clock clock;

    public AccountMail(Accounts accounts, AccountStore store, LinkTokens tokens, MailTexts texts,
            CommentEvents events, Clock clock) {
        this.events = events;
        this.accounts = accounts;
        this.store = store;
        this.tokens = tokens;
        this.texts = texts;
        this.clock = clock;
    }

    /** Queues the verification mail in the transaction that creates the account (see {@link Accounts#onSignUp}). */
    public void queueVerification(Handle handle, Account account) {
        Instant now = clock.instant();
        String link = texts.link("/account/verify?token="
                + tokens.sign(VERIFY, now.plus(VERIFY_LIFETIME), account.id(), account.email()));
        MailQueue.enqueue(handle, texts.compose(MailLanguages.ofAccount(handle, account.id()), VERIFY,
                account.email(), account.displayName(), "verify.subject", new Object[0], "verify.body",
                new Object[] {link}, null), now);
    }

    /** Sends the verification mail again, unless the address is verified already. */
    public void resendVerification(Account account) {
        if (account.role() == Role.GUEST || store.preferences(account.id()).emailVerified()) {
            return;
        }
        store.jdbi().useTransaction(handle -> queueVerification(handle, account));
    }

    /** Verifies the address a link was sent to and hands its guest comments to the account; 400 for a bad link. */
    public Account verify(String token) {
        List<String> fields = check(token, VERIFY);
        String accountId = fields.get(0);
        String email = fields.get(1);
        List<CommentEvent> claimed = store.jdbi().inTransaction(handle -> {
            if (!store.markVerified(handle, accountId, email, clock.instant())) {
                return null;
            }
            return CommentStore.claimGuestComments(handle, Guests.accountEmail(email), accountId);
        });
        if (claimed == null) {
            throw invalidLink();
        }
        claimed.forEach(events::publish);
        return accounts.findAccount(accountId).orElseThrow(AccountMail::invalidLink);
    }

    /**
     * Queues a reset link when an account has this address, and does nothing otherwise: the caller answers the
     * same either way, so the answer tells nobody whether an address has an account.
     */
    public void requestReset(String email) {
        Optional<AccountStore.Credentials> found = accounts.findForReset(email);
        Instant now = clock.instant();
        String token = tokens.sign(RESET, now.plus(RESET_LIFETIME), found.map(c -> c.account().id()).orElse(""),
                tokens.fingerprint(found.map(AccountStore.Credentials::passwordHash).orElse("")));
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get().account();
        String link = texts.link("/account/reset?token=" + token);
        store.jdbi().useTransaction(handle -> MailQueue.enqueue(handle, texts.compose(
                MailLanguages.ofAccount(handle, account.id()), RESET, account.email(), account.displayName(),
                "reset.subject", new Object[0], "reset.body", new Object[] {link}, null), now));
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
