package org.parley.statement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A statement of reasons (DSA Art. 17) for one restriction of a comment or an account, as the API, the widget, the
 * mail and the data export give it. Immutable.
 *
 * @param commentId the comment restricted, or null for an account restriction
 * @param decision what was done: held, rejected, removed, banned, suspended
 * @param ground {@code guidelines} (the site's community guidelines) or {@code illegal} (a notice's legal category)
 * @param category the guideline category (rude, aggressive, derogatory, discriminatory) or the legal category; null
 *     when the decision named none
 * @param guideline the sentence of the site's guidelines the decision rests on (on the ground guidelines)
 * @param explanation the moderator's own words, when a person gave any
 * @param facts the passages it rests on, each {@code {category, text}}
 * @param automatedDetection whether automated means (the classifier, readers' reports counted by the pipeline)
 *     flagged it
 * @param automatedDecision whether automated means decided it, with no person involved
 */
public record Statement(String commentId, String decision, String ground, String category, String guideline,
        String explanation, List<Map<String, String>> facts, boolean automatedDetection, boolean automatedDecision,
        Instant decidedAt, Redress redress) {

    /**
     * The ways to contest the decision.
     *
     * @param appeal the internal complaint: where to send it, until when, and the latest one made
     * @param outOfCourt out-of-court dispute settlement (Art. 21)
     * @param courts the courts
     * @param text all of it in a sentence or two
     */
    public record Redress(Appeal appeal, String outOfCourt, String courts, String text) {
    }

    /**
     * The internal complaint.
     *
     * @param open whether one can be made now: within the window and none pending
     * @param latest the latest appeal the author made against this comment's restriction, or null
     */
    public record Appeal(String endpoint, Instant openUntil, boolean open, AppealState latest) {
    }

    /** An appeal as its appellant sees it. */
    public record AppealState(String id, String status, Instant createdAt, Instant decidedAt, String outcomeReason) {
    }
}
