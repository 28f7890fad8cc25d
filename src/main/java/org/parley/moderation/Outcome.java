package org.parley.moderation;

import java.util.List;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;

/** What became of a submission: the stored comment, its status and the reasons phases gave. */
public record Outcome(Comment comment, CommentStatus status, List<Reason> reasons) {
}
