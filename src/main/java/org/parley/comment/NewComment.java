package org.parley.comment;

import java.time.Instant;

/**
 * A comment about to be stored: placed in its thread (root, depth, the comment it answers) and judged (status). The
 * judgement's detail, as the JSON the moderation columns keep, rides along so that one INSERT stores it all:
 * {@code reasons} (a JSON array, {@code "[]"} when there are none), {@code scores} and {@code modelVersion} (null for
 * comments no classifier judged, such as imported ones).
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
        Instant createdAt,
        String reasons,
        String scores,
        String modelVersion) {

    /** A comment stored without a judgement of its own (imports). */
    public NewComment(String id, String storyId, String parentId, String rootId, int depth, String replyToId,
            String authorId, String body, String html, CommentStatus status, Instant createdAt) {
        this(id, storyId, parentId, rootId, depth, replyToId, authorId, body, html, status, createdAt, "[]", null,
                null);
    }
}
