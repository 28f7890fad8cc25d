package org.parley.site;

import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;

/**
 * Issues API tokens for automation, limited by role and site: a token's site must exist and its account must be
 * able to moderate it; its role is at most its account's. The dashboard, the API and {@code parley admin token}
 * come through here. Thread-safe.
 */
public final class StaffTokens {

    private final Accounts accounts;
    private final ModeratorAccess access;
    private final SiteStore sites;

    public StaffTokens(Accounts accounts, ModeratorAccess access, SiteStore sites) {
        this.accounts = accounts;
        this.access = access;
        this.sites = sites;
    }

    /** A new token acting as the account; {@code role} and {@code site} may be null (no limit). */
    public Accounts.NewToken issue(String accountId, String name, String role, String site) {
        Account account = accounts.findAccount(accountId)
                .orElseThrow(() -> Problem.notFound("user", "There is no such account."));
        Role limit = role(role);
        if (site != null) {
            if (sites.find(site).isEmpty()) {
                throw Problem.notFound("site", "There is no site '" + site + "'.");
            }
            if (!access.mayModerate(account, site)) {
                throw Problem.invalid("site", account.displayName() + " does not moderate the site '" + site + "'.");
            }
        }
        return accounts.createToken(accountId, name, limit, site);
    }

    private static Role role(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "moderator" -> Role.MODERATOR;
            case "admin" -> Role.ADMIN;
            default -> throw Problem.invalid("role", "A token's role is moderator or admin.");
        };
    }
}
