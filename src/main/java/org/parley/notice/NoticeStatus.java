package org.parley.notice;

import java.util.Locale;
import org.parley.problem.Problem;

/**
 * Where a notice stands: open until a moderator acts on the comment (actioned) or finds no ground (dismissed).
 * Immutable.
 */
public enum NoticeStatus {
    OPEN,
    ACTIONED,
    DISMISSED;

    public static NoticeStatus ofCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw Problem.invalid("status", "Choose the status open, actioned or dismissed.");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
