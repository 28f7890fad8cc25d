package org.parley.web;

import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * The HTML pages Parley serves itself: the demo article at {@code /}, the demo list of articles at
 * {@code /articles}, and the moderation dashboard at {@code /admin/}. Each is a file from the jar's {@code web/}
 * folder, with the demo article's canonical URL filled in, sent with a strict Content-Security-Policy (scripts and
 * connections to this origin only).
 */
public final class Pages {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

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

    private void send(Context ctx, String path) {
        String html = WebAssets.text(path).orElse("<!doctype html><title>Parley</title><p>This page is missing"
                + " from this build.</p>");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Cache-Control", "no-cache");
        ctx.html(html.replace("{{canonical}}", DemoContent.articleUrl(publicUrl.get())));
    }
}
