package org.parley.comment;

import org.parley.problem.Problem;

/**
 * Removal of comments by their authors or by moderators. A removed comment leaves the public thread; while it
 * has replies a placeholder keeps them in place. New and edited comments come in through moderation's
 * Submissions, never here. Thread-safe.
 */
public final class Comments {

    private final CommentStore store;

    public Comments(CommentStore store) {
        this.store = store;
    }

    public Comment require(String id) {
        return store.find(id).orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
    }

    /** Removes a comment; {@code byModerator} lifts the author-only rule. */
    public void remove(String actorId, boolean byModerator, String commentId) {
        store.jdbi().useTransaction(handle -> {
            Comment comment = CommentStore.find(handle, commentId)
                    .filter(found -> found.status() != CommentStatus.REMOVED)
                    .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
            if (!byModerator && !comment.authorId().equals(actorId)) {
                throw Problem.forbidden("not_author", "Only its author or a moderator can delete a comment.");
            }
            store.remove(handle, comment);
        });
    }
}
