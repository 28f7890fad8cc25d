package org.parley.web;

import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * The HTML pages Parley serves itself: the demo article at {@code /}, the demo list of articles at
 * {@code /articles}, and the moderation dashboard at {@code /admin/}. Each is a file from the jar's {@code web/}
 * folder, with the demo article's canonical URL filled in; {@link SecurityHeaders} adds the pages' policy.
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

    private void send(Context ctx, String path) {
        String html = WebAssets.text(path).orElse("<!doctype html><title>Parley</title><p>This page is missing"
                + " from this build.</p>");
        ctx.header("Cache-Control", "no-cache");
        ctx.html(html.replace("{{canonical}}", DemoContent.articleUrl(publicUrl.get())));
    }
}
