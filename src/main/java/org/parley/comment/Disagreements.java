package org.parley.comment;

import java.time.Clock;
import java.util.List;
import org.parley.problem.Problem;

/**
 * A reader's private "I disagree": disagreement is not a report, so it is kept for the reader alone, never counted
 * in public and never shown to moderators. Toggled like a respect. Thread-safe.
 */
public final class Disagreements {

    private final CommentStore comments;
    private final Clock clock;

    public Disagreements(CommentStore comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    /** Marks the comment as one the reader disagrees with, or unmarks it; answers the new state. */
    public boolean toggle(String accountId, String commentId) {
        return comments.jdbi().inTransaction(handle -> {
            Comment comment = CommentStore.find(handle, commentId)
                    .filter(found -> found.status() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
            int removed = handle.createUpdate(
                            "DELETE FROM disagreements WHERE comment_id = :comment AND account_id = :account")
                    .bind("comment", commentId)
                    .bind("account", accountId)
                    .execute();
            if (removed > 0) {
                return false;
            }
            handle.createUpdate("INSERT INTO disagreements (comment_id, account_id, story_id, created_at)"
                            + " VALUES (:comment, :account, :story, :now)")
                    .bind("comment", commentId)
                    .bind("account", accountId)
                    .bind("story", comment.storyId())
                    .bind("now", clock.millis())
                    .execute();
            return true;
        });
    }

    /** The ids of a story's comments the reader disagrees with. */
    public List<String> list(String accountId, String storyId) {
        return comments.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT comment_id FROM disagreements WHERE account_id = :account AND story_id = :story")
                .bind("account", accountId)
                .bind("story", storyId)
                .mapTo(String.class)
                .list());
    }
}
