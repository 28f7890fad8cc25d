package org.parley.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.community.FollowStore;
import org.parley.community.MuteStore;
import org.parley.community.Mutes;
import org.parley.community.Profiles;
import org.parley.community.RepliesToMe;
import org.parley.mail.FollowerMails;
import org.parley.problem.Problem;
import org.parley.story.Stories;
import org.parley.story.Story;
import org.parley.web.SecurityHeaders;

/**
 * The readers' community over HTTP (issue 14, item 3): mutes, followed threads with their one-click unfollow, the
 * replies to a reader's comments, and the small per-reader answer the widget reads beside the shared thread page
 * ({@code GET /api/v1/me/community}: whom to collapse there, whether the thread is followed, how many replies are
 * new). Every route but the unfollow link is the signed-in reader's own; changes carry the CSRF header.
 * Thread-safe.
 */
final class CommunityApi {

    record MuteRequest(String userId) {
    }

    record FollowRequest(String site, String url) {
    }

    record SeenRequest(String site) {
    }

    record ProfileRequest(Boolean hidden) {
    }

    record CommunityView(List<String> muted, boolean following, long newReplies) {
    }

    record RepliesView(Instant lastVisit, List<RepliesToMe.Reply> replies) {
    }

    /** What the community API needs. */
    record Parts(Mutes mutes, FollowStore follows, FollowerMails followerMails, RepliesToMe replies,
            Profiles profiles, java.time.Clock clock) {
    }

    private final Auth auth;
    private final Requests requests;
    private final RateLimits limits;
    private final Stories stories;
    private final Parts parts;

    CommunityApi(Auth auth, Requests requests, RateLimits limits, Stories stories, Parts parts) {
        this.auth = auth;
        this.requests = requests;
        this.limits = limits;
        this.stories = stories;
        this.parts = parts;
    }

    void mutes(Context ctx) {
        Account reader = auth.require(ctx).account();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("mutes", parts.mutes().list(reader)));
    }

    void mute(Context ctx) {
        Account reader = auth.requireForChange(ctx).account();
        limits.take(RateLimits.Limit.ACTION_PER_ACCOUNT, reader.id());
        MuteStore.Muted muted = parts.mutes().mute(reader, requests.body(ctx, MuteRequest.class).userId());
        ctx.status(201).json(Map.of("mute", muted));
    }

    void unmute(Context ctx) {
        Account reader = auth.requireForChange(ctx).account();
        parts.mutes().unmute(reader, ctx.pathParam("userId"));
        ctx.status(204);
    }

    void follows(Context ctx) {
        Account reader = auth.require(ctx).account();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("subscriptions", parts.follows().list(reader.id())));
    }

    /** Follows a thread, creating its story when the article has no comments yet (as the thread page does). */
    void follow(Context ctx) {
        Account reader = auth.requireForChange(ctx).account();
        limits.take(RateLimits.Limit.ACTION_PER_ACCOUNT, reader.id());
        FollowRequest request = requests.body(ctx, FollowRequest.class);
        requireReach(reader, request.site());
        Story story = stories.findOrCreate(request.site(), request.url(), null);
        parts.follows().follow(reader.id(), story.id(), parts.clock().instant());
        ctx.status(201).json(Map.of("subscription", parts.follows().list(reader.id()).stream()
                .filter(followed -> followed.url().equals(story.url()) && followed.site().equals(story.site()))
                .findFirst().orElseThrow()));
    }

    /** Stops following the thread named by {@code ?site=&url=}; 204 also when the reader did not follow it. */
    void unfollow(Context ctx) {
        Account reader = auth.requireForChange(ctx).account();
        String site = site(ctx, reader);
        stories.find(site, Requests.requiredQuery(ctx, "url"))
                .ifPresent(story -> parts.follows().unfollow(reader.id(), story.id()));
        ctx.status(204);
    }

    /** The reader's view of one thread: muted authors who wrote there, the follow, and new replies on the site. */
    void community(Context ctx) {
        Account reader = auth.require(ctx).account();
        String site = site(ctx, reader);
        Story story = stories.find(site, Requests.requiredQuery(ctx, "url")).orElse(null);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new CommunityView(story == null ? List.of() : parts.mutes().mutedIn(reader, story.id()),
                story != null && parts.follows().follows(reader.id(), story.id()),
                parts.replies().newCount(reader.id(), site)));
    }

    void replies(Context ctx) {
        Account reader = auth.require(ctx).account();
        String site = site(ctx, reader);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new RepliesView(parts.replies().lastSeen(reader.id(), site).orElse(null),
                parts.replies().latest(reader.id(), site)));
    }

    /** Records the reader's look at their replies on a site: the badge counts from here. */
    void seen(Context ctx) {
        Account reader = auth.requireForChange(ctx).account();
        String site = requests.body(ctx, SeenRequest.class).site();
        stories.requireSite(site);
        requireReach(reader, site);
        parts.replies().seen(reader.id(), site);
        ctx.status(204);
    }

    /** A reader's profile on a site, for anyone; a hidden one shows others the name alone. */
    void profile(Context ctx) {
        String site = Requests.requiredQuery(ctx, "site");
        stories.requireSite(site);
        Account viewer = auth.session(ctx).map(session -> session.account()).orElse(null);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("profile", parts.profiles().of(ctx.pathParam("id"), site, viewer)));
    }

    /** Hides or shows the reader's own profile. */
    void changeProfile(Context ctx) {
        Account reader = auth.requireForChange(ctx).account();
        Boolean hidden = requests.body(ctx, ProfileRequest.class).hidden();
        if (hidden == null) {
            throw Problem.invalid("hidden", "Say whether to hide the profile with 'hidden': true or false.");
        }
        parts.profiles().setHidden(reader, hidden);
        ctx.json(Map.of("profile", Map.of("hidden", parts.profiles().hidden(reader))));
    }

    /** The one-click unfollow of the followers' mails (RFC 8058): a POST to the mailed link, with no log-in. */
    void unfollowByLink(Context ctx) {
        parts.followerMails().unfollow(ctx.queryParam("token"));
        ctx.header("Cache-Control", "no-store");
        SecurityHeaders.page(ctx);
        ctx.header("Referrer-Policy", "no-referrer");
        // English here; the account pages' script (same origin) translates.
        ctx.html("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                + "<title data-i18n=\"unsubscribed.title\">Unsubscribed</title>"
                + "<link rel=\"stylesheet\" href=\"/account/account.css\">"
                + "<script type=\"module\" src=\"/account/account.js\"></script>"
                + "<body data-page=\"unsubscribed\"><main><p data-i18n=\"unsubscribed.thread\">Done: you no longer"
                + " follow this discussion and will get no more mails about it.</p></main></body></html>");
    }

    /** The site named by {@code ?site=}, which must exist and be within the reach of the caller's API token. */
    private String site(Context ctx, Account reader) {
        String site = Requests.requiredQuery(ctx, "site");
        stories.requireSite(site);
        requireReach(reader, site);
        return site;
    }

    /** An API token limited to one site reads and follows threads only there, as a reader too: elsewhere 403. */
    private static void requireReach(Account account, String siteId) {
        if (siteId != null && !account.reaches(siteId)) {
            throw Problem.forbidden("token_site_limit", "This API token is limited to the site '"
                    + account.siteScope() + "'.");
        }
    }
}
