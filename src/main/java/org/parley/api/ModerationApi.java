package org.parley.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Session;
import org.parley.classifier.Category;
import org.parley.comment.Comment;
import org.parley.comment.CommentRules;
import org.parley.comment.ThreadComment;
import org.parley.moderation.Bans;
import org.parley.moderation.DecisionAction;
import org.parley.moderation.Decisions;
import org.parley.moderation.ModerationLog;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.ModeratorAccess;
import org.parley.moderation.Queue;
import org.parley.moderation.QueueItem;
import org.parley.moderation.QueueKind;
import org.parley.moderation.Reason;
import org.parley.moderation.SettingsPatch;
import org.parley.moderation.SiteAdministration;
import org.parley.moderation.Statistics;
import org.parley.problem.Problem;
import org.parley.story.SiteStore;

/** The moderators' API: queues, decisions, actions on readers, the log, and site settings. */
final class ModerationApi {

    record DecisionRequest(String action, String reason, String category) {
    }

    record BanRequest(String reason, String until) {
    }

    record WarnRequest(String message) {
    }

    /** A queued comment as the dashboard shows it. */
    record ItemView(ThreadComment comment, String body, QueueItem.StoryRef story, Map<String, Double> scores,
            String modelVersion, List<Reason> reasons, List<QueueItem.ReportCount> reports, AuthorView author) {
    }

    record AuthorView(String id, String displayName, long published, long pending, long rejected) {
    }

    record QueueView(List<ItemView> items, String nextCursor, Map<String, Long> counts) {
    }

    record SiteRef(String id, String name) {
    }

    private final Auth auth;
    private final Requests requests;
    private final ModeratorAccess access;
    private final Queue queue;
    private final Decisions decisions;
    private final Bans bans;
    private final ModerationLog log;
    private final ModerationStore store;
    private final SiteAdministration administration;
    private final SiteStore sites;
    private final Accounts accounts;
    private final CommentRules rules;
    private final Statistics statistics;

    ModerationApi(Auth auth, Requests requests, ModeratorAccess access, Queue queue, Decisions decisions, Bans bans,
            ModerationLog log, ModerationStore store, SiteAdministration administration, SiteStore sites,
            Accounts accounts, CommentRules rules, Statistics statistics) {
        this.statistics = statistics;
        this.auth = auth;
        this.requests = requests;
        this.access = access;
        this.queue = queue;
        this.decisions = decisions;
        this.bans = bans;
        this.log = log;
        this.store = store;
        this.administration = administration;
        this.sites = sites;
        this.accounts = accounts;
        this.rules = rules;
    }

    void queue(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        QueueKind kind = QueueKind.ofCode(ctx.queryParam("queue"));
        requireSite(site);
        access.require(moderator, site);
        var settings = store.settings(site);
        Queue.Page page = queue.list(site, kind, ctx.queryParam("cursor"), settings);
        List<ItemView> items = page.items().stream().map(this::itemView).toList();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new QueueView(items, page.nextCursor(), queue.counts(site, settings)));
    }

    void decide(Context ctx) {
        Session session = auth.requireForChange(ctx);
        DecisionRequest request = requests.body(ctx, DecisionRequest.class);
        if (request.action() == null) {
            throw Problem.invalid("action", "Choose the action approve, reject, feature or unfeature.");
        }
        Comment comment = decisions.decide(session.account(), ctx.pathParam("id"),
                DecisionAction.ofCode(request.action()), request.reason(), rejectionCategory(request.category()));
        ctx.json(Map.of("comment", ThreadComment.of(comment, rules.editWindow())));
    }

    void ban(Context ctx) {
        Session session = auth.requireForChange(ctx);
        BanRequest request = requests.body(ctx, BanRequest.class);
        bans.ban(session.account(), ctx.pathParam("id"), request.reason(), parseUntil(request.until()));
        ctx.json(Map.of("banned", true, "until", request.until() == null ? "forever" : request.until()));
    }

    void unban(Context ctx) {
        Session session = auth.requireForChange(ctx);
        bans.lift(session.account(), ctx.pathParam("id"));
        ctx.status(204);
    }

    void warn(Context ctx) {
        Session session = auth.requireForChange(ctx);
        WarnRequest request = requests.body(ctx, WarnRequest.class);
        bans.warn(session.account(), ctx.pathParam("id"), request.message());
        ctx.json(Map.of("warned", true));
    }

    void log(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        requireSite(site);
        access.require(moderator, site);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(log.list(site, ctx.queryParam("cursor"), ctx.queryParam("action"), ctx.queryParam("actor")));
    }

    void settings(Context ctx) {
        Account account = auth.require(ctx).account();
        ctx.json(administration.view(account, ctx.pathParam("site")));
    }

    void changeSettings(Context ctx) {
        Session session = auth.requireForChange(ctx);
        SettingsPatch patch = requests.body(ctx, SettingsPatch.class);
        ctx.json(administration.change(session.account(), ctx.pathParam("site"), patch));
    }

    /** A reader as the user panel shows them: account, standing and record. */
    void user(Context ctx) {
        Account moderator = auth.require(ctx).account();
        if (!moderator.role().canModerate()) {
            throw Problem.forbidden("not_moderator", "Only moderators and admins see readers' records.");
        }
        Account user = accounts.findAccount(ctx.pathParam("id"))
                .orElseThrow(() -> Problem.notFound("user", "There is no such user."));
        QueueItem.AuthorRecord record = store.authorRecord(user.id());
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new UserPanel(user.id(), user.displayName(), user.email(), user.role().code(), user.createdAt(),
                store.bannedUntil(user.id(), Instant.now()).orElse(null), store.warning(user.id()).orElse(null),
                record.published(), record.pending(), record.rejected()));
    }

    record UserPanel(String id, String displayName, String email, String role, Instant createdAt,
            Instant bannedUntil, String warning, long published, long pending, long rejected) {
    }

    /** The overview's numbers for the last {@code days} days (default 30, at most 365). */
    void stats(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        requireSite(site);
        access.require(moderator, site);
        int days = Requests.intQuery(ctx, "days", 30);
        if (days < 1 || days > 365) {
            throw Problem.invalid("days", "Ask for 1 to 365 days.");
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(statistics.overview(site, days));
    }

    /** The sites the signed-in account moderates (every site for an admin). */
    void sites(Context ctx) {
        Account account = auth.require(ctx).account();
        List<SiteRef> moderated = sites.list().stream()
                .filter(site -> access.mayModerate(account, site.id()))
                .map(site -> new SiteRef(site.id(), site.name()))
                .toList();
        ctx.json(Map.of("sites", moderated));
    }

    private ItemView itemView(QueueItem item) {
        Comment comment = item.comment();
        QueueItem.AuthorRecord record = item.authorRecord();
        return new ItemView(ThreadComment.of(comment, rules.editWindow()), comment.body(), item.story(),
                item.scores(), item.modelVersion(), item.reasons(), item.reports(),
                new AuthorView(comment.authorId(), comment.authorName(), record.published(), record.pending(),
                        record.rejected()));
    }

    private static Category rejectionCategory(String code) {
        if (code == null) {
            return null;
        }
        return Category.fromCode(code).filter(category -> category != Category.UNCIVIL).orElseThrow(() ->
                Problem.invalid("category", "Choose the category rude, aggressive, derogatory or discriminatory."));
    }

    private void requireSite(String site) {
        if (sites.find(site).isEmpty()) {
            throw Problem.notFound("site", "There is no site '" + site + "'.");
        }
    }

    private static Instant parseUntil(String until) {
        if (until == null || until.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(until);
        } catch (DateTimeParseException e) {
            throw Problem.invalid("until", "Give the end of a suspension as an ISO-8601 time, such as"
                    + " 2026-12-31T00:00:00Z.");
        }
    }
}
