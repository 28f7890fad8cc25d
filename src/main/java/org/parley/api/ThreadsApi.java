package org.parley.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.Session;
import org.parley.comment.CommentRules;
import org.parley.comment.CommentStore;
import org.parley.comment.Disagreements;
import org.parley.comment.Sort;
import org.parley.comment.ThreadComment;
import org.parley.comment.ThreadPage;
import org.parley.comment.Threads;
import org.parley.problem.Problem;
import org.parley.story.Site;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.story.StoryStore;
import org.parley.web.CachedBody;

/**
 * The read side of threads: pages of a thread (the hot path, served from {@link ThreadCache}), what a signed-in
 * reader has respected and reported, and comment counts for lists of articles.
 */
final class ThreadsApi {

    private static final int MAX_COUNT_URLS = 100;

    record SiteView(String id, String name, String guidelines, int maxBodyLength, long editWindowSeconds,
            int maxDepth) {
    }

    record StoryView(String id, String site, String url, String title, String status, long commentCount) {
        static StoryView of(Story story) {
            return new StoryView(story.id(), story.site(), story.url(), story.title(), story.status().code(),
                    story.commentCount());
        }
    }

    record ThreadView(SiteView site, StoryView story, List<ThreadComment> comments, String nextCursor) {
    }

    record ViewerView(List<String> respected, List<String> reported, List<String> disagreed) {
    }

    record CountsView(Map<String, Long> counts) {
    }

    private final Stories stories;
    private final StoryStore storyStore;
    private final Threads threads;
    private final CommentStore comments;
    private final CommentRules rules;
    private final ThreadCache cache;
    private final Auth auth;
    private final ObjectMapper mapper;
    private final Disagreements disagreements;

    ThreadsApi(Stories stories, StoryStore storyStore, Threads threads, CommentStore comments, CommentRules rules,
            ThreadCache cache, Auth auth, ObjectMapper mapper, Disagreements disagreements) {
        this.disagreements = disagreements;
        this.stories = stories;
        this.storyStore = storyStore;
        this.threads = threads;
        this.comments = comments;
        this.rules = rules;
        this.cache = cache;
        this.auth = auth;
        this.mapper = mapper;
    }

    void thread(Context ctx) throws JsonProcessingException {
        String site = Requests.requiredQuery(ctx, "site");
        String url = Requests.requiredQuery(ctx, "url");
        Sort sort = Sort.ofCode(ctx.queryParam("sort"));
        int limit = Requests.intQuery(ctx, "limit", Threads.DEFAULT_LIMIT);
        String cursor = ctx.queryParam("cursor");
        Session session = ctx.cookie(Auth.COOKIE) == null ? null : auth.session(ctx).orElse(null);
        if (session != null) {
            Story story = stories.findOrCreate(site, url, ctx.queryParam("title"));
            if (comments.hasPending(story.id(), session.account().id())) {
                sendOwnView(ctx, site, story, sort, cursor, limit, session);
                return;
            }
        }
        String key = site + '\n' + url + '\n' + sort + '\n' + limit + '\n' + (cursor == null ? "" : cursor);
        CachedBody page = cache.get(key);
        if (page == null) {
            Story found = stories.findOrCreate(site, url, ctx.queryParam("title"));
            long generation = cache.generation(found.id());
            ThreadPage threadPage = threads.page(found.id(), sort, cursor, limit);
            Story story = storyStore.findById(found.id()).orElseThrow();
            ThreadView view = new ThreadView(siteView(stories.requireSite(site)), StoryView.of(story),
                    threadPage.comments(), threadPage.nextCursor());
            page = CachedBody.of(mapper.writeValueAsBytes(view), "application/json", story.id());
            cache.put(key, page, generation);
        }
        page.send(ctx, "no-cache");
    }

    /** The thread with the reader's own comments awaiting review: built for them alone, never cached. */
    private void sendOwnView(Context ctx, String site, Story story, Sort sort, String cursor, int limit,
            Session session) {
        ThreadPage threadPage = threads.page(story.id(), sort, cursor, limit, session.account().id());
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new ThreadView(siteView(stories.requireSite(site)), StoryView.of(story), threadPage.comments(),
                threadPage.nextCursor()));
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
        ctx.json(new ViewerView(comments.listRespected(accountId, story.id()),
                comments.listReported(accountId, story.id()), disagreements.list(accountId, story.id())));
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
            normalizedToAsked.put(Stories.normalize(url), url);
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

    private SiteView siteView(Site site) {
        return new SiteView(site.id(), site.name(), site.guidelines(), rules.maxBodyLength(),
                rules.editWindow().toSeconds(), CommentRules.MAX_DEPTH + 1);
    }
}
