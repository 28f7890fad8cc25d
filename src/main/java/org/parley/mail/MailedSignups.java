package org.parley.mail;

import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Passwords;

/**
 * Sign-up confirmed by mail (version 2), which tells the caller nothing about the address: whether it is new or has
 * an account, the same checks run, the password is hashed, one transaction queues one mail, and the caller gets the
 * same answer. A new address gets an account that waits, unable to log in, for its verification link; the owner of
 * a taken address (a sign-up still waiting included, so a second try creates no duplicate) is told that someone
 * tried, with a password-reset link, and the account stays as it is. Thread-safe.
 */
public final class MailedSignups {

    private final Accounts accounts;
    private final AccountStore store;
    private final AccountMail mail;

    public MailedSignups(Accounts accounts, AccountStore store, AccountMail mail) {
        this.accounts = accounts;
        this.store = store;
        this.mail = mail;
    }

    /**
     * Signs a reader up under the sign-up rules (400 for a bad address, password or name, which says nothing about
     * accounts); {@code returnUrl}, when not null, is where the verification link leads back to, and
     * {@code siteLanguage}, when not null, the language of the site signed up on, which the mail speaks.
     */
    public void signUp(String email, String password, String displayName, String returnUrl, String siteLanguage) {
        Account account = accounts.newReader(email, password, displayName);
        String hash = Passwords.hash(password);
        store.jdbi().useTransaction(handle -> {
            if (AccountStore.insert(handle, account, hash, true)) {
                mail.queueVerification(handle, account, returnUrl, siteLanguage);
            } else {
                AccountStore.findCredentials(handle, account.email())
                        .ifPresent(owner -> mail.queueSignupAttempt(handle, owner));
            }
        });
    }
}
