package org.parley.comment;

import java.time.Instant;

/**
 * A comment about to be stored: placed in its thread (root, depth, the comment it answers) and judged (status).
 */
public record NewComment(
        String id,
        String storyId,
        String parentId,
        String rootId,
        int depth,
        String replyToId,
        String authorId,
        String body,
        String html,
        CommentStatus status,
        Instant createdAt) {
}
