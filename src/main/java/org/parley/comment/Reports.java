package org.parley.comment;

import java.time.Clock;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.store.Ids;

/** Readers' reports of comments that break the guidelines: one per reader per comment. Thread-safe. */
public final class Reports {

    public static final int MAX_NOTE_LENGTH = 500;

    private final CommentStore comments;
    private final Clock clock;

    public Reports(CommentStore comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    public void report(String accountId, String commentId, ReportReason reason, String note) {
        String trimmedNote = note == null || note.isBlank() ? null : note.strip();
        if (trimmedNote != null && trimmedNote.length() > MAX_NOTE_LENGTH) {
            throw Problem.invalid("note", "Keep the note to " + MAX_NOTE_LENGTH + " characters.");
        }
        comments.jdbi().useTransaction(handle -> {
            Comment comment = CommentStore.find(handle, commentId)
                    .filter(found -> found.status() == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
            if (comment.authorId().equals(accountId)) {
                throw Problem.forbidden("own_comment", "You cannot report your own comment.");
            }
            if (!comments.recordReport(handle, comment, new CommentStore.NewReport(Ids.newId(), accountId, reason,
                    trimmedNote, clock.instant()))) {
                throw new Problem(ProblemKind.CONFLICT, "already_reported", "You have reported this comment already.");
            }
        });
    }
}
