package org.parley.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.account.Account;
import org.parley.comment.Comment;
import org.parley.comment.Markdown;
import org.parley.notice.Notice;
import org.parley.notice.NoticeCategory;
import org.parley.notice.NoticeStatus;
import org.parley.notice.NoticeStore;
import org.parley.notice.Notices;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;

/**
 * Notices of illegal content (DSA Art. 16) over HTTP: the legal categories for the widget's form, a notice from any
 * reader, signed in or not, and the moderators' notices queue and decisions. The use case lives in
 * {@link Notices}; this class turns HTTP into its calls. Thread-safe.
 */
final class NoticesApi {

    record NoticeRequest(String commentId, String category, String explanation, String name, String email,
            Boolean goodFaith) {
    }

    record DecisionRequest(String action, String reason) {
    }

    record CategoryView(String code, String label, boolean identityOptional) {
    }

    record Notifier(String accountId, String name, String email) {
    }

    record CommentView(String id, String authorId, String authorName, String body, String plainText, String status,
            Instant createdAt) {
    }

    record StoryView(String title, String url) {
    }

    /** A notice as the moderators' queue shows it: the notifier's name and e-mail are for moderators only. */
    record NoticeView(String id, String status, String category, String explanation, Notifier notifier,
            Instant createdAt, Instant decidedAt, String decisionReason, CommentView comment, StoryView story) {
    }

    record PageView(List<NoticeView> notices, String nextCursor) {
    }

    private static final List<CategoryView> CATEGORIES = Arrays.stream(NoticeCategory.values())
            .map(category -> new CategoryView(category.code(), category.label(), category.identityOptional()))
            .toList();

    private final Notices notices;
    private final Auth auth;
    private final Requests requests;
    private final RateLimits limits;
    private final SiteStore sites;

    NoticesApi(Notices notices, Auth auth, Requests requests, RateLimits limits, SiteStore sites) {
        this.notices = notices;
        this.auth = auth;
        this.requests = requests;
        this.limits = limits;
        this.sites = sites;
    }

    void categories(Context ctx) {
        ctx.json(Map.of("categories", CATEGORIES));
    }

    /** A notice from a signed-in reader (CSRF when by cookie) or from anyone signed out. */
    void submit(Context ctx) {
        limits.take(RateLimits.Limit.NOTICE_PER_IP, auth.clientAddress(ctx));
        Account notifier = null;
        if (auth.session(ctx).isPresent() || ctx.header("Authorization") != null) {
            notifier = auth.requireForChange(ctx).account();
            limits.take(RateLimits.Limit.ACTION_PER_ACCOUNT, notifier.id());
        }
        NoticeRequest request = requests.body(ctx, NoticeRequest.class);
        if (request.email() != null && !request.email().isBlank()) {
            // The receipt goes to the address given: no address gets more mails than a reset would send it.
            limits.take(RateLimits.Limit.MAIL_PER_EMAIL, request.email().strip().toLowerCase(Locale.ROOT));
        }
        Notice notice = notices.submit(notifier, new Notices.Submission(request.commentId(), request.category(),
                request.explanation(), request.name(), request.email(), request.goodFaith()));
        ctx.status(201).json(Map.of("notice", Map.of("id", notice.id(), "status", notice.status().code())));
    }

    void list(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        if (sites.find(site).isEmpty()) {
            throw Problem.notFound("site", "There is no site '" + site + "'.");
        }
        String status = ctx.queryParam("status");
        NoticeStore.Page page = notices.list(moderator, site,
                status == null || status.isBlank() ? NoticeStatus.OPEN : NoticeStatus.ofCode(status),
                ctx.queryParam("cursor"));
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new PageView(page.entries().stream().map(NoticesApi::view).toList(), page.nextCursor()));
    }

    void decide(Context ctx) {
        Account moderator = auth.requireForChange(ctx).account();
        DecisionRequest request = requests.body(ctx, DecisionRequest.class);
        List<Notice> decided = notices.decide(moderator, ctx.pathParam("id"), request.action(), request.reason());
        ctx.json(Map.of("notices", decided.stream()
                .map(notice -> Map.of("id", notice.id(), "status", notice.status().code())).toList()));
    }

    private static NoticeView view(NoticeStore.QueueEntry entry) {
        Notice notice = entry.notice();
        Comment comment = entry.comment();
        return new NoticeView(notice.id(), notice.status().code(), notice.category().code(), notice.explanation(),
                new Notifier(notice.notifierAccountId(), notice.notifierName(), notice.notifierEmail()),
                notice.createdAt(), notice.decidedAt(), notice.decisionReason(),
                new CommentView(comment.id(), comment.authorId(), comment.authorName(), comment.body(),
                        Markdown.render(comment.body()).plainText(), comment.status().code(), comment.createdAt()),
                new StoryView(entry.storyTitle(), entry.storyUrl()));
    }
}
