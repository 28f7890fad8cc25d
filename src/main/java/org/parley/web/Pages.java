package org.parley.web;

import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * The HTML pages Parley serves itself: the demo article at {@code /}, the demo list of articles at
 * {@code /articles}, the moderation dashboard at {@code /admin/}, and the pages mailed links open under
 * {@code /account/} (verify, reset, unsubscribe). Each is a file from the jar's {@code web/} folder, with the demo
 * article's canonical URL filled in; {@link SecurityHeaders} adds the pages' policy.
 */
public final class Pages {

    private final Supplier<String> publicUrl;

    public Pages(Supplier<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** Serves the demo article. */
    public void article(Context ctx) {
        send(ctx, "demo/index.html");
    }

    /** Serves the list of demo articles with their comment counts. */
    public void articles(Context ctx) {
        send(ctx, "demo/articles.html");
    }

    /** Serves the moderation dashboard's page (its scripts and styles come from /admin/FILE). */
    public void dashboard(Context ctx) {
        send(ctx, "admin/index.html");
    }

    /** Serves the page a verification link opens; its script posts the token from the address. */
    public void verify(Context ctx) {
        sendAccountPage(ctx, "account/verify.html");
    }

    /** Serves the page a reset link opens: a form for the new password. */
    public void reset(Context ctx) {
        sendAccountPage(ctx, "account/reset.html");
    }

    /** Serves the page a notifier's appeal link opens: a form for the reasons of the appeal. */
    public void appeal(Context ctx) {
        sendAccountPage(ctx, "account/appeal.html");
    }

    /** Serves the page an unsubscribe link opens: one button that posts back to the same address. */
    public void unsubscribe(Context ctx) {
        sendAccountPage(ctx, "account/unsubscribe.html");
    }

    /** Account pages carry a token in their address: it must not leak to other sites through the referrer. */
    private void sendAccountPage(Context ctx, String path) {
        send(ctx, path);
        SecurityHeaders.page(ctx);
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
    }

    private void send(Context ctx, String path) {
        String html = WebAssets.text(path).orElse("<!doctype html><title>Parley</title><p>This page is missing"
                + " from this build.</p>");
        ctx.header("Cache-Control", "no-cache");
        ctx.html(html.replace("{{canonical}}", DemoContent.articleUrl(publicUrl.get())));
    }
}
