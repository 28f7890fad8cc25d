package org.parley.moderation;

import java.time.Clock;
import java.time.Instant;
import org.parley.account.Account;
import org.parley.classifier.Category;
import org.parley.comment.Comment;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentEvents;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.story.StoryStore;

/**
 * Moderators' decisions on comments: approve (publish), reject (take out of the thread), feature and unfeature.
 * A decision clears the comment's open reports and goes to the moderation log. Thread-safe.
 */
public final class Decisions {

    private final CommentStore comments;
    private final StoryStore stories;
    private final ModerationStore store;
    private final ModeratorAccess access;
    private final CommentEvents events;
    private final Clock clock;

    public Decisions(CommentStore comments, StoryStore stories, ModerationStore store, ModeratorAccess access,
            CommentEvents events, Clock clock) {
        this.comments = comments;
        this.stories = stories;
        this.store = store;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    public Comment decide(Account moderator, String commentId, DecisionAction action, String reason) {
        return decide(moderator, commentId, action, reason, null);
    }

    /**
     * Decides, with the category a rejecting moderator names (null for none); the category makes the rejection a
     * labelled example for the site's model (see {@link DecisionExamples}).
     */
    public Comment decide(Account moderator, String commentId, DecisionAction action, String reason,
            Category category) {
        if (category != null && (action != DecisionAction.REJECT || category == Category.UNCIVIL)) {
            throw Problem.invalid("category", "Name a category (rude, aggressive, derogatory or discriminatory)"
                    + " only when rejecting.");
        }
        Comment before = comments.find(commentId)
                .filter(found -> found.status() != CommentStatus.REMOVED)
                .orElseThrow(() -> Problem.notFound("comment", "There is no such comment."));
        Story story = stories.findById(before.storyId()).orElseThrow();
        access.require(moderator, story.site());
        if ((action == DecisionAction.FEATURE || action == DecisionAction.UNFEATURE)
                && before.status() != CommentStatus.PUBLISHED) {
            throw Problem.conflict("not_published", "Only published comments can be featured.");
        }
        Instant now = clock.instant();
        comments.jdbi().useTransaction(handle -> {
            Comment current = CommentStore.find(handle, commentId).orElseThrow();
            switch (action) {
                case APPROVE -> {
                    comments.changeStatus(handle, current, CommentStatus.PUBLISHED);
                    if (current.status() != CommentStatus.PUBLISHED) {
                        events.publishing(handle, commentId);
                    }
                }
                case REJECT -> comments.changeStatus(handle, current, CommentStatus.REJECTED);
                case FEATURE, UNFEATURE -> handle.createUpdate(
                                "UPDATE comments SET featured = :featured WHERE id = :id")
                        .bind("featured", action == DecisionAction.FEATURE ? 1 : 0)
                        .bind("id", commentId)
                        .execute();
            }
            handle.createUpdate("UPDATE comments SET decided_by = :moderator, decided_at = :now, open_reports = 0"
                            + " WHERE id = :id")
                    .bind("moderator", moderator.id())
                    .bind("now", now.toEpochMilli())
                    .bind("id", commentId)
                    .execute();
        });
        ModerationStore.Judgement judgement = store.judgement(commentId);
        store.log(new ModerationStore.LogEntry(story.site(), commentId, before.authorId(), moderator.id(),
                action.code(), blankToNull(reason), judgement.scores(), judgement.modelVersion(), now),
                category == null ? null : category.code());
        events.publish(new CommentEvent(eventType(before, action), story.id(), commentId));
        return comments.find(commentId).orElseThrow();
    }

    private static CommentEvent.Type eventType(Comment before, DecisionAction action) {
        boolean wasPublished = before.status() == CommentStatus.PUBLISHED;
        return switch (action) {
            case APPROVE -> wasPublished ? CommentEvent.Type.EDITED : CommentEvent.Type.PUBLISHED;
            case REJECT -> CommentEvent.Type.REMOVED;
            case FEATURE, UNFEATURE -> CommentEvent.Type.EDITED;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
