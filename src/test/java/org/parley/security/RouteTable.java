package org.parley.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.parley.testing.ApiClient;

/**
 * Every route of {@code HttpServer}, one line each: method, path as registered, how to build a request that an
 * authorized caller could make (fresh things to act on, from {@link World}), and the status expected for each
 * caller, in this column order:
 *
 * <pre>
 *   signed out | commenter | another commenter | moderator of this site | moderator of another site | admin
 *   | API token limited to moderating another site | moderator's API token | admin's API token
 * </pre>
 *
 * <p>"The commenter" writes the comments that author-only routes act on, so those let them in and no other reader;
 * respects and reports go to a bystander's comments, since nobody respects or reports their own.
 * An authorized caller's status is what the fixture makes it (a model rollback with nothing to roll back is 409):
 * the table is about who gets past the guards. A new route fails {@code AuthorizationTest} until it has a line
 * here; {@link Row#csrfExempt} marks the changes a cookie may make without the CSRF header (checked by
 * {@code CsrfTest}). The site-limited token's account moderates both sites: only the token's limit keeps it off
 * this one.
 */
final class RouteTable {

    /** How to call a route: path with its parameters filled in, and a JSON body (or null). */
    record Call(String path, Object body) {
    }

    /** One route: what it is, how to call it, who gets which status. */
    record Row(String method, String path, Function<World, Call> call, List<Integer> expected,
            boolean exemptFromCsrf, boolean needsOwnSession, boolean needsOwnAccount) {

        /** A change that needs no CSRF header: it either needs no session or starts one. */
        Row csrfExempt() {
            return new Row(method, path, call, expected, true, needsOwnSession, needsOwnAccount);
        }

        /** The call ends or replaces the caller's session, so each check gets a session of its own. */
        Row freshSession() {
            return new Row(method, path, call, expected, exemptFromCsrf, true, needsOwnAccount);
        }

        /** The call uses up the caller's account (deletes it), so each check is made by a stand-in of its own. */
        Row ownAccount() {
            return new Row(method, path, call, expected, exemptFromCsrf, needsOwnSession, true);
        }

        String route() {
            return method + " " + path;
        }
    }

    private RouteTable() {
    }

    static Row row(String method, String path, Function<World, Call> call, String expected) {
        List<Integer> statuses = Arrays.stream(expected.trim().split("\\s+")).map(Integer::valueOf).toList();
        if (statuses.size() != 9) {
            throw new IllegalArgumentException(method + " " + path + ": give 9 statuses, one per caller");
        }
        return new Row(method, path, call, statuses, false, false, false);
    }

    /** Waits out the address's turn for a challenge (one a second, and every caller here is on loopback). */
    static Call afterAChallengeTurn(Call call) {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call;
    }

    static Call get(String path) {
        return new Call(path, null);
    }

    static Call with(String path, Object body) {
        return new Call(path, body);
    }

    static final String MODERATORS_OF_THIS_SITE = "401 403 403 200 403 200 403 200 200";
    static final String ADMINS = "401 403 403 403 403 200 403 403 200";
    static final String SIGNED_IN = "401 200 200 200 200 200 200 200 200";
    /** Signed in, acting on this site's comments: a token limited to another site may not. */
    static final String SIGNED_IN_HERE = "401 200 200 200 200 200 403 200 200";
    static final String ANYONE = "200 200 200 200 200 200 200 200 200";
    static final String ADMINS_CREATE = "401 403 403 403 403 201 403 403 201";
    static final String ADMINS_DELETE = "401 403 403 403 403 204 403 403 204";

    //   method  path  request  statuses: out com com2 mod mod2 adm tOth tMod tAdm
    static final List<Row> ROWS = List.of(
            row("OPTIONS", "/api/*", w -> get("/api/v1/comments"), "204 204 204 204 204 204 204 204 204"),
            row("POST", "/api/v1/auth/signup", w -> with("/api/v1/auth/signup", Map.of("email", w.freshEmail(),
                    "password", World.PASSWORD, "displayName", "New Reader")),
                    "201 201 201 201 201 201 201 201 201").csrfExempt(),
            row("POST", "/api/v2/auth/signup", w -> with("/api/v2/auth/signup", Map.of("email", w.freshEmail(),
                    "password", World.PASSWORD, "displayName", "New Reader")),
                    "202 202 202 202 202 202 202 202 202").csrfExempt(),
            row("POST", "/api/v1/auth/login", w -> with("/api/v1/auth/login", Map.of("email",
                    w.freshEmailSignedUp(), "password", World.PASSWORD)), ANYONE).csrfExempt().freshSession(),
            row("POST", "/api/v1/auth/sso", w -> with("/api/v1/auth/sso", Map.of("site", World.SITE,
                    "token", w.ssoToken())), ANYONE).csrfExempt().freshSession(),
            row("POST", "/api/v1/auth/logout", w -> with("/api/v1/auth/logout", null),
                    "204 204 204 204 204 204 204 204 204").freshSession(),
            row("GET", "/api/v1/me", w -> get("/api/v1/me"), SIGNED_IN),
            row("PATCH", "/api/v1/me", w -> with("/api/v1/me", Map.of("notifyReplies", false)), SIGNED_IN),
            row("POST", "/api/v1/auth/verify", w -> with("/api/v1/auth/verify", Map.of("token", w.verifyToken())),
                    ANYONE).csrfExempt(),
            row("POST", "/api/v1/auth/verify/resend", w -> with("/api/v1/auth/verify/resend", null),
                    "401 202 202 202 202 202 202 202 202"),
            row("POST", "/api/v1/auth/password-reset", w -> with("/api/v1/auth/password-reset", Map.of("email",
                    w.freshEmailSignedUp())), "202 202 202 202 202 202 202 202 202").csrfExempt(),
            row("POST", "/api/v1/auth/password-reset/confirm", w -> with("/api/v1/auth/password-reset/confirm",
                    Map.of("token", w.resetToken(), "password", "a brand new password")),
                    "204 204 204 204 204 204 204 204 204").csrfExempt(),
            row("GET", "/api/v1/challenge", w -> afterAChallengeTurn(get("/api/v1/challenge?site=demo")), ANYONE),
            row("GET", "/api/v1/me/export", w -> get("/api/v1/me/export"), SIGNED_IN),
            row("DELETE", "/api/v1/me", w -> get("/api/v1/me"), "401 204 204 204 204 204 204 204 204").ownAccount(),
            row("DELETE", "/api/v1/me/warning", w -> get("/api/v1/me/warning"), "401 204 204 204 204 204 204 204 204"),
            row("GET", "/api/v1/auth/oidc/{provider}/start", w -> get("/api/v1/auth/oidc/absent/start?site="
                    + World.SITE + "&returnUrl=" + ApiClient.encode(w.articleUrl())),
                    "404 404 404 404 404 404 404 404 404"), // no guard: the site offers no such provider
            row("GET", "/api/v1/auth/oidc/callback", w -> get("/api/v1/auth/oidc/callback?state=forged&code=x"),
                    "400 400 400 400 400 400 400 400 400"), // no guard: the state is refused
            row("POST", "/api/v1/auth/oidc/callback", w -> with("/api/v1/auth/oidc/callback", null),
                    "400 400 400 400 400 400 400 400 400").csrfExempt(),
            row("GET", "/api/v1/me/identities", w -> get("/api/v1/me/identities"), SIGNED_IN),
            row("POST", "/api/v1/me/identities/{provider}", w -> with("/api/v1/me/identities/absent",
                    Map.of("site", World.SITE, "returnUrl", w.articleUrl())),
                    "401 404 404 404 404 404 404 404 404"), // signed in; the site offers no such provider
            row("GET", "/api/v1/threads", w -> get("/api/v1/threads" + w.threadQuery()), ANYONE),
            row("GET", "/api/v1/threads/viewer", w -> get("/api/v1/threads/viewer" + w.threadQuery()), SIGNED_IN),
            row("GET", "/api/v1/counts", w -> get("/api/v1/counts" + w.threadQuery()), ANYONE),
            row("POST", "/api/v1/comments", w -> with("/api/v1/comments", Map.of("site", World.SITE,
                    "url", w.articleUrl(), "body", "I read the article and mostly agree with it.")),
                    "401 201 201 201 201 201 403 201 201"),
            row("PATCH", "/api/v1/comments/{id}", w -> with("/api/v1/comments/" + w.comment(w.commenter),
                    Map.of("body", "On second thought, the plan has merit.")), "401 200 403 403 403 403 403 403 403"),
            row("DELETE", "/api/v1/comments/{id}", w -> get("/api/v1/comments/" + w.comment(w.commenter)),
                    "401 204 403 204 403 204 403 204 204"),
            row("POST", "/api/v1/comments/{id}/respect", w -> with("/api/v1/comments/"
                    + w.comment(w.bystander) + "/respect", null), SIGNED_IN_HERE),
            row("POST", "/api/v1/comments/{id}/reports", w -> with("/api/v1/comments/"
                    + w.comment(w.bystander) + "/reports", Map.of("reason", "spam")),
                    "401 201 201 201 201 201 403 201 201"),
            row("POST", "/api/v1/comments/{id}/disagree", w -> with("/api/v1/comments/"
                    + w.comment(w.bystander) + "/disagree", null), SIGNED_IN_HERE),
            row("POST", "/api/v1/preview", w -> with("/api/v1/preview", Map.of("body", "*hello*")), ANYONE)
                    .csrfExempt(),
            row("GET", "/api/v1/notices/categories", w -> get("/api/v1/notices/categories"), ANYONE),
            row("POST", "/api/v1/notices", w -> with("/api/v1/notices", w.noticeOf(w.comment(w.bystander))),
                    "201 201 201 201 201 201 201 201 201"),
            row("GET", "/api/v1/moderation/notices", w -> get("/api/v1/moderation/notices?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),
            row("POST", "/api/v1/moderation/notices/{id}/decision", w -> with("/api/v1/moderation/notices/"
                    + w.notice() + "/decision", Map.of("action", "dismiss", "reason", "Lawful criticism.")),
                    MODERATORS_OF_THIS_SITE),

            row("GET", "/api/v1/me/mutes", w -> get("/api/v1/me/mutes"), SIGNED_IN),
            row("POST", "/api/v1/me/mutes", w -> with("/api/v1/me/mutes", Map.of("userId", w.freshAccountId())),
                    "401 201 201 201 201 201 201 201 201"),
            row("DELETE", "/api/v1/me/mutes/{userId}", w -> get("/api/v1/me/mutes/" + w.freshAccountId()),
                    "401 204 204 204 204 204 204 204 204"),
            row("GET", "/api/v1/me/subscriptions", w -> get("/api/v1/me/subscriptions"), SIGNED_IN),
            row("POST", "/api/v1/me/subscriptions", w -> with("/api/v1/me/subscriptions", Map.of("site", World.SITE,
                    "url", w.articleUrl())), "401 201 201 201 201 201 403 201 201"),
            row("DELETE", "/api/v1/me/subscriptions", w -> get("/api/v1/me/subscriptions" + w.threadQuery()),
                    "401 204 204 204 204 204 403 204 204"),
            row("GET", "/api/v1/me/community", w -> get("/api/v1/me/community" + w.threadQuery()), SIGNED_IN_HERE),
            row("GET", "/api/v1/me/replies", w -> get("/api/v1/me/replies?site=" + World.SITE), SIGNED_IN_HERE),
            row("POST", "/api/v1/me/replies/seen", w -> with("/api/v1/me/replies/seen", Map.of("site", World.SITE)),
                    "401 204 204 204 204 204 403 204 204"),
            row("GET", "/api/v1/users/{id}", w -> get("/api/v1/users/" + w.freshAccountId() + "?site=" + World.SITE),
                    ANYONE),
            row("PATCH", "/api/v1/me/profile", w -> with("/api/v1/me/profile", Map.of("hidden", false)), SIGNED_IN),
            row("GET", "/account/unfollow", w -> get("/account/unfollow?token=" + w.unfollowToken()), ANYONE),
            row("POST", "/account/unfollow", w -> with("/account/unfollow?token=" + w.unfollowToken(), null),
                    ANYONE).csrfExempt(),

            row("GET", "/api/v1/comments/{id}/statement", w -> get("/api/v1/comments/"
                    + w.refusedComment(w.commenter) + "/statement"), "401 200 403 200 403 200 403 200 200"),
            row("GET", "/api/v1/me/restricted-comments", w -> get("/api/v1/me/restricted-comments"
                    + w.threadQuery()), SIGNED_IN),
            row("POST", "/api/v1/appeals", w -> with("/api/v1/appeals", Map.of("commentId",
                    w.refusedComment(w.commenter), "reason", "Please read it again.")),
                    "401 201 403 403 403 403 403 403 403"),
            row("GET", "/api/v1/moderation/appeals", w -> get("/api/v1/moderation/appeals?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),
            row("POST", "/api/v1/moderation/appeals/{id}/decision", w -> with("/api/v1/moderation/appeals/"
                    + w.openAppeal() + "/decision", Map.of("outcome", "dismissed", "reason", "It stands.")),
                    MODERATORS_OF_THIS_SITE),
            row("GET", "/account/appeal", w -> get("/account/appeal?token=x"), ANYONE),

            row("GET", "/api/v1/moderation/sites", w -> get("/api/v1/moderation/sites"), SIGNED_IN),
            row("GET", "/api/v1/moderation/queue", w -> get("/api/v1/moderation/queue?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),
            row("POST", "/api/v1/moderation/comments/{id}/decision", w -> with("/api/v1/moderation/comments/"
                    + w.comment(w.commenter) + "/decision", Map.of("action", "feature")), MODERATORS_OF_THIS_SITE),
            row("POST", "/api/v1/moderation/users/{id}/ban", w -> with("/api/v1/moderation/users/" + w.author()
                    + "/ban", Map.of("reason", "spam")), MODERATORS_OF_THIS_SITE),
            row("DELETE", "/api/v1/moderation/users/{id}/ban", w -> get("/api/v1/moderation/users/" + w.author()
                    + "/ban"), "401 403 403 204 403 204 403 204 204"),
            row("POST", "/api/v1/moderation/users/{id}/warn", w -> with("/api/v1/moderation/users/" + w.author()
                    + "/warn", Map.of("message", "Stay on topic.")), MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/users/{id}", w -> get("/api/v1/moderation/users/" + w.author()),
                    MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/log", w -> get("/api/v1/moderation/log?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/stats", w -> get("/api/v1/moderation/stats?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/transparency", w -> get("/api/v1/moderation/transparency?site="
                    + World.SITE), MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/search", w -> get("/api/v1/moderation/search?site=" + World.SITE
                    + "&q=treaty"), MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/stories", w -> get("/api/v1/moderation/stories?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),
            row("PATCH", "/api/v1/moderation/stories/{id}", w -> with("/api/v1/moderation/stories/" + w.storyId(),
                    Map.of("status", "open")), MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/sites/{site}/settings", w -> get("/api/v1/moderation/sites/"
                    + World.SITE + "/settings"), MODERATORS_OF_THIS_SITE),
            row("PATCH", "/api/v1/moderation/sites/{site}/settings", w -> with("/api/v1/moderation/sites/"
                    + World.SITE + "/settings", Map.of("linkLimit", 2)), MODERATORS_OF_THIS_SITE),
            row("GET", "/api/v1/moderation/sites/{site}/models", w -> get("/api/v1/moderation/sites/"
                    + World.SITE + "/models"), ADMINS),
            row("POST", "/api/v1/moderation/sites/{site}/models", w -> with("/api/v1/moderation/sites/"
                    + World.OTHER_SITE + "/models", null), "401 403 403 403 403 422 403 403 422"),
            row("POST", "/api/v1/moderation/sites/{site}/models/rollback", w -> with("/api/v1/moderation/sites/"
                    + World.SITE + "/models/rollback", null), "401 403 403 403 403 409 403 403 409"),
            row("POST", "/api/v1/moderation/sites/{site}/models/{version}/activate", w -> with(
                    "/api/v1/moderation/sites/" + World.SITE + "/models/no-such-version/activate", null),
                    "401 403 403 403 403 404 403 403 404"),
            row("GET", "/api/v1/moderation/sites/{site}/webhooks", w -> get("/api/v1/moderation/sites/"
                    + World.SITE + "/webhooks"), ADMINS),
            row("POST", "/api/v1/moderation/sites/{site}/webhooks", w -> with("/api/v1/moderation/sites/"
                    + World.SITE + "/webhooks", Map.of("url", "http://203.0.113.9/hook", "events",
                    List.of("comment.created"), "active", false)), ADMINS_CREATE),
            row("PATCH", "/api/v1/moderation/sites/{site}/webhooks/{id}", w -> with("/api/v1/moderation/sites/"
                    + World.SITE + "/webhooks/" + w.webhook(), Map.of("active", false)), ADMINS),
            row("DELETE", "/api/v1/moderation/sites/{site}/webhooks/{id}", w -> get("/api/v1/moderation/sites/"
                    + World.SITE + "/webhooks/" + w.webhook()), ADMINS_DELETE),
            row("GET", "/api/v1/moderation/sites/{site}/webhooks/{id}/deliveries", w -> get(
                    "/api/v1/moderation/sites/" + World.SITE + "/webhooks/" + w.webhook() + "/deliveries"), ADMINS),
            row("POST", "/api/v1/moderation/sites/{site}/webhooks/{id}/deliveries/{deliveryId}/resend", w -> with(
                    "/api/v1/moderation/sites/" + World.SITE + "/webhooks/" + w.webhook()
                    + "/deliveries/no-such-delivery/resend", null), "401 403 403 403 403 404 403 403 404"),

            row("GET", "/api/v1/admin/sites", w -> get("/api/v1/admin/sites"), ADMINS),
            row("POST", "/api/v1/admin/sites", w -> with("/api/v1/admin/sites", Map.of("id", w.freshSiteId(),
                    "name", "A New Paper", "origins", List.of("https://new.example"))), ADMINS_CREATE),
            row("PATCH", "/api/v1/admin/sites/{site}", w -> with("/api/v1/admin/sites/" + World.OTHER_SITE,
                    Map.of("name", World.OTHER_SITE_NAME)), ADMINS),
            row("PUT", "/api/v1/admin/sites/{site}/moderators/{account}", w -> with("/api/v1/admin/sites/"
                    + World.SITE + "/moderators/" + w.freshAccountId(), null), ADMINS),
            row("DELETE", "/api/v1/admin/sites/{site}/moderators/{account}", w -> get("/api/v1/admin/sites/"
                    + World.SITE + "/moderators/" + w.freshModeratorId()), ADMINS_DELETE),
            row("GET", "/api/v1/admin/sites/{site}/badges", w -> get("/api/v1/admin/sites/" + World.SITE + "/badges"),
                    ADMINS),
            row("PUT", "/api/v1/admin/sites/{site}/badges/{account}", w -> with("/api/v1/admin/sites/" + World.SITE
                    + "/badges/" + w.freshAccountId(), Map.of("badge", "journalist")), ADMINS),
            row("DELETE", "/api/v1/admin/sites/{site}/badges/{account}", w -> get("/api/v1/admin/sites/"
                    + World.SITE + "/badges/" + w.freshAccountId()), ADMINS_DELETE),
            row("GET", "/api/v1/admin/tokens", w -> get("/api/v1/admin/tokens"), ADMINS),
            row("POST", "/api/v1/admin/tokens", w -> with("/api/v1/admin/tokens", Map.of("name", "integration")),
                    ADMINS_CREATE),
            row("DELETE", "/api/v1/admin/tokens/{id}", w -> get("/api/v1/admin/tokens/" + w.tokenId()),
                    ADMINS_DELETE),

            row("POST", "/api/v1/classify", w -> with("/api/v1/classify", Map.of("text", "What a fine idea.")),
                    "401 403 403 200 200 200 200 200 200"),
            // Perspective's route takes its API token in ?key= only: session cookies and Authorization headers
            // authorize nothing there, so a call without a key is refused to all alike (PerspectiveApiTest
            // checks the keys) and a cookie cannot make it do anything (hence exempt from the CSRF check).
            row("POST", "/v1alpha1/comments:analyze", w -> with("/v1alpha1/comments:analyze", Map.of("comment",
                    Map.of("text", "What a fine idea."))), "403 403 403 403 403 403 403 403 403").csrfExempt(),
            row("GET", "/api/v1/stream", w -> get("/api/v1/stream" + w.threadQuery()), ANYONE),
            row("GET", "/api/v1/moderation/stream", w -> get("/api/v1/moderation/stream?site=" + World.SITE),
                    MODERATORS_OF_THIS_SITE),

            row("GET", "/health", w -> get("/health"), ANYONE),
            row("GET", "/metrics", w -> get("/metrics"), ANYONE),
            row("GET", "/api/openapi.json", w -> get("/api/openapi.json"), ANYONE),
            row("GET", "/account/verify", w -> get("/account/verify?token=" + w.verifyToken()), ANYONE),
            row("GET", "/account/reset", w -> get("/account/reset?token=" + w.resetToken()), ANYONE),
            row("GET", "/account/unsubscribe", w -> get("/account/unsubscribe?token=" + w.unsubscribeToken()),
                    ANYONE),
            row("POST", "/account/unsubscribe", w -> with("/account/unsubscribe?token=" + w.unsubscribeToken(),
                    null), ANYONE).csrfExempt(),
            row("GET", "/account/{file}", w -> get("/account/account.js"), ANYONE),
            row("GET", "/", w -> get("/"), ANYONE),
            row("GET", "/articles", w -> get("/articles"), ANYONE),
            row("GET", "/embed.js", w -> get("/embed.js"), ANYONE),
            row("GET", "/count.js", w -> get("/count.js"), ANYONE),
            row("GET", "/widget/{file}", w -> get("/widget/widget.js"), ANYONE),
            row("GET", "/i18n/{file}", w -> get("/i18n/widget.en.json"), ANYONE),
            row("GET", "/admin", w -> get("/admin/"), ANYONE),
            row("GET", "/admin/{file}", w -> get("/admin/admin.js"), ANYONE),
            row("GET", "/common/{file}", w -> get("/common/page.js"), ANYONE),
            row("GET", "/vendor/altcha/{file}", w -> get("/vendor/altcha/worker.js"), ANYONE));
}
