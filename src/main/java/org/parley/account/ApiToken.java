package org.parley.account;

import java.time.Instant;

/**
 * An API token as it is listed: never its secret. {@code site} null means every site the account may act on;
 * {@code role} null means the account's own role.
 */
public record ApiToken(String id, String name, String accountId, String accountName, Role role, String site,
        Instant createdAt) {
}
