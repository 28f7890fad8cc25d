package org.parley.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteStore;
import org.parley.webhook.Webhook;
import org.parley.webhook.Webhooks;

/**
 * The admins' API for a site's webhooks: list, add (the secret is shown in that answer only), change, delete,
 * the delivery log, and re-send. Only admins reach it; changes need the CSRF header.
 */
final class WebhooksApi {

    record WebhookRequest(String url, List<String> events, Boolean active, String secret) {
    }

    private final Auth auth;
    private final Requests requests;
    private final ModeratorAccess access;
    private final SiteStore sites;
    private final Webhooks webhooks;

    WebhooksApi(Auth auth, Requests requests, ModeratorAccess access, SiteStore sites, Webhooks webhooks) {
        this.auth = auth;
        this.requests = requests;
        this.access = access;
        this.sites = sites;
        this.webhooks = webhooks;
    }

    void list(Context ctx) {
        String site = requireAdminOf(auth.require(ctx).account(), ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("webhooks", webhooks.list(site)));
    }

    void create(Context ctx) {
        String site = requireAdminOf(auth.requireForChange(ctx).account(), ctx);
        WebhookRequest request = requests.body(ctx, WebhookRequest.class);
        Webhooks.Created created = webhooks.create(site, request.url(), request.events(), request.active(),
                request.secret());
        ctx.header("Cache-Control", "private, no-store");
        ctx.status(201).json(Map.of("webhook", created.webhook(), "secret", created.secret()));
    }

    void change(Context ctx) {
        String site = requireAdminOf(auth.requireForChange(ctx).account(), ctx);
        WebhookRequest request = requests.body(ctx, WebhookRequest.class);
        Webhook changed = webhooks.change(site, ctx.pathParam("id"), new Webhooks.Change(request.url(),
                request.events(), request.active(), request.secret()));
        ctx.json(Map.of("webhook", changed));
    }

    void delete(Context ctx) {
        String site = requireAdminOf(auth.requireForChange(ctx).account(), ctx);
        webhooks.delete(site, ctx.pathParam("id"));
        ctx.status(204);
    }

    void deliveries(Context ctx) {
        String site = requireAdminOf(auth.require(ctx).account(), ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("deliveries", webhooks.deliveries(site, ctx.pathParam("id"))));
    }

    void resend(Context ctx) {
        String site = requireAdminOf(auth.requireForChange(ctx).account(), ctx);
        ctx.status(202).json(Map.of("delivery", webhooks.resend(site, ctx.pathParam("id"),
                ctx.pathParam("deliveryId"))));
    }

    private String requireAdminOf(Account account, Context ctx) {
        return ModelsApi.requireAdminOf(access, sites, account, ctx);
    }
}
