package org.parley.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.parley.classifier.Category;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Split;
import org.parley.comment.Markdown;

/**
 * A site's moderator decisions read as labelled examples for the classifier. Only the latest approve or reject of a
 * comment counts. An approval is a civil example (every category 0) when the pipeline had held or rejected the
 * comment: the moderator overruled the model. A rejection is uncivil (1) with the category the moderator named
 * set to 1 and the other categories unknown; without a category only {@code uncivil} is known. Approvals of
 * comments the pipeline published are skipped: they say nothing the model did not already believe.
 *
 * <p>Every example's source is {@link #SOURCE}, so training can weigh the site's decisions apart from base data.
 * Each comment goes to the training part or the held-back part by a hash of its id ({@link #heldBack}), so the
 * same comment stays on the same side however many decisions follow. Thread-safe.
 */
public final class DecisionExamples {

    /** The source name of decision examples, as {@link org.parley.classifier.Trainer.Options} weighs sources. */
    public static final String SOURCE = "decisions";

    private final Jdbi jdbi;

    public DecisionExamples(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One decision as an example, with the comment it came from. */
    public record Example(String commentId, LabeledText labeled) {

        /** True for the fifth of comments kept out of training to compare models on. */
        public boolean heldBack() {
            return DecisionExamples.heldBack(commentId);
        }
    }

    /** The site's examples, one per decided comment, in comment id order. */
    public List<Example> list(String siteId) {
        Map<String, Example> latest = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT l.comment_id, l.action, l.category, c.body,
                               (SELECT COUNT(*) FROM moderation_log p
                                WHERE p.comment_id = l.comment_id AND p.actor_id IS NULL
                                  AND p.action IN ('held', 'rejected')) AS flagged
                        FROM moderation_log l JOIN comments c ON c.id = l.comment_id
                        WHERE l.site_id = :site AND l.actor_id IS NOT NULL AND l.action IN ('approve', 'reject')
                        ORDER BY l.comment_id, l.created_at, l.id""")
                .bind("site", siteId)
                .map((rs, ctx) -> {
                    String commentId = rs.getString("comment_id");
                    boolean reject = "reject".equals(rs.getString("action"));
                    if (!reject && rs.getLong("flagged") == 0) {
                        latest.remove(commentId);
                        return 0;
                    }
                    String text = Markdown.render(rs.getString("body")).plainText();
                    latest.put(commentId, new Example(commentId, new LabeledText(SOURCE, text,
                            reject ? uncivil(rs.getString("category")) : civil(), "", Split.TRAIN)));
                    return 0;
                })
                .list());
        return new ArrayList<>(latest.values());
    }

    /** The labels of a comment a moderator approved after the pipeline flagged it. */
    static byte[] civil() {
        return new byte[Category.COUNT];
    }

    /** The labels of a rejected comment, with the named category (a contract code) or none. */
    static byte[] uncivil(String categoryCode) {
        byte[] labels = new byte[Category.COUNT];
        Arrays.fill(labels, LabeledText.UNKNOWN);
        labels[Category.UNCIVIL.ordinal()] = 1;
        if (categoryCode != null) {
            Category.fromCode(categoryCode).ifPresent(category -> labels[category.ordinal()] = 1);
        }
        return labels;
    }

    /** Whether a comment's decision is held back: one comment in five, by a hash of its id. */
    public static boolean heldBack(String commentId) {
        int hash = commentId.hashCode() * 0x9E3779B1;
        return Integer.remainderUnsigned(hash ^ (hash >>> 16), 5) == 0;
    }
}
