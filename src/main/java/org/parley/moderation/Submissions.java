package org.parley.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.parley.account.Account;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.comment.Comment;
import org.parley.comment.BodyText;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.comment.Markdown;
import org.parley.comment.NewComment;
import org.parley.comment.Placement;
import org.parley.learning.SiteClassifiers;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;
import org.parley.story.Story;
import org.parley.store.GroupCommit;
import org.parley.store.Ids;

/**
 * The one way a new or edited comment reaches the database: it is rendered, judged by the pipeline, then stored
 * with the status the pipeline gave ({@link CommentStore}, which announces it). Nothing else inserts or edits
 * comment bodies.
 * Thread-safe.
 */
public final class Submissions {

    private final CommentStore comments;
    private final SiteStore sites;
    private final SiteClassifiers classifiers;
    private final Pipeline pipeline;
    private final EditWindows editWindows;
    private final Clock clock;
    private final SubmissionMeters meters;
    private final GroupCommit writes;
    private final Restrictions restrictions = new Restrictions();

    /** Submissions scored with one classifier for every site. */
    public Submissions(CommentStore comments, SiteStore sites, Classifier classifier, Pipeline pipeline,
            EditWindows editWindows, Clock clock) {
        this(comments, sites, SiteClassifiers.shippedOnly(classifier), pipeline, editWindows, clock);
    }

    /** Submissions scored with each site's own classifier. */
    public Submissions(CommentStore comments, SiteStore sites, SiteClassifiers classifiers,
            Pipeline pipeline, EditWindows editWindows, Clock clock) {
        this(comments, sites, classifiers, pipeline, editWindows, clock,
                SubmissionMeters.unregistered(), GroupCommit.direct(comments.jdbi()));
    }

    /**
     * Submissions scored with each site's own classifier, counted and timed for metrics, whose posts are committed
     * through {@code writes} (on SQLite, together with the posts that arrive at the same time).
     */
    public Submissions(CommentStore comments, SiteStore sites, SiteClassifiers classifiers,
            Pipeline pipeline, EditWindows editWindows, Clock clock, SubmissionMeters meters, GroupCommit writes) {
        this.meters = meters;
        this.writes = writes;
        this.comments = comments;
        this.sites = sites;
        this.classifiers = classifiers;
        this.pipeline = pipeline;
        this.editWindows = editWindows;
        this.clock = clock;
    }

    /** Adds a listener told, in the storing transaction, when the pipeline holds or rejects a submission. */
    public void onRestriction(Restrictions.Listener listener) {
        restrictions.add(listener);
    }

    /** Posts a new comment, or a reply when {@code parentId} is not null. */
    public Outcome post(Account author, Story story, String parentId, String body, boolean revised) {
        return post(author, story, parentId, body, revised, (handle, id) -> { });
    }

    /**
     * Posts a new comment, or a reply; {@code alongside} gets the comment's id and makes its own writes in the
     * transaction that stores the comment (the API records the client's address there: one commit per post).
     */
    public Outcome post(Account author, Story story, String parentId, String body, boolean revised,
            BiConsumer<Handle, String> alongside) {
        String text = requireBody(body);
        Comment parent = parentId == null ? null : requireParent(story, parentId);
        Markdown.Rendered rendered = Markdown.render(text);
        // Milliseconds, as the database keeps times: the answer shows the time a later read will.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Classifier classifier = classifiers.forSite(story.site());
        Submission submission = new Submission(author, story, parent, null, text, rendered.plainText(), revised, now,
                sites.recentSettings(story.site()),
                meters.timeClassifier(() -> classifier.classify(rendered.plainText())), classifier.modelVersion());
        Verdict verdict = judge(submission);
        String id = Ids.newId();
        Placement placement = parent == null ? Placement.topLevel(id) : Placement.replyTo(parent);
        NewComment comment = new NewComment(id, story.id(), placement.parentId(), placement.rootId(),
                placement.depth(), placement.replyToId(), author.id(), text, rendered.html(), verdict.status(), now,
                ModerationStore.json(verdict.reasons()), scoresJson(submission), submission.modelVersion());
        writes.useTransaction(handle -> {
            comments.insert(handle, comment);
            log(handle, submission, id, verdict, comment.scores());
            alongside.accept(handle, id);
        });
        // The answer is built from what was just stored rather than read back: a new comment has no respects,
        // replies or edits yet, and the names it shows are its author's and, past the deepest level, its parent's.
        Comment stored = new Comment(id, story.id(), placement.parentId(), placement.rootId(), placement.depth(),
                placement.replyToId(), placement.replyToId() == null ? null : parent.authorName(), author.id(),
                author.displayName(), text, rendered.html(), verdict.status(), false, 0, 0, now, null);
        return new Outcome(stored, verdict.status(), verdict.reasons(), editWindows.forSite(story.site()));
    }

    /** Replaces the body of the author's own comment within the edit window; the edit is judged anew. */
    public Outcome edit(Account author, Story story, Comment comment, String body) {
        String text = requireBody(body);
        if (!comment.authorId().equals(author.id())) {
            throw Problem.forbidden("not_author", "Only its author can edit a comment.");
        }
        if (comment.status() == CommentStatus.REMOVED || comment.status() == CommentStatus.REJECTED) {
            throw Problem.conflict("not_editable", "This comment can no longer be edited.");
        }
        Instant now = clock.instant();
        java.time.Duration window = editWindows.forSite(story.site());
        if (now.isAfter(comment.createdAt().plus(window))) {
            throw Problem.forbidden("edit_window_closed", "Comments can be edited for "
                    + window.toMinutes() + " minutes after posting; that time has passed.");
        }
        Markdown.Rendered rendered = Markdown.render(text);
        Classifier classifier = classifiers.forSite(story.site());
        Submission submission = new Submission(author, story, null, comment, text, rendered.plainText(), true, now,
                sites.recentSettings(story.site()),
                meters.timeClassifier(() -> classifier.classify(rendered.plainText())), classifier.modelVersion());
        Verdict verdict = judge(submission);
        CommentStore.Revision revision = new CommentStore.Revision(text, rendered.html(), now, verdict.status(),
                ModerationStore.json(verdict.reasons()), scoresJson(submission), submission.modelVersion());
        comments.jdbi().useTransaction(handle -> {
            comments.edit(handle, CommentStore.find(handle, comment.id()).orElseThrow(), revision);
            log(handle, submission, comment.id(), verdict, revision.scores());
        });
        return new Outcome(comments.find(comment.id()).orElseThrow(), verdict.status(), verdict.reasons(), window);
    }

    /** Runs the pipeline and counts what it decided, nudges included. */
    private Verdict judge(Submission submission) {
        Verdict verdict;
        try {
            verdict = pipeline.run(submission);
        } catch (GuidelineNudge nudge) {
            meters.nudged();
            throw nudge;
        }
        meters.judged(verdict.status());
        return verdict;
    }

    /**
     * Records the pipeline's decision in the moderation log (a moderator's decisions are logged elsewhere), in the
     * transaction that stores the comment: one write per post, and no comment without its log entry.
     */
    private void log(Handle handle, Submission submission, String commentId, Verdict verdict,
            String scoresJson) {
        String action = switch (verdict.status()) {
            case PUBLISHED -> "published";
            case PENDING -> "held";
            default -> "rejected";
        };
        String reasons = verdict.reasons().stream().map(Reason::code).reduce((a, b) -> a + ", " + b).orElse(null);
        ModerationStore.log(handle, new ModerationStore.LogEntry(submission.story().site(), commentId,
                submission.author().id(), null, action, reasons, scoresJson,
                submission.modelVersion(), submission.now()), Facts.ofVerdict(submission, verdict));
        if (verdict.status() != CommentStatus.PUBLISHED) {
            restrictions.tell(handle, commentId);
        }
    }

    private static String scoresJson(Submission submission) {
        return ModerationStore.json(scoresOf(submission));
    }

    /** The scores of a submission by category code, as stored with the comment and in the log. */
    private static Map<String, Double> scoresOf(Submission submission) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            scores.put(category.code(), Math.round(submission.classification().scores().get(category) * 1e4) / 1e4);
        }
        return scores;
    }

    private static String requireBody(String body) {
        if (body == null) {
            throw Problem.unprocessable("body_empty", "Write something before you post.", "body");
        }
        return BodyText.neutralize(body).strip();
    }

    private Comment requireParent(Story story, String parentId) {
        Comment parent = comments.find(parentId)
                .filter(found -> found.storyId().equals(story.id()))
                .orElseThrow(() -> Problem.notFound("comment", "The comment you reply to does not exist."));
        if (parent.status() != CommentStatus.PUBLISHED) {
            throw Problem.conflict("parent_unavailable", "The comment you reply to has been removed.");
        }
        return parent;
    }
}
