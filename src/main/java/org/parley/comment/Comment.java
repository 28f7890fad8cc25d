package org.parley.comment;

import java.time.Instant;

/**
 * A stored comment as the thread reads it: the row joined with its author's name and, for a reply placed beside
 * the comment it answers (deeper than the shown depth), that comment's author's name.
 */
public record Comment(
        String id,
        String storyId,
        String parentId,
        String rootId,
        int depth,
        String replyToId,
        String replyToName,
        String authorId,
        String authorName,
        String body,
        String html,
        CommentStatus status,
        boolean featured,
        long respectCount,
        long replyCount,
        Instant createdAt,
        Instant editedAt) {

    /** Whether the public thread shows it: published, or removed but still holding replies in place. */
    public boolean isVisible() {
        return status == CommentStatus.PUBLISHED || status == CommentStatus.REMOVED && replyCount > 0;
    }
}
