package org.parley.moderation;

import java.util.Locale;
import org.parley.problem.Problem;

/** The moderation queues. */
public enum QueueKind {
    /** Held by the pipeline or by reports, waiting for a decision; oldest first. */
    PENDING,
    /** Reported by enough distinct readers since the last decision; oldest first. */
    REPORTED,
    /** Rejected by the pipeline or a moderator; newest first. */
    REJECTED,
    /** Approved by a moderator; most recently decided first. */
    APPROVED;

    public static QueueKind ofCode(String code) {
        try {
            return valueOf((code == null ? "pending" : code).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("queue", "Choose the queue pending, reported, rejected or approved.");
        }
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
