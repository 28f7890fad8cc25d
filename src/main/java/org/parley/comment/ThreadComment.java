package org.parley.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A comment as the public thread shows it (the contract's {@code comment} shape, plus {@code depth},
 * {@code replyTo} and {@code editableUntil}), with its visible replies nested. A removed placeholder shows
 * neither author nor text.
 */
public record ThreadComment(
        String id,
        String parentId,
        Author author,
        String html,
        Instant createdAt,
        Instant editedAt,
        Instant editableUntil,
        String status,
        boolean featured,
        long respectCount,
        long replyCount,
        int depth,
        Author replyTo,
        List<ThreadComment> replies) {

    /** Who wrote a comment, as readers see it. */
    public record Author(String id, String displayName) {
    }

    /** The public view of a comment, with an empty, still growing list of replies. */
    public static ThreadComment of(Comment comment, Duration editWindow) {
        boolean removed = comment.status() == CommentStatus.REMOVED;
        return new ThreadComment(
                comment.id(),
                comment.parentId(),
                removed ? null : new Author(comment.authorId(), comment.authorName()),
                removed ? "" : comment.html(),
                comment.createdAt(),
                comment.editedAt(),
                removed ? null : comment.createdAt().plus(editWindow),
                comment.status().code(),
                comment.featured(),
                comment.respectCount(),
                comment.replyCount(),
                comment.depth(),
                comment.replyToId() == null ? null : new Author(comment.replyToId(), comment.replyToName()),
                new ArrayList<>());
    }
}
