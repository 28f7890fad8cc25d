package org.parley.moderation;

import java.util.List;
import java.util.Map;
import org.parley.comment.Comment;

/**
 * One comment in a moderation queue, with what a moderator needs to decide: its story, the classifier's scores,
 * the pipeline's reasons, readers' reports by reason, and the author's record.
 */
public record QueueItem(
        Comment comment,
        StoryRef story,
        Map<String, Double> scores,
        String modelVersion,
        List<Reason> reasons,
        List<ReportCount> reports,
        AuthorRecord authorRecord) {

    /** The story a queued comment belongs to. */
    public record StoryRef(String id, String url, String title) {
    }

    /** How many readers reported a comment for one reason. */
    public record ReportCount(String reason, long count) {
    }

    /** How an author's comments have fared so far. */
    public record AuthorRecord(long published, long pending, long rejected) {
    }
}
