package org.parley.sso;

import java.time.Clock;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.SignedIn;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;
import org.parley.site.SsoKeys;

/**
 * Publisher sign-in: the publisher's page hands over a JWT it signed for its reader; a valid one signs the browser
 * in as the Parley account linked to (site, sub), made on first use. Such an account is a reader with no password,
 * so it cannot log in with one, and the token's e-mail is kept but never names it, so a token cannot take over
 * a password account. The display name follows the token at every sign-in. Thread-safe.
 */
public final class SingleSignOn {

    private static final int MAX_DISPLAY_NAME_LENGTH = 50;

    private final SsoStore store;
    private final SiteStore sites;
    private final Accounts accounts;
    private final Clock clock;

    public SingleSignOn(SsoStore store, SiteStore sites, Accounts accounts, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Checks the token against the site's keys and starts a session; 401 {@code sso_invalid} when it fails. */
    public SignedIn signIn(String siteId, String token) {
        if (siteId == null || siteId.isBlank()) {
            throw Problem.invalid("site", "Name the site the reader signs in to.");
        }
        SsoKeys keys = sites.ssoKeys(siteId)
                .orElseThrow(() -> Problem.notFound("site", "There is no site '" + siteId + "'."));
        if (!keys.configured()) {
            throw SsoTokens.invalid("The site '" + siteId + "' has no SSO secret or public key; an admin sets one"
                    + " with 'parley site set " + siteId + " --sso-secret-stdin' or in the site's settings.");
        }
        SsoTokens.Claims claims = SsoTokens.verify(keys, token, clock.instant());
        String accountId = store.link(siteId, claims, displayName(claims.name()), clock.instant());
        Account account = accounts.findAccount(accountId).orElseThrow();
        return accounts.startSession(account);
    }

    /**
     * The site's keys after a change from an admin, checked but not saved: a null field keeps its key, "" turns it
     * off. 404 for an unknown site, 400 on {@code ssoSecret} or {@code ssoPublicKey} for an unusable one.
     */
    public SsoKeys changedKeys(String siteId, String secret, String publicKey) {
        SsoKeys current = sites.ssoKeys(siteId)
                .orElseThrow(() -> Problem.notFound("site", "There is no site '" + siteId + "'."));
        return new SsoKeys(secret == null ? current.secret() : SsoKeys.checkSecret(secret),
                publicKey == null ? current.publicKey() : SsoKeys.checkPublicKey(publicKey));
    }

    public void saveKeys(String siteId, SsoKeys keys) {
        sites.saveSsoKeys(siteId, keys);
    }

    /** Whether the site takes publisher sign-in; false for an unknown site. */
    public boolean enabled(String siteId) {
        return sites.ssoKeys(siteId).map(SsoKeys::configured).orElse(false);
    }

    /** The token's name as a display name: control characters dropped, cut to 50 characters. */
    private static String displayName(String name) {
        String cleaned = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            throw SsoTokens.invalid("The token's name claim is empty.");
        }
        return cleaned.codePointCount(0, cleaned.length()) <= MAX_DISPLAY_NAME_LENGTH ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_DISPLAY_NAME_LENGTH)).strip();
    }
}
