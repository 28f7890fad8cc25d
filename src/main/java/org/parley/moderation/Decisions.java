package org.parley.moderation;

import java.time.Clock;
import java.time.Instant;
import org.parley.account.Account;
import org.parley.classifier.Category;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.learning.DecisionExamples;
import org.parley.problem.Problem;
import org.parley.site.ModeratorAccess;
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
    private final Clock clock;
    private final Restrictions restrictions = new Restrictions();

    public Decisions(CommentStore comments, StoryStore stories, ModerationStore store, ModeratorAccess access,
            Clock clock) {
        this.comments = comments;
        this.stories = stories;
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    /** Adds a listener told, in the deciding transaction, when a moderator rejects a comment. */
    public void onRestriction(Restrictions.Listener listener) {
        restrictions.add(listener);
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
        CommentStore.Decided decided = new CommentStore.Decided(moderator.id(), now);
        ModerationStore.Judgement judgement = store.judgement(commentId);
        ModerationStore.LogEntry entry = new ModerationStore.LogEntry(story.site(), commentId, before.authorId(),
                moderator.id(), action.code(), blankToNull(reason), judgement.scores(), judgement.modelVersion(), now);
        comments.jdbi().useTransaction(handle -> {
            Comment current = CommentStore.find(handle, commentId).orElseThrow();
            switch (action) {
                case APPROVE -> comments.approve(handle, current, decided);
                case REJECT -> comments.reject(handle, current, decided);
                case FEATURE, UNFEATURE -> comments.feature(handle, current, action == DecisionAction.FEATURE, decided);
            }
            String named = category == null ? null : category.code();
            // A rejection rests on the guidelines and on the passages the pipeline flagged, if it flagged any.
            ModerationStore.log(handle, entry, action == DecisionAction.REJECT
                    ? new ModerationStore.Basis(Facts.GUIDELINES, named, Facts.pipelineFacts(handle, commentId))
                    : new ModerationStore.Basis(null, named, null));
            if (action == DecisionAction.REJECT && current.status() != CommentStatus.REJECTED) {
                restrictions.tell(handle, commentId);
            }
        });
        return comments.find(commentId).orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
