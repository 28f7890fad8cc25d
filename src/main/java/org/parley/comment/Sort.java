package org.parley.comment;

import java.util.Locale;
import org.parley.problem.Problem;

/** The orders of a thread's top-level comments. */
public enum Sort {
    NEWEST,
    OLDEST,
    RESPECTED;

    public static Sort ofCode(String code) {
        if (code == null || code.isEmpty()) {
            return NEWEST;
        }
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("sort", "Sort by 'newest', 'oldest' or 'respected'.");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
