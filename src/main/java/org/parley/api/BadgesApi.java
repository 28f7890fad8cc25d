package org.parley.api;

import io.javalin.http.Context;
import java.util.Map;
import org.parley.account.Account;
import org.parley.community.Badges;
import org.parley.story.Stories;

/**
 * Staff badges over HTTP: the admins of a site list, give and take the badges its threads show beside names
 * (journalist, staff, moderator). The rules live in {@link Badges}. Thread-safe.
 */
final class BadgesApi {

    record BadgeRequest(String badge) {
    }

    private final Auth auth;
    private final Requests requests;
    private final Stories stories;
    private final Badges badges;

    BadgesApi(Auth auth, Requests requests, Stories stories, Badges badges) {
        this.auth = auth;
        this.requests = requests;
        this.stories = stories;
        this.badges = badges;
    }

    void list(Context ctx) {
        Account admin = auth.require(ctx).account();
        String site = stories.requireSite(ctx.pathParam("site")).id();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("badges", badges.list(admin, site)));
    }

    void give(Context ctx) {
        Account admin = auth.requireForChange(ctx).account();
        String site = stories.requireSite(ctx.pathParam("site")).id();
        badges.give(admin, site, ctx.pathParam("account"), requests.body(ctx, BadgeRequest.class).badge());
        ctx.json(Map.of("badges", badges.list(admin, site)));
    }

    void take(Context ctx) {
        Account admin = auth.requireForChange(ctx).account();
        String site = stories.requireSite(ctx.pathParam("site")).id();
        badges.take(admin, site, ctx.pathParam("account"));
        ctx.status(204);
    }
}
