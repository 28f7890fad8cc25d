package org.parley.moderation;

import java.util.List;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;

/**
 * What became of a submission: the stored comment, its status, the reasons phases gave, and how long its author
 * may edit it (the site's edit window).
 */
public record Outcome(Comment comment, CommentStatus status, List<Reason> reasons, java.time.Duration editWindow) {
}
