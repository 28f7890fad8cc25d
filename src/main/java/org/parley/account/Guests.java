package org.parley.account;

import java.time.Clock;
import org.parley.store.Ids;

/**
 * Authors of guest comments. A guest is an account with role {@code guest}, no password and the e-mail
 * {@code ADDRESS (guest)}: one account per address, so bans and rate limits hold across a guest's posts, and the
 * address stays apart from any real account's (no real address contains a space). Thread-safe.
 */
public final class Guests {

    private static final String SUFFIX = " (guest)";

    private final AccountStore store;
    private final Clock clock;
    private final DisposableDomains disposable;

    /** Guests refusing addresses of the shipped list of disposable mail domains. */
    public Guests(AccountStore store, Clock clock) {
        this(store, clock, DisposableDomains.shipped());
    }

    public Guests(AccountStore store, Clock clock, DisposableDomains disposable) {
        this.store = store;
        this.clock = clock;
        this.disposable = disposable;
    }

    /**
     * The guest account for this name and address, checked under the sign-up rules; 400 when either is wrong, 422
     * {@code disposable_email} for an address of a disposable mail service.
     */
    public Account author(String displayName, String email) {
        String address = Accounts.checkEmail(email);
        disposable.check(address);
        String name = DisplayNames.check(displayName);
        return store.findOrCreateGuest(address, name, Ids.newId(), clock.instant());
    }

    /** The stored e-mail of the guest account for an address. */
    public static String accountEmail(String address) {
        return address + SUFFIX;
    }

    /** The address a guest gave, from its account's stored e-mail. */
    public static String address(Account guest) {
        return guest.email().endsWith(SUFFIX)
                ? guest.email().substring(0, guest.email().length() - SUFFIX.length()) : guest.email();
    }
}
