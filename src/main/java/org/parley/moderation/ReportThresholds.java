package org.parley.moderation;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.site.SiteStore;
import org.parley.story.Story;
import org.parley.story.StoryStore;

/**
 * What readers' reports do: enough distinct readers put a comment in the reported queue (a query, see
 * {@link Queue}); more of them also take it out of the thread until a moderator decides. Thread-safe.
 */
public final class ReportThresholds {

    private final CommentStore comments;
    private final StoryStore stories;
    private final SiteStore sites;
    private final ModerationStore store;
    private final Clock clock;
    private final Restrictions restrictions = new Restrictions();

    public ReportThresholds(CommentStore comments, StoryStore stories, SiteStore sites, ModerationStore store,
            Clock clock) {
        this.comments = comments;
        this.stories = stories;
        this.sites = sites;
        this.store = store;
        this.clock = clock;
    }

    /** Adds a listener told, in the holding transaction, when reports hold a comment. */
    public void onRestriction(Restrictions.Listener listener) {
        restrictions.add(listener);
    }

    /** Holds the comment when its open reports reached the site's hold threshold; answers whether it did. */
    public boolean apply(String commentId) {
        Jdbi jdbi = comments.jdbi();
        Comment comment = comments.find(commentId).orElseThrow();
        Story story = stories.findById(comment.storyId()).orElseThrow();
        int toHold = sites.settings(story.site()).reportsToHold();
        long open = jdbi.withHandle(handle -> handle.createQuery("SELECT open_reports FROM comments WHERE id = :id")
                .bind("id", commentId)
                .mapTo(Long.class)
                .one());
        if (open < toHold || comment.status() != CommentStatus.PUBLISHED) {
            return false;
        }
        jdbi.useTransaction(handle -> {
            comments.hold(handle, CommentStore.find(handle, commentId).orElseThrow());
            ModerationStore.log(handle, new ModerationStore.LogEntry(story.site(), commentId, comment.authorId(), null,
                    "held", "reports: " + open + " readers", null, null, clock.instant()),
                    new ModerationStore.Basis(Facts.GUIDELINES, null, Facts.pipelineFacts(handle, commentId)));
            restrictions.tell(handle, commentId);
        });
        return true;
    }
}
