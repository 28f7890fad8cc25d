package org.parley.community;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.problem.Problem;
import org.parley.site.ModeratorAccess;

/**
 * Staff badges per site: an admin of the site marks an account as the site's journalist, staff or moderator, and
 * the site's thread pages show the badge beside the name (the page carries the site's badges, so a change shows
 * once cached pages expire, within a minute). A badge says who someone is, not what they may do: roles and
 * moderator assignments stay where they are. Thread-safe.
 */
public final class Badges {

    /** The badges there are. */
    public static final Set<String> KINDS = Set.of("journalist", "staff", "moderator");

    private final BadgeStore store;
    private final ModeratorAccess access;
    private final Accounts accounts;
    private final Clock clock;

    public Badges(BadgeStore store, ModeratorAccess access, Accounts accounts, Clock clock) {
        this.store = store;
        this.access = access;
        this.accounts = accounts;
        this.clock = clock;
    }

    public List<BadgeStore.Badged> list(Account admin, String siteId) {
        access.requireAdminOf(admin, siteId);
        return store.list(siteId);
    }

    /** Gives an account (named by id or e-mail address) a badge on the site (admins of the site). */
    public void give(Account admin, String siteId, String accountId, String badge) {
        access.requireAdminOf(admin, siteId);
        if (badge == null || !KINDS.contains(badge)) {
            throw Problem.invalid("badge", "Choose a badge: journalist, staff or moderator.");
        }
        store.put(siteId, named(accountId).id(), badge, clock.instant());
    }

    /** Takes an account's badge on the site (named as for {@link #give}); nothing to take is no error. */
    public void take(Account admin, String siteId, String accountId) {
        access.requireAdminOf(admin, siteId);
        store.remove(siteId, named(accountId).id());
    }

    private Account named(String accountId) {
        return (accountId.contains("@")
                ? accounts.findByEmail(accountId.strip().toLowerCase(java.util.Locale.ROOT))
                : accounts.findAccount(accountId))
                .orElseThrow(() -> Problem.notFound("account", "There is no account '" + accountId + "'."));
    }
}
