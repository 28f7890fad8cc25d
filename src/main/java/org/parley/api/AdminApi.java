package org.parley.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.ApiToken;
import org.parley.account.Session;
import org.parley.site.ModeratorAccess;
import org.parley.site.StaffTokens;
import org.parley.problem.Problem;
import org.parley.sso.SingleSignOn;
import org.parley.site.Site;
import org.parley.site.Sites;

/**
 * The admins' API: sites, their moderators, and API tokens. Work across sites (creating and listing sites,
 * tokens) needs an admin without a site limit; work on one site needs an admin whose reach includes it.
 */
final class AdminApi {

    record SiteRequest(String id, String name, List<String> origins, String guidelines, String language) {
        Sites.SiteFields fields() {
            return new Sites.SiteFields(name, origins, guidelines, language);
        }
    }

    record TokenRequest(String name, String role, String site) {
    }

    record SiteView(String id, String name, List<String> origins, String guidelines, String language, boolean sso,
            List<ModeratorAccess.Moderator> moderators) {
    }

    record TokenView(String id, String name, String role, String site, Instant createdAt, Map<String, String> account) {
        static TokenView of(ApiToken token) {
            return new TokenView(token.id(), token.name(), token.role() == null ? null : token.role().code(),
                    token.site(), token.createdAt(), Map.of("id", token.accountId(), "displayName",
                            token.accountName()));
        }
    }

    /** A token just made: the listing plus its secret, which is never shown again. */
    record NewTokenView(String token, String id, String name, String role, String site, Instant createdAt,
            Map<String, String> account) {
    }

    private final Auth auth;
    private final Requests requests;
    private final ModeratorAccess access;
    private final Sites sites;
    private final Accounts accounts;
    private final StaffTokens tokens;
    private final SingleSignOn sso;

    AdminApi(Auth auth, Requests requests, ModeratorAccess access, Sites sites, Accounts accounts, StaffTokens tokens,
            SingleSignOn sso) {
        this.auth = auth;
        this.requests = requests;
        this.access = access;
        this.sites = sites;
        this.accounts = accounts;
        this.tokens = tokens;
        this.sso = sso;
    }

    void listSites(Context ctx) {
        access.requireAdmin(auth.require(ctx).account());
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("sites", sites.list().stream().map(this::view).toList()));
    }

    void createSite(Context ctx) {
        access.requireAdmin(auth.requireForChange(ctx).account());
        SiteRequest request = requests.body(ctx, SiteRequest.class);
        ctx.status(201).json(Map.of("site", view(sites.create(request.id(), request.fields()))));
    }

    void changeSite(Context ctx) {
        String site = ctx.pathParam("site");
        access.requireAdminOf(auth.requireForChange(ctx).account(), site);
        SiteRequest request = requests.body(ctx, SiteRequest.class);
        if (request.id() != null && !request.id().equals(site)) {
            throw Problem.invalid("id", "A site's id cannot change.");
        }
        ctx.json(Map.of("site", view(sites.change(site, request.fields()))));
    }

    /** Assigns a moderator, named by account id or by e-mail address. */
    void addModerator(Context ctx) {
        String site = requireSiteAdmin(ctx);
        access.assign(account(ctx.pathParam("account")).id(), site);
        ctx.json(Map.of("moderators", access.moderators(site)));
    }

    void removeModerator(Context ctx) {
        String site = requireSiteAdmin(ctx);
        if (!access.unassign(account(ctx.pathParam("account")).id(), site)) {
            throw Problem.notFound("moderator", "That account does not moderate the site '" + site + "'.");
        }
        ctx.status(204);
    }

    void createToken(Context ctx) {
        Session session = auth.requireForChange(ctx);
        access.requireAdmin(session.account());
        TokenRequest request = requests.body(ctx, TokenRequest.class);
        Accounts.NewToken made = tokens.issue(session.account().id(), request.name(), request.role(), request.site());
        TokenView view = TokenView.of(made.token());
        ctx.header("Cache-Control", "private, no-store");
        ctx.status(201).json(new NewTokenView(made.secret(), view.id(), view.name(),
                view.role() == null ? session.account().role().code() : view.role(), view.site(), view.createdAt(),
                view.account()));
    }

    void listTokens(Context ctx) {
        access.requireAdmin(auth.require(ctx).account());
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("tokens", accounts.listTokens().stream().map(TokenView::of).toList()));
    }

    void revokeToken(Context ctx) {
        access.requireAdmin(auth.requireForChange(ctx).account());
        accounts.revokeToken(ctx.pathParam("id"));
        ctx.status(204);
    }

    private String requireSiteAdmin(Context ctx) {
        String site = ctx.pathParam("site");
        access.requireAdminOf(auth.requireForChange(ctx).account(), site);
        sites.require(site);
        return site;
    }

    private Account account(String idOrEmail) {
        return (idOrEmail.contains("@") ? accounts.findByEmail(idOrEmail.strip().toLowerCase(Locale.ROOT))
                : accounts.findAccount(idOrEmail))
                .orElseThrow(() -> Problem.notFound("user", "There is no account '" + idOrEmail + "'."));
    }

    private SiteView view(Site site) {
        return new SiteView(site.id(), site.name(), site.origins(), site.guidelines(), site.language(),
                sso.enabled(site.id()), access.moderators(site.id()));
    }
}
