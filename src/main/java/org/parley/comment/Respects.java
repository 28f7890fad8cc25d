package org.parley.comment;

import java.time.Clock;
import org.parley.problem.Problem;

/** Readers' "respect" for a comment: one per reader per comment, never for one's own, toggled. Thread-safe. */
public final class Respects {

    private final CommentStore comments;
    private final Clock clock;

    public Respects(CommentStore comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    /** Adds the reader's respect, or takes it back if given; answers the new count and state. */
    public Toggled toggle(String accountId, String commentId) {
        return comments.jdbi().inTransaction(handle -> {
            Comment comment = CommentStore.find(handle, commentId)
                    .filter(found -> found.status() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
            if (comment.authorId().equals(accountId)) {
                throw Problem.forbidden("own_comment", "You cannot respect your own comment.");
            }
            boolean respected = comments.recordRespect(handle, comment, accountId, clock.instant());
            return new Toggled(comment.storyId(), comment.respectCount() + (respected ? 1 : -1), respected);
        });
    }

    /** The outcome of a toggle. */
    public record Toggled(String storyId, long respectCount, boolean respected) {
    }
}
