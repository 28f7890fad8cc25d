package org.parley.account;

import java.time.Instant;

/** A person who signs in: a reader, a moderator or an admin. The password hash never leaves AccountStore. */
public record Account(String id, String email, String displayName, Role role, Instant createdAt) {
}
