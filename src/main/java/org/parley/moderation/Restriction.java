package org.parley.moderation;

import java.time.Instant;

/**
 * The decision that restricts a comment or an account now, as the moderation log keeps it: what a statement of
 * reasons (DSA Art. 17) and an appeal against it (Art. 20) rest on. Immutable.
 *
 * @param logId the moderation_log entry
 * @param siteId the site, or {@code *} for an account restriction
 * @param commentId the comment, or null for an account restriction
 * @param subjectId the author or the restricted account
 * @param actorId the moderator who decided, or null when the pipeline (or readers' reports) did
 * @param action as logged: held, rejected, reject, remove, ban, suspend …
 * @param reason the logged reason: the pipeline's reason codes or the moderator's words; may be null
 * @param ground {@code guidelines} or {@code illegal}; null on entries logged before grounds were kept
 * @param category the guideline or legal category, or null
 * @param facts the passages as JSON {@code [{category, text}]}, or null
 * @param automatedDetection whether automated means flagged the comment for what it says: the pipeline held or
 *     rejected it on the classifier, a word list or the link limit ({@link ModerationStore#CONTENT_REASON})
 * @param at when it was decided
 */
public record Restriction(String logId, String siteId, String commentId, String subjectId, String actorId,
        String action, String reason, String ground, String category, String facts, boolean automatedDetection,
        Instant at) {

    /**
     * Whether the pipeline held the comment by the site's policy alone (premoderation, a new or guest author), not
     * for anything it says: a routine wait for a moderator, which no statement mail announces.
     */
    public boolean heldByPolicy() {
        return "held".equals(action) && actorId == null && reason != null
                && (reason.startsWith("premoderation.") || reason.startsWith("user."));
    }

    /** Whether a person decided it; false when automated means did (the pipeline, readers' reports). */
    public boolean automatedDecision() {
        return actorId == null;
    }

    /** What was done, as a statement names it: held, rejected, removed, banned, suspended. */
    public String decision() {
        return switch (action) {
            case "held" -> "held";
            case "rejected", "reject" -> "rejected";
            case "remove", "removed", "appeal_upheld" -> "removed";
            case "ban" -> "banned";
            case "suspend" -> "suspended";
            default -> action;
        };
    }
}
