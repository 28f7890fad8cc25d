package org.parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.Session;
import org.parley.comment.CommentRules;
import org.parley.comment.Disagreements;
import org.parley.moderation.EditWindows;
import org.parley.comment.Sort;
import org.parley.comment.ThreadComment;
import org.parley.comment.ThreadPage;
import org.parley.comment.Threads;
import org.parley.problem.Problem;
import org.parley.site.ArticleUrls;
import org.parley.site.SiteStore;
import org.parley.sso.SingleSignOn;
import org.parley.site.OidcClient;
import org.parley.site.Site;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.story.StoryClosing;
import org.parley.story.StoryStore;
import org.parley.web.CachedBody;

/**
 * The read side of threads: pages of a thread (the hot path, served from {@link ThreadCache}) with the story's
 * status under its site's closing rule and its editor's picks, what a signed-in reader has respected and reported,
 * and comment counts for lists of articles. Thread-safe.
 */
final class ThreadsApi {

    private static final int MAX_COUNT_URLS = 100;

    /**
     * The site as the widget needs it; {@code guests}: it takes guest comments, {@code sso}: publisher sign-in,
     * {@code mail}: the server sends mail, {@code signup}: {@code instant} (version 1) or {@code confirm} (version 2,
     * by mail), {@code oidc}: the OpenID providers the log-in form offers, by name; {@code badges}: the staff
     * badges its threads show, by account id.
     */
    record SiteView(String id, String name, String guidelines, int maxBodyLength, long editWindowSeconds,
            int maxDepth, boolean guests, boolean sso, boolean mail, String signup, List<String> oidc,
            Map<String, String> badges) {
    }

    /**
     * The story; {@code status} is as of the read, and {@code closesAt} (null when the site's closing rule is off or
     * nobody has commented yet) lets the widget close a cached page's thread once that time has passed.
     */
    record StoryView(String id, String site, String url, String title, String status, long commentCount,
            Instant closesAt) {
    }

    record ThreadView(SiteView site, StoryView story, List<Threads.Pick> picks, List<ThreadComment> comments,
            String nextCursor) {
    }

    record ViewerView(List<String> respected, List<String> reported, List<String> disagreed) {
    }

    record CountsView(Map<String, Long> counts) {
    }

    private final Stories stories;
    private final StoryStore storyStore;
    private final Threads threads;
    private final CommentRules rules;
    private final EditWindows editWindows;
    private final ThreadCache cache;
    private final Auth auth;
    private final ObjectMapper mapper;
    private final Disagreements disagreements;
    private final SingleSignOn sso;

    private final SiteStore sites;
    private final HttpServer.SignupPolicy signup;
    private final StoryClosing closing;
    private final java.util.function.Function<String, Map<String, String>> badges;

    ThreadsApi(Stories stories, StoryStore storyStore, Threads threads, CommentRules rules,
            ThreadCache cache, Auth auth, ObjectMapper mapper, Disagreements disagreements, EditWindows editWindows,
            SingleSignOn sso, SiteStore sites, HttpServer.SignupPolicy signup, StoryClosing closing,
            java.util.function.Function<String, Map<String, String>> badges) {
        this.closing = closing;
        this.badges = badges;
        this.signup = signup;
        this.sso = sso;
        this.sites = sites;
        this.disagreements = disagreements;
        this.editWindows = editWindows;
        this.stories = stories;
        this.storyStore = storyStore;
        this.threads = threads;
        this.rules = rules;
        this.cache = cache;
        this.auth = auth;
        this.mapper = mapper;
    }

    /** What a thread request asks for, parsed and checked; {@link #key} names its page in the cache. */
    private record PageRequest(String site, String url, Sort sort, int limit, String cursor) {

        /** The request, its limit and cursor checked first: a bad one creates no story. */
        static PageRequest of(Context ctx) {
            PageRequest request = new PageRequest(Requests.requiredQuery(ctx, "site"),
                    Requests.requiredQuery(ctx, "url"), Sort.ofCode(ctx.queryParam("sort")),
                    Requests.intQuery(ctx, "limit", Threads.DEFAULT_LIMIT), ctx.queryParam("cursor"));
            Threads.checkLimit(request.limit());
            Threads.decodeCursor(request.sort(), request.cursor());
            return request;
        }

        String key() {
            return site + '\n' + url + '\n' + sort + '\n' + limit + '\n' + (cursor == null ? "" : cursor);
        }
    }

    void thread(Context ctx) throws JsonProcessingException {
        if (ctx.cookie(Auth.COOKIE) != null && sendOwnView(ctx)) {
            return;
        }
        String query = ctx.queryString();
        CachedBody page = query == null ? null : cache.getByQuery(query);
        if (page == null) {
            PageRequest request = PageRequest.of(ctx);
            String key = request.key();
            page = cache.get(key);
            if (page == null) {
                page = read(request, key, ctx.queryParam("title"));
            }
            if (query != null) {
                cache.alias(query, key);
            }
        }
        page.send(ctx, "no-cache");
    }

    /**
     * Sends the thread with the signed-in reader's own comments awaiting review, built for them alone and never
     * cached, when they have any in this story; answers false (nothing sent) otherwise.
     */
    private boolean sendOwnView(Context ctx) {
        Session session = auth.session(ctx).orElse(null);
        if (session == null) {
            return false;
        }
        PageRequest request = PageRequest.of(ctx);
        Story story = stories.findOrCreate(request.site(), request.url(), ctx.queryParam("title"));
        if (!threads.hasPending(story.id(), session.account().id())) {
            return false;
        }
        ThreadPage threadPage = threads.page(story.id(), request.sort(), request.cursor(), request.limit(),
                session.account().id(), editWindows.forSite(story.site()));
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new ThreadView(siteView(stories.requireSite(request.site())), storyView(story),
                threads.picks(story.id()), threadPage.comments(), threadPage.nextCursor()));
        return true;
    }

    /** Reads a page from the database and caches it, under the generation its story had before the read. */
    private CachedBody read(PageRequest request, String key, String title) throws JsonProcessingException {
        Story found = stories.findOrCreate(request.site(), request.url(), title);
        long generation = cache.generation(found.id());
        ThreadPage threadPage = threads.page(found.id(), request.sort(), request.cursor(), request.limit(), null,
                editWindows.forSite(found.site()));
        Story story = storyStore.findById(found.id()).orElseThrow();
        ThreadView view = new ThreadView(siteView(stories.requireSite(request.site())), storyView(story),
                threads.picks(story.id()), threadPage.comments(), threadPage.nextCursor());
        CachedBody page = CachedBody.of(mapper.writeValueAsBytes(view), "application/json", story.id());
        cache.put(key, page, generation);
        return page;
    }

    void viewer(Context ctx) {
        Session session = auth.require(ctx);
        Story story = stories.find(Requests.requiredQuery(ctx, "site"), Requests.requiredQuery(ctx, "url"))
                .orElse(null);
        if (story == null) {
            ctx.json(new ViewerView(List.of(), List.of(), List.of()));
            return;
        }
        String accountId = session.account().id();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new ViewerView(threads.listRespected(accountId, story.id()),
                threads.listReported(accountId, story.id()), disagreements.list(accountId, story.id())));
    }

    void counts(Context ctx) {
        String site = Requests.requiredQuery(ctx, "site");
        stories.requireSite(site);
        List<String> urls = ctx.queryParams("url");
        if (urls.isEmpty()) {
            throw Problem.invalid("url", "Name at least one article with the query parameter 'url'.");
        }
        if (urls.size() > MAX_COUNT_URLS) {
            throw Problem.invalid("url", "Ask for at most " + MAX_COUNT_URLS + " URLs at once.");
        }
        Map<String, String> normalizedToAsked = new LinkedHashMap<>();
        for (String url : urls) {
            normalizedToAsked.put(ArticleUrls.normalize(url), url);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Set<String> asked = new LinkedHashSet<>(urls);
        asked.forEach(url -> counts.put(url, 0L));
        for (Story story : storyStore.findAll(site, normalizedToAsked.keySet())) {
            counts.put(normalizedToAsked.get(story.url()), story.commentCount());
        }
        ctx.header("Cache-Control", "public, max-age=30");
        ctx.json(new CountsView(counts));
    }

    /** The story with its status as of now: closed by a moderator, or by the site's closing rule. */
    private StoryView storyView(Story story) {
        var settings = sites.settings(story.site());
        Instant closesAt = closing.closesAt(story, settings).orElse(null);
        return new StoryView(story.id(), story.site(), story.url(), story.title(),
                StoryClosing.status(story.status(), closesAt, closing.now()).code(), story.commentCount(), closesAt);
    }

    private SiteView siteView(Site site) {
        return new SiteView(site.id(), site.name(), site.guidelines(), rules.maxBodyLength(),
                editWindows.forSite(site.id()).toSeconds(), CommentRules.MAX_DEPTH + 1,
                sites.settings(site.id()).acceptsGuests(), sso.enabled(site.id()), signup.mail(),
                signup.mode().code(), sites.oidcClients(site.id()).stream().map(OidcClient::provider).toList(),
                badges.apply(site.id()));
    }
}
