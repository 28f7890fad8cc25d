package org.parley.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Session;
import org.parley.problem.Problem;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteStore;
import org.parley.story.StoryBoard;
import org.parley.story.StoryChanges;
import org.parley.story.StoryStatus;
import org.parley.story.StoryStore;

/**
 * The moderators' stories: the list of a site's stories with their counts, busiest first, and a story's changes
 * (close, reopen, premoderate), both for the site's moderators and admins. Thread-safe.
 */
final class StoriesApi {

    /** A story as the dashboard lists it; {@code commentCount} counts its published comments. */
    record StoryView(String id, String site, String url, String title, String status, boolean premoderated,
            long commentCount, long pending, long lastWeek, Instant lastActivityAt, Instant closesAt) {

        static StoryView of(StoryBoard.Entry entry) {
            var story = entry.story();
            return new StoryView(story.id(), story.site(), story.url(), story.title(), entry.status().code(),
                    story.premoderated(), story.commentCount(), entry.pending(), entry.lastWeek(),
                    entry.lastActivity(), entry.closesAt());
        }
    }

    record PageView(List<StoryView> stories, String nextCursor) {
    }

    private final Auth auth;
    private final Requests requests;
    private final ModeratorAccess access;
    private final SiteStore sites;
    private final StoryStore storyStore;
    private final StoryChanges changes;
    private final StoryBoard board;

    StoriesApi(Auth auth, Requests requests, ModeratorAccess access, SiteStore sites, StoryStore storyStore,
            StoryChanges changes, StoryBoard board) {
        this.auth = auth;
        this.requests = requests;
        this.access = access;
        this.sites = sites;
        this.storyStore = storyStore;
        this.changes = changes;
        this.board = board;
    }

    /** A page of the site's stories: {@code sort} busiest (default) or recent, {@code status} open or closed. */
    void list(Context ctx) {
        Account moderator = auth.require(ctx).account();
        String site = Requests.requiredQuery(ctx, "site");
        if (sites.find(site).isEmpty()) {
            throw Problem.notFound("site", "There is no site '" + site + "'.");
        }
        access.require(moderator, site);
        StoryBoard.Order order = StoryBoard.Order.ofCode(ctx.queryParam("sort"));
        StoryStatus status = status(ctx.queryParam("status"));
        StoryBoard.Page page = board.list(site, sites.settings(site), order, status, ctx.queryParam("cursor"),
                Requests.intQuery(ctx, "limit", StoryBoard.DEFAULT_LIMIT));
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new PageView(page.entries().stream().map(StoryView::of).toList(), page.nextCursor()));
    }

    /** Opens or closes a story's comments and switches its premoderation; answers the story as listed. */
    void change(Context ctx) {
        Session session = auth.requireForChange(ctx);
        StoryChanges.Change change = requests.body(ctx, StoryChanges.Change.class);
        String site = storyStore.findById(ctx.pathParam("id"))
                .orElseThrow(() -> Problem.notFound("story", "There is no such story.")).site();
        access.require(session.account(), site);
        String id = changes.change(ctx.pathParam("id"), change).id();
        ctx.json(Map.of("story", StoryView.of(board.find(id, sites.settings(site)).orElseThrow())));
    }

    private static StoryStatus status(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        try {
            return StoryStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("status", "Filter stories by the status 'open' or 'closed'.");
        }
    }
}
