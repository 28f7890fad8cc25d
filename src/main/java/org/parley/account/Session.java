package org.parley.account;

/** A signed-in browser: the account behind the cookie and the CSRF token its state-changing requests carry. */
public record Session(Account account, String tokenHash, String csrf) {
}
