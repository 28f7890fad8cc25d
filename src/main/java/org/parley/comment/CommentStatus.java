package org.parley.comment;

import java.util.Locale;

/**
 * Where a comment stands: only published ones are public; removed ones show as placeholders while they have
 * replies.
 */
public enum CommentStatus {
    PUBLISHED,
    PENDING,
    REJECTED,
    REMOVED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommentStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
