package org.parley.moderation;

import java.util.Locale;
import org.parley.problem.Problem;

/** What a moderator can decide about a comment. */
public enum DecisionAction {
    APPROVE,
    REJECT,
    FEATURE,
    UNFEATURE;

    public static DecisionAction ofCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw Problem.invalid("action", "Choose the action approve, reject, feature or unfeature.");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
