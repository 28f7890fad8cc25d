package org.parley.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Session;
import org.parley.classifier.Band;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.comment.Comment;
import org.parley.comment.Markdown;
import org.parley.comment.CommentRules;
import org.parley.comment.ThreadComment;
import org.parley.moderation.Bans;
import org.parley.moderation.DecisionAction;
import org.parley.moderation.Decisions;
import org.parley.moderation.EditWindows;
import org.parley.moderation.ModerationLog;
import org.parley.site.ModeratorAccess;
import org.parley.moderation.Queue;
import org.parley.moderation.QueueItem;
import org.parley.moderation.QueueKind;
import org.parley.moderation.Reason;
import org.parley.site.SiteAdministration;
import org.parley.site.SiteSettings;
import org.parley.moderation.Statistics;
import org.parley.problem.Problem;
import org.parley.sso.SingleSignOn;
import org.parley.site.SsoKeys;
import org.parley.site.OidcClient;
import org.parley.oidc.OidcClients;
import org.parley.site.SiteStore;
import org.parley.story.StoryStore;

/**
 * The moderators' API: queues, decisions, actions on readers, the log, and site settings. It passes 300 lines
 * because each of those is a handful of short handlers that only turn HTTP into one use-case call; the use cases
 * themselves live in their packages. Its constructor is still wide (issue 12 leaves narrowing it to use-case
 * objects open).
 */
final class ModerationApi {

    record DecisionRequest(String action, String reason, String category) {
    }

    record BanRequest(String reason, String until) {
    }

    record WarnRequest(String message) {
    }

    /** A queued comment as the dashboard shows it. */
    record ItemView(ThreadComment comment, String body, String plainText, List<SpanView> spans,
            QueueItem.StoryRef story, Map<String, Double> scores, String modelVersion, List<Reason> reasons,
            List<QueueItem.ReportCount> reports, AuthorView author) {
    }

    /** A passage the classifier flagged, as character offsets into {@code plainText}. */
    record SpanView(int start, int end, String category) {
    }

    record AuthorView(String id, String displayName, long published, long pending, long rejected) {
    }

    record QueueView(List<ItemView> items, String nextCursor, Map<String, Long> counts) {
    }

    record SiteRef(String id, String name) {
    }

    /** The civility categories and threshold bands by their codes, for the dashboard's forms and score bars. */
    private static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::code).toList();
    private static final List<String> BANDS = Arrays.stream(Band.LEVELS).map(Band::code).toList();
    private static final TypeReference<Map<String, Object>> SETTINGS_FIELDS = new TypeReference<>() {
    };

    private final Auth auth;
    private final Requests requests;
    private final ModeratorAccess access;
    private final Queue queue;
    private final Decisions decisions;
    private final Bans bans;
    private final ModerationLog log;
    private final SiteAdministration administration;
    private final SiteStore sites;
    private final Accounts accounts;
    private final CommentRules rules;
    private final Statistics statistics;
    private final Classifier classifier;
    private final StoryStore storyStore;
    private final EditWindows editWindows;
    private final SingleSignOn sso;

    private final HttpServer.OidcParts oidc;

    ModerationApi(Auth auth, Requests requests, ModeratorAccess access, Queue queue, Decisions decisions, Bans bans,
            ModerationLog log, SiteAdministration administration, SiteStore sites,
            Accounts accounts, CommentRules rules, Statistics statistics, Classifier classifier,
            StoryStore storyStore, EditWindows editWindows, SingleSignOn sso, HttpServer.OidcParts oidc) {
        this.sso = sso;
        this.oidc = oidc;
        this.editWindows = editWindows;
        this.storyStore = storyStore;
        this.classifier = classifier;
        this.statistics = statistics;
        this.auth = auth;
        this.requests = requests;
        this.access = access;
        this.queue = queue;
        this.decisions = decisions;
        this.bans = bans;
        this.log = log;
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
        var settings = sites.settings(site);
        Queue.Page page = queue.list(site, kind, ctx.queryParam("cursor"), settings);
        java.time.Duration editWindow = editWindows.forSite(site);
        List<ItemView> items = page.items().stream().map(item -> itemView(item, editWindow, classifier)).toList();
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
        String site = storyStore.findById(comment.storyId()).orElseThrow().site();
        ctx.json(Map.of("comment", ThreadComment.of(comment, editWindows.forSite(site))));
    }

    void ban(Context ctx) {
        Session session = auth.requireForChange(ctx);
        access.requireForAuthor(session.account(), ctx.pathParam("id"));
        BanRequest request = requests.body(ctx, BanRequest.class);
        bans.ban(session.account(), ctx.pathParam("id"), request.reason(), parseUntil(request.until()));
        ctx.json(Map.of("banned", true, "until", request.until() == null ? "forever" : request.until()));
    }

    void unban(Context ctx) {
        Session session = auth.requireForChange(ctx);
        access.requireForAuthor(session.account(), ctx.pathParam("id"));
        bans.lift(session.account(), ctx.pathParam("id"));
        ctx.status(204);
    }

    void warn(Context ctx) {
        Session session = auth.requireForChange(ctx);
        access.requireForAuthor(session.account(), ctx.pathParam("id"));
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

    /**
     * A site's settings as the settings form shows them; {@code sso} says whether SSO keys are set, never which;
     * {@code oidc} lists the OpenID providers with their client ids (a secret only as set or not), and
     * {@code oidcRedirectUri} is the address to register with each provider.
     */
    record SettingsView(String id, String name, String guidelines, SiteSettings settings, boolean sso,
            List<OidcClients.View> oidc, String oidcRedirectUri) {
    }

    private SettingsView settingsView(SiteAdministration.SiteView site) {
        return new SettingsView(site.id(), site.name(), site.guidelines(), site.settings(), sso.enabled(site.id()),
                oidc.clients().view(site.id()), oidc.signIn().redirectUri().toString());
    }

    void settings(Context ctx) {
        Account account = auth.require(ctx).account();
        String site = ctx.pathParam("site");
        ctx.json(settingsView(administration.view(account, site)));
    }

    /**
     * The fields of a settings change that are not {@link SiteSettings}: the site's guidelines, SSO keys and
     * OpenID providers (by name: a change, or null to remove one).
     */
    record SettingsChange(String guidelines, String ssoSecret, String ssoPublicKey,
            Map<String, OidcClients.Change> oidc) {
    }

    /**
     * Changes settings: one flat object with the guidelines, any {@link SiteSettings} field by name, and (admins
     * only) SSO keys, which are checked before anything is saved and saved last.
     */
    void changeSettings(Context ctx) {
        Session session = auth.requireForChange(ctx);
        ObjectNode body = requests.object(ctx, SettingsChange.class, SiteSettings.class);
        SettingsChange change = requests.convertPart(body, SettingsChange.class);
        requests.convertPart(body, SiteSettings.class); // a value of the wrong kind is a 400 naming its field
        String site = ctx.pathParam("site");
        SsoKeys keys = null;
        if (change.ssoSecret() != null || change.ssoPublicKey() != null) {
            access.requireAdminOf(session.account(), site);
            keys = sso.changedKeys(site, change.ssoSecret(), change.ssoPublicKey());
        }
        List<OidcClient> providers = null;
        if (change.oidc() != null) {
            access.requireAdminOf(session.account(), site);
            providers = oidc.clients().changed(site, change.oidc());
        }
        SiteAdministration.SiteView view = administration.change(session.account(), site, change.guidelines(),
                requests.convert(body, SETTINGS_FIELDS));
        if (keys != null) {
            sso.saveKeys(site, keys);
        }
        if (providers != null) {
            oidc.clients().save(site, providers);
        }
        ctx.json(settingsView(view));
    }

    /** A reader as the user panel shows them: account, standing and record. */
    void user(Context ctx) {
        Account moderator = auth.require(ctx).account();
        access.requireForAuthor(moderator, ctx.pathParam("id"));
        Account user = accounts.findAccount(ctx.pathParam("id"))
                .orElseThrow(() -> Problem.notFound("user", "There is no such user."));
        Bans.Standing standing = bans.standing(user.id());
        QueueItem.AuthorRecord record = standing.record();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new UserPanel(user.id(), user.displayName(), user.email(), user.role().code(), user.createdAt(),
                standing.bannedUntil(), standing.warning(), record.published(), record.pending(), record.rejected()));
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
        ctx.json(Map.of("sites", moderated, "categories", CATEGORIES, "bands", BANDS));
    }

    /**
     * A queued comment with the passages behind its scores: the classifier runs again on the text (some 40 µs),
     * so highlights need no stored spans. Search results ({@link SearchApi}) are shown the same way.
     */
    static ItemView itemView(QueueItem item, java.time.Duration editWindow, Classifier classifier) {
        Comment comment = item.comment();
        QueueItem.AuthorRecord record = item.authorRecord();
        String plainText = Markdown.render(comment.body()).plainText();
        List<SpanView> spans = classifier.classify(plainText).spans().stream()
                .map(span -> new SpanView(span.start(), span.end(), span.category().code()))
                .toList();
        return new ItemView(ThreadComment.of(comment, editWindow), comment.body(), plainText, spans,
                item.story(), item.scores(), item.modelVersion(), item.reasons(), item.reports(),
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
