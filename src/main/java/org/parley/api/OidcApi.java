package org.parley.api;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Session;
import org.parley.oidc.OidcSignIn;
import org.parley.oidc.OidcStore;
import org.parley.problem.Problem;
import org.parley.site.OidcClient;
import org.parley.site.Site;
import org.parley.store.Ids;
import org.parley.story.Stories;
import org.parley.web.SecurityHeaders;

/**
 * Sign-in with OpenID providers over HTTP: the start that sends the browser to the provider, the callback it comes
 * back to (a query, or Apple's form post), and a signed-in reader's identities and linking. A cookie of its own,
 * scoped to the callback's path, ties a sign-in to the browser that began it. A refused callback answers a short
 * page (the browser is on it) with the problem's status and code. Thread-safe.
 */
final class OidcApi {

    static final String BROWSER_COOKIE = "parley_oidc";
    private static final String COOKIE_PATH = "/api/v1/auth/oidc";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.mapper();

    /** Linking: the article to come back to, on one of the site's origins. */
    record LinkRequest(String site, String returnUrl) {
    }

    /** Where to send the browser next: the provider's address. */
    record LinkStart(String location) {
    }

    private final OidcSignIn signIn;
    private final OidcStore store;
    private final Stories stories;
    private final Accounts accounts;
    private final Auth auth;
    private final Requests requests;
    private final RateLimits limits;

    OidcApi(OidcSignIn signIn, OidcStore store, Stories stories, Accounts accounts, Auth auth, Requests requests,
            RateLimits limits) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.store = store;
        this.stories = stories;
        this.auth = auth;
        this.requests = requests;
        this.limits = limits;
    }

    /** {@code GET /api/v1/auth/oidc/{provider}/start?site=&returnUrl=}: 302 to the provider. */
    void start(Context ctx) {
        limits.take(RateLimits.Limit.LOGIN_PER_IP, auth.clientAddress(ctx));
        String provider = OidcClient.checkName(ctx.pathParam("provider"));
        Site site = stories.requireSite(Requests.requiredQuery(ctx, "site"));
        String returnUrl = AuthApi.returnUrlOn(site, Requests.requiredQuery(ctx, "returnUrl"));
        URI location = signIn.start(site, provider, returnUrl, browserKey(ctx), null);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(location.toString());
    }

    /**
     * {@code POST /api/v1/me/identities/{provider}} {@code {site, returnUrl}}: a signed-in reader begins linking
     * an identity at the provider to this account; answers the provider's address for the browser to go to.
     */
    void link(Context ctx) {
        Session session = auth.requireForChange(ctx);
        limits.take(RateLimits.Limit.LOGIN_PER_IP, auth.clientAddress(ctx));
        LinkRequest request = requests.body(ctx, LinkRequest.class);
        String provider = OidcClient.checkName(ctx.pathParam("provider"));
        if (request.site() == null || request.returnUrl() == null) {
            throw Problem.invalid(request.site() == null ? "site" : "returnUrl", "Name the site and the page to"
                    + " come back to.");
        }
        Site site = stories.requireSite(request.site());
        String returnUrl = AuthApi.returnUrlOn(site, request.returnUrl());
        URI location = signIn.start(site, provider, returnUrl, browserKey(ctx), session.account());
        ctx.header("Cache-Control", "no-store");
        ctx.json(new LinkStart(location.toString()));
    }

    /** {@code GET /api/v1/me/identities}: the identities the reader signs in with. */
    void identities(Context ctx) {
        Account account = auth.require(ctx).account();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("identities", store.identitiesOf(account.id())));
    }

    /**
     * {@code GET|POST /api/v1/auth/oidc/callback}: the provider's answer. Signed in (or linked), the browser goes
     * back to the article; refused, it gets a page saying why, and nobody is signed in.
     */
    void callback(Context ctx) {
        boolean posted = ctx.method().name().equals("POST");
        OidcSignIn.Answer answer = posted
                ? new OidcSignIn.Answer(ctx.formParam("state"), ctx.formParam("code"), ctx.formParam("error"),
                        appleName(ctx.formParam("user")))
                : new OidcSignIn.Answer(ctx.queryParam("state"), ctx.queryParam("code"), ctx.queryParam("error"),
                        null);
        ctx.header("Cache-Control", "no-store");
        try {
            Account current = auth.session(ctx).map(Session::account).orElse(null);
            OidcSignIn.Outcome outcome = signIn.finish(answer, ctx.cookie(BROWSER_COOKIE), current);
            if (outcome.signedIn() != null) {
                auth.session(ctx).filter(previous -> previous.tokenHash() != null)
                        .ifPresent(accounts::logOut);
                auth.setCookie(ctx, outcome.signedIn());
            }
            ctx.redirect(outcome.returnUrl(), posted ? io.javalin.http.HttpStatus.SEE_OTHER
                    : io.javalin.http.HttpStatus.FOUND);
        } catch (OidcSignIn.Refused refused) {
            refusedPage(ctx, refused.problem(), refused.returnUrl());
        }
    }

    /**
     * The name in Apple's {@code user} form field (JSON {@code {"name": {"firstName", "lastName"}}}, sent on the
     * first sign-in only and never in the ID token), or null. It only names a new account, as a reader could.
     */
    static String appleName(String user) {
        if (user == null || user.length() > 2000) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode name = JSON.readTree(user).path("name");
            return (name.path("firstName").asText("") + " " + name.path("lastName").asText("")).strip();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    /** The random value tying a sign-in to this browser: the cookie's when it has one, else a new one set now. */
    private String browserKey(Context ctx) {
        String key = ctx.cookie(BROWSER_COOKIE);
        if (key == null || key.length() < 32 || key.length() > 100) {
            key = Ids.random(32);
        }
        // Apple answers with a cross-site form post, which carries only a SameSite=None cookie (https only).
        ctx.res().addHeader("Set-Cookie", BROWSER_COOKIE + "=" + key + "; Path=" + COOKIE_PATH
                + "; Max-Age=600; HttpOnly" + (auth.isHttps(ctx) ? "; SameSite=None; Secure" : "; SameSite=Lax"));
        return key;
    }

    private static void refusedPage(Context ctx, Problem problem, String returnUrl) {
        SecurityHeaders.page(ctx);
        ctx.status(Errors.status(problem));
        // English here; the account pages' script (same origin, so the page policy allows it) translates.
        ctx.html("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                + "<title data-i18n=\"oidc.failed\">Sign-in failed</title>"
                + "<link rel=\"stylesheet\" href=\"/account/account.css\">"
                + "<script type=\"module\" src=\"/account/account.js\"></script>"
                + "<body data-page=\"oidc\"><main><h1 data-i18n=\"oidc.failed\">Sign-in failed</h1>"
                + "<p data-error=\"" + problem.code() + "\">" + escape(problem.getMessage()) + "</p>"
                + (returnUrl == null ? "" : "<p><a href=\"" + escape(returnUrl) + "\" data-i18n=\"oidc.back\">Back"
                + " to the article</a></p>")
                + "</main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
