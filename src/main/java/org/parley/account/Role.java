package org.parley.account;

import java.util.Locale;

/** What an account may do: readers comment, moderators also moderate, admins also manage sites and staff. */
public enum Role {
    READER,
    MODERATOR,
    ADMIN;

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
        return this != READER;
    }
}
