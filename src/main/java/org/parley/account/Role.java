package org.parley.account;

import java.util.Locale;

/**
 * What an account may do: readers comment, moderators also moderate, admins also manage sites and staff. A guest
 * is the author of guest comments: it has no password, cannot sign in, and stands for one e-mail address.
 */
public enum Role {
    READER,
    MODERATOR,
    ADMIN,
    GUEST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The lower of this role and another (a token never grants more than its account has). */
    public Role atMost(Role other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }

    public boolean canModerate() {
        return this == MODERATOR || this == ADMIN;
    }
}
