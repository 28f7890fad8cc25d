package org.parley.account;

/** The outcome of sign-up or log-in: the account, the new session's cookie value and its CSRF token. */
public record SignedIn(Account account, String sessionToken, String csrf) {
}
