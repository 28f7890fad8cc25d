package org.parley.comment;

import java.time.Clock;
import org.parley.problem.Problem;

/** Readers' "respect" for a comment: one per reader per comment, never for one's own, toggled. Thread-safe. */
public final class Respects {

    private final CommentStore comments;
    private final CommentEvents events;
    private final Clock clock;

    public Respects(CommentStore comments, CommentEvents events, Clock clock) {
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    /** Adds the reader's respect, or takes it back if given; answers the new count and state. */
    public Toggled toggle(String accountId, String commentId) {
        Toggled toggled = comments.jdbi().inTransaction(handle -> {
            Comment comment = CommentStore.find(handle, commentId)
                    .filter(found -> found.status() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
            if (comment.authorId().equals(accountId)) {
                throw Problem.forbidden("own_comment", "You cannot respect your own comment.");
            }
            int removed = handle.createUpdate(
                            "DELETE FROM respects WHERE comment_id = :comment AND account_id = :account")
                    .bind("comment", commentId)
                    .bind("account", accountId)
                    .execute();
            if (removed == 0) {
                handle.createUpdate("INSERT INTO respects (comment_id, account_id, story_id, created_at) "
                                + "VALUES (:comment, :account, :story, :now)")
                        .bind("comment", commentId)
                        .bind("account", accountId)
                        .bind("story", comment.storyId())
                        .bind("now", clock.millis())
                        .execute();
            }
            int delta = removed == 0 ? 1 : -1;
            handle.createUpdate("UPDATE comments SET respect_count = respect_count + :delta WHERE id = :id")
                    .bind("delta", delta)
                    .bind("id", commentId)
                    .execute();
            return new Toggled(comment.storyId(), comment.respectCount() + delta, removed == 0);
        });
        events.publish(new CommentEvent(CommentEvent.Type.RESPECTED, toggled.storyId(), commentId));
        return toggled;
    }

    /** The outcome of a toggle. */
    public record Toggled(String storyId, long respectCount, boolean respected) {
    }
}
