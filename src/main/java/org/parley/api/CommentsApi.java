package org.parley.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Guests;
import org.parley.account.Session;
import org.parley.comment.Comment;
import org.parley.comment.CommentRules;
import org.parley.comment.Comments;
import org.parley.comment.Disagreements;
import org.parley.comment.Markdown;
import org.parley.comment.ReportReason;
import org.parley.comment.Reports;
import org.parley.comment.Respects;
import org.parley.comment.ThreadComment;
import org.parley.site.ModeratorAccess;
import org.parley.moderation.Outcome;
import org.parley.moderation.Reason;
import org.parley.moderation.ReportThresholds;
import org.parley.moderation.Submissions;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;
import org.parley.challenge.Guarded;
import org.parley.story.Stories;
import org.parley.story.Story;

/** The write side of threads: post, edit, delete, respect, report, and the Markdown preview. */
final class CommentsApi {

    /** {@code altcha} and {@code homepage} are read for guests only (see BotCheck). */
    record PostRequest(String site, String url, String title, String parentId, String body, Boolean revised,
            GuestRequest guest, String altcha, String homepage) {
    }

    /** Who a guest says they are; the e-mail is kept for moderators and claims, never shown in public. */
    record GuestRequest(String name, String email) {
    }

    record EditRequest(String body) {
    }

    record ReportRequest(String reason, String note) {
    }

    record PreviewRequest(String body) {
    }

    record OutcomeView(ThreadComment comment, String status, List<Reason> reasons) {
    }

    record RespectView(long respectCount, boolean respected) {
    }

    private final Stories stories;
    private final Submissions submissions;
    private final Comments comments;
    private final Respects respects;
    private final Reports reports;
    private final CommentRules rules;
    private final Auth auth;
    private final Requests requests;
    private final RateLimits limits;
    private final ReportThresholds reportThresholds;
    private final Disagreements disagreements;
    private final Guests guests;
    private final SiteStore sites;
    private final BotCheck bots;

    private final ModeratorAccess access;

    CommentsApi(Stories stories, Submissions submissions, Comments comments, Respects respects, Reports reports,
            ReportThresholds reportThresholds, Disagreements disagreements, CommentRules rules, Auth auth,
            Requests requests, RateLimits limits, ModeratorAccess access, Guests guests,
            SiteStore sites, BotCheck bots) {
        this.bots = bots;
        this.access = access;
        this.guests = guests;
        this.sites = sites;
        this.disagreements = disagreements;
        this.reportThresholds = reportThresholds;
        this.stories = stories;
        this.submissions = submissions;
        this.comments = comments;
        this.respects = respects;
        this.reports = reports;
        this.rules = rules;
        this.auth = auth;
        this.requests = requests;
        this.limits = limits;
    }

    /** Posts as the signed-in reader, or, without a session, as a guest where the site takes guests. */
    void post(Context ctx) {
        // The address's limit comes first, before the session is looked up and the body read, so that a flood
        // from one address costs the server as little as possible once it is over the limit (FloodTest).
        limits.take(RateLimits.Limit.POST_PER_IP, auth.clientAddress(ctx));
        Account author;
        PostRequest request;
        if (auth.session(ctx).isPresent() || ctx.header("Authorization") != null) {
            author = auth.requireForChange(ctx).account();
            limits.take(RateLimits.Limit.POST_PER_ACCOUNT, author.id());
            request = requests.body(ctx, PostRequest.class);
        } else {
            request = requests.body(ctx, PostRequest.class);
            if (request.guest() == null || request.site() == null
                    || !sites.settings(request.site()).acceptsGuests()) {
                auth.require(ctx);
            }
            if (!bots.admit(ctx, Guarded.GUEST_COMMENT, request.site(), request.altcha(), request.homepage())) {
                throw BotCheck.refused();
            }
            author = guests.author(request.guest().name(), request.guest().email());
            limits.take(RateLimits.Limit.POST_PER_ACCOUNT, author.id());
        }
        Story story = stories.findOrCreate(request.site(), request.url(), request.title());
        requireReach(author, story.site());
        Outcome outcome = submissions.post(author, story, blankToNull(request.parentId()),
                request.body(), Boolean.TRUE.equals(request.revised()),
                auth.addressRecorder(ctx, author.id(), "comment"));
        ctx.status(201).json(view(outcome));
    }

    void edit(Context ctx) {
        Session session = auth.requireForChange(ctx);
        EditRequest request = requests.body(ctx, EditRequest.class);
        limits.take(RateLimits.Limit.POST_PER_ACCOUNT, session.account().id());
        Comment comment = comments.require(ctx.pathParam("id"));
        Story story = stories.require(comment.storyId());
        ctx.json(view(submissions.edit(session.account(), story, comment, request.body())));
    }

    /** Deletes a comment: its author, or a moderator of its site (a moderator elsewhere is no moderator here). */
    void delete(Context ctx) {
        Session session = auth.requireForChange(ctx);
        Comment comment = comments.require(ctx.pathParam("id"));
        boolean moderates = access.mayModerate(session.account(), stories.require(comment.storyId()).site());
        comments.remove(session.account().id(), moderates, comment.id());
        ctx.status(204);
    }

    void respect(Context ctx) {
        Session session = auth.requireForChange(ctx);
        limits.take(RateLimits.Limit.ACTION_PER_ACCOUNT, session.account().id());
        requireReachOfComment(session.account(), ctx.pathParam("id"));
        Respects.Toggled toggled = respects.toggle(session.account().id(), ctx.pathParam("id"));
        ctx.json(new RespectView(toggled.respectCount(), toggled.respected()));
    }

    void disagree(Context ctx) {
        Session session = auth.requireForChange(ctx);
        limits.take(RateLimits.Limit.ACTION_PER_ACCOUNT, session.account().id());
        requireReachOfComment(session.account(), ctx.pathParam("id"));
        ctx.json(Map.of("disagreed", disagreements.toggle(session.account().id(), ctx.pathParam("id"))));
    }

    void report(Context ctx) {
        Session session = auth.requireForChange(ctx);
        ReportRequest request = requests.body(ctx, ReportRequest.class);
        limits.take(RateLimits.Limit.ACTION_PER_ACCOUNT, session.account().id());
        if (request.reason() == null) {
            throw Problem.invalid("reason",
                    "Choose a reason: rude, aggressive, derogatory, discriminatory, spam or other.");
        }
        requireReachOfComment(session.account(), ctx.pathParam("id"));
        reports.report(session.account().id(), ctx.pathParam("id"), ReportReason.ofCode(request.reason()),
                request.note());
        auth.rememberAddress(ctx, session.account().id(), "report", ctx.pathParam("id"));
        reportThresholds.apply(ctx.pathParam("id"));
        ctx.status(201).json(Map.of("reported", true));
    }

    void preview(Context ctx) {
        PreviewRequest request = requests.body(ctx, PreviewRequest.class);
        limits.take(RateLimits.Limit.PREVIEW_PER_IP, auth.clientAddress(ctx));
        String body = request.body() == null ? "" : request.body();
        if (body.length() > rules.maxBodyLength() * 2) {
            throw Problem.unprocessable("body_too_long", "Comments can be at most " + rules.maxBodyLength()
                    + " characters long.", "body");
        }
        ctx.json(Map.of("html", Markdown.render(body).html()));
    }

    /** An API token limited to one site acts only there, as a reader too: elsewhere 403. */
    private static void requireReach(Account account, String siteId) {
        if (!account.reaches(siteId)) {
            throw Problem.forbidden("token_site_limit", "This API token is limited to the site '"
                    + account.siteScope() + "'.");
        }
    }

    /** The same for a comment's site, looked up only when the caller's token has a site limit. */
    private void requireReachOfComment(Account account, String commentId) {
        if (account.siteScope() != null) {
            requireReach(account, stories.require(comments.require(commentId).storyId()).site());
        }
    }

    private OutcomeView view(Outcome outcome) {
        return new OutcomeView(ThreadComment.of(outcome.comment(), outcome.editWindow()), outcome.status().code(),
                outcome.reasons());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
