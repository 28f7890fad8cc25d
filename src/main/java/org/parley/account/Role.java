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

    public boolean canModerate() {
        return this != READER;
    }
}
