package org.parley.moderation;

import java.time.Clock;
import java.time.Instant;
import org.parley.account.Account;
import org.parley.comment.Comment;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentEvents;
import org.parley.comment.CommentRules;
import org.parley.comment.CommentStatus;
import org.parley.comment.CommentStore;
import org.parley.comment.Markdown;
import org.parley.comment.NewComment;
import org.parley.comment.Placement;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.store.Ids;

/**
 * The one way a new or edited comment reaches the database: it is rendered, judged by the pipeline, then stored
 * with the status the pipeline gave, and listeners hear of it. Nothing else inserts or edits comment bodies.
 * Thread-safe.
 */
public final class Submissions {

    private final CommentStore comments;
    private final ModerationStore moderation;
    private final Pipeline pipeline;
    private final CommentEvents events;
    private final CommentRules rules;
    private final Clock clock;

    public Submissions(CommentStore comments, ModerationStore moderation, Pipeline pipeline, CommentEvents events,
            CommentRules rules, Clock clock) {
        this.comments = comments;
        this.moderation = moderation;
        this.pipeline = pipeline;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    /** Posts a new comment, or a reply when {@code parentId} is not null. */
    public Outcome post(Account author, Story story, String parentId, String body, boolean revised) {
        String text = requireBody(body);
        Comment parent = parentId == null ? null : requireParent(story, parentId);
        Markdown.Rendered rendered = Markdown.render(text);
        Instant now = clock.instant();
        Verdict verdict = pipeline.run(
                new Submission(author, story, parent, null, text, rendered.plainText(), revised, now,
                        moderation.settings(story.site())));
        String id = Ids.newId();
        Placement placement = parent == null ? Placement.topLevel(id) : Placement.replyTo(parent);
        NewComment comment = new NewComment(id, story.id(), placement.parentId(), placement.rootId(),
                placement.depth(), placement.replyToId(), author.id(), text, rendered.html(), verdict.status(), now);
        comments.jdbi().useTransaction(handle -> comments.insert(handle, comment));
        log(story, id, author, verdict, now);
        if (verdict.status() == CommentStatus.PUBLISHED) {
            events.publish(new CommentEvent(CommentEvent.Type.PUBLISHED, story.id(), id));
        }
        return new Outcome(comments.find(id).orElseThrow(), verdict.status(), verdict.reasons());
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
        if (now.isAfter(comment.createdAt().plus(rules.editWindow()))) {
            throw Problem.forbidden("edit_window_closed", "Comments can be edited for "
                    + rules.editWindow().toMinutes() + " minutes after posting; that time has passed.");
        }
        Markdown.Rendered rendered = Markdown.render(text);
        Verdict verdict = pipeline.run(
                new Submission(author, story, null, comment, text, rendered.plainText(), true, now,
                        moderation.settings(story.site())));
        comments.jdbi().useTransaction(handle -> comments.updateBody(handle,
                CommentStore.find(handle, comment.id()).orElseThrow(), text, rendered.html(), verdict.status(), now));
        log(story, comment.id(), author, verdict, now);
        CommentEvent.Type type = verdict.status() == CommentStatus.PUBLISHED
                ? (comment.status() == CommentStatus.PUBLISHED ? CommentEvent.Type.EDITED : CommentEvent.Type.PUBLISHED)
                : CommentEvent.Type.REMOVED;
        events.publish(new CommentEvent(type, story.id(), comment.id()));
        return new Outcome(comments.find(comment.id()).orElseThrow(), verdict.status(), verdict.reasons());
    }

    /** Records the pipeline's decision in the moderation log (a moderator's decisions are logged elsewhere). */
    private void log(Story story, String commentId, Account author, Verdict verdict, Instant now) {
        String action = switch (verdict.status()) {
            case PUBLISHED -> "published";
            case PENDING -> "held";
            default -> "rejected";
        };
        String reasons = verdict.reasons().stream().map(Reason::code).reduce((a, b) -> a + ", " + b).orElse(null);
        moderation.log(new ModerationStore.LogEntry(story.site(), commentId, author.id(), null, action, reasons,
                null, null, now));
    }

    private static String requireBody(String body) {
        if (body == null) {
            throw Problem.unprocessable("body_empty", "Write something before you post.", "body");
        }
        return body.strip();
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
