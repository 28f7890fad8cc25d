package org.parley.api;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Session;
import org.parley.appeal.Appeal;
import org.parley.appeal.AppealStore;
import org.parley.appeal.Appeals;
import org.parley.statement.Statements;
import org.parley.story.Stories;

/**
 * Statements of reasons and appeals (DSA Art. 17 and 20): {@code GET /api/v1/comments/{id}/statement},
 * {@code POST /api/v1/appeals} (the author signed in, or a notifier with the signed link), and the moderators'
 * appeals queue and decisions. See docs/api.md. Thread-safe.
 */
final class AppealsApi {

    record AppealRequest(String commentId, String token, String reason) {
    }

    record DecisionRequest(String outcome, String reason) {
    }

    /** An appeal as the queue and its appellant see it. */
    record AppealView(String id, String status, String commentId, String noticeId, String reason,
            String contestedAction, String contestedBy, Instant createdAt, Instant decidedAt, String outcomeReason) {
        static AppealView of(Appeal appeal) {
            return new AppealView(appeal.id(), appeal.status(), appeal.commentId(), appeal.noticeId(),
                    appeal.reason(), appeal.contestedAction(), appeal.contestedBy(), appeal.createdAt(),
                    appeal.decidedAt(), appeal.outcomeReason());
        }
    }

    /** An open appeal in the queue, with the comment and who made the decision contested (null: the pipeline). */
    record QueuedView(AppealView appeal, String commentBody, String commentStatus, String authorName,
            String contestedByName, String storyTitle, String storyUrl, long waitingSeconds) {
    }

    private final Auth auth;
    private final Requests requests;
    private final Statements statements;
    private final Appeals appeals;
    private final Stories stories;
    private final java.time.Clock clock;

    AppealsApi(Auth auth, Requests requests, Statements statements, Appeals appeals, Stories stories,
            java.time.Clock clock) {
        this.clock = clock;
        this.stories = stories;
        this.auth = auth;
        this.requests = requests;
        this.statements = statements;
        this.appeals = appeals;
    }

    void statement(Context ctx) {
        Account viewer = auth.require(ctx).account();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("statement", statements.forComment(viewer, ctx.pathParam("id"))));
    }

    /** The signed-in reader's own restricted comments on a story, each with its statement, for the widget. */
    void restrictedComments(Context ctx) {
        Account author = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        String url = Requests.requiredQuery(ctx, "url");
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("comments", stories.find(site, url)
                .map(story -> statements.restrictedOnStory(author.id(), story.id()))
                .orElse(List.of())));
    }

    void appeal(Context ctx) {
        AppealRequest request = requests.body(ctx, AppealRequest.class);
        Appeal appeal;
        if (request.token() != null) {
            // The signed link is the notifier's credential; a signed-in notifier is recorded as the appellant.
            appeal = appeals.appealNotice(auth.session(ctx).map(Session::account).orElse(null), request.token(),
                    request.reason());
        } else {
            Session session = auth.requireForChange(ctx);
            if (request.commentId() == null || request.commentId().isBlank()) {
                throw org.parley.problem.Problem.invalid("commentId", "Name the comment whose decision you appeal.");
            }
            appeal = appeals.appeal(session.account(), request.commentId(), request.reason());
        }
        ctx.status(201).json(Map.of("appeal", Map.of("id", appeal.id(), "status", appeal.status())));
    }

    void queue(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        Instant now = clock.instant();
        List<QueuedView> items = appeals.queue(moderator, site).stream().map(queued -> view(queued, now)).toList();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("appeals", items));
    }

    void decide(Context ctx) {
        Session session = auth.requireForChange(ctx);
        DecisionRequest request = requests.body(ctx, DecisionRequest.class);
        Appeal appeal = appeals.decide(session.account(), ctx.pathParam("id"), request.outcome(), request.reason());
        ctx.json(Map.of("appeal", AppealView.of(appeal)));
    }

    private static QueuedView view(AppealStore.Queued queued, Instant now) {
        return new QueuedView(AppealView.of(queued.appeal()), queued.commentBody(), queued.commentStatus(),
                queued.authorName(), queued.contestedByName(), queued.storyTitle(), queued.storyUrl(),
                Math.max(0, Duration.between(queued.appeal().createdAt(), now).toSeconds()));
    }
}
