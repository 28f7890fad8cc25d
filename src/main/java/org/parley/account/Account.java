package org.parley.account;

import java.time.Instant;

/**
 * A person who signs in: a reader, a moderator or an admin. The password hash never leaves AccountStore.
 *
 * <p>An account reached through a scoped API token carries that token's limits: {@code role} is the lower of the
 * token's and the account's, and {@code siteScope} names the one site it may act on (null: no site limit).
 */
public record Account(String id, String email, String displayName, Role role, Instant createdAt, String siteScope) {

    /** An account as itself, without a token's limits. */
    public Account(String id, String email, String displayName, Role role, Instant createdAt) {
        this(id, email, displayName, role, createdAt, null);
    }

    /** Whether this account may act on the site as far as a token's site limit goes. */
    public boolean reaches(String siteId) {
        return siteScope == null || siteScope.equals(siteId);
    }
}
