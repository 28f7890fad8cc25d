package org.parley.account;

import java.util.Locale;

/**
 * How readers sign up on this server. {@link #INSTANT}: version 1, an account and a session at once (and 409 for a
 * taken address, which tells that the address has an account). {@link #CONFIRM}: version 2 only, the same 202
 * "check your inbox" whatever the address, with the account usable once its mailed link is followed; version 1
 * answers 403. {@link #AUTO}: confirm when SMTP is configured, else instant, since without mail nobody could
 * follow the link.
 */
public enum SignupMode {
    INSTANT, CONFIRM, AUTO;

    /** The mode in force: {@link #AUTO} resolved by whether the server can send mail. */
    public SignupMode resolve(boolean mailConfigured) {
        if (this != AUTO) {
            return this;
        }
        return mailConfigured ? CONFIRM : INSTANT;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SignupMode ofCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
