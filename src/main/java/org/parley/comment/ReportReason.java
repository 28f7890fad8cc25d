package org.parley.comment;

import java.util.Locale;
import org.parley.problem.Problem;

/** Why a reader reports a comment: the contract's closed list. */
public enum ReportReason {
    RUDE,
    AGGRESSIVE,
    DEROGATORY,
    DISCRIMINATORY,
    SPAM,
    OTHER;

    public static ReportReason ofCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw Problem.invalid("reason",
                    "Choose a reason: rude, aggressive, derogatory, discriminatory, spam or other.");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
