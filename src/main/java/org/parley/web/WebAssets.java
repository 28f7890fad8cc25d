package org.parley.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The widget's and the pages' static files, read from the jar once and sent from memory, gzipped and with
 * ETags. Scripts and styles may be cached for five minutes and then revalidated, so a new release reaches
 * readers quickly without a versioned URL in the publisher's script tag. Thread-safe.
 */
public final class WebAssets {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json");

    private final Map<String, Optional<CachedBody>> loaded = new ConcurrentHashMap<>();

    /** Sends the asset at {@code path} (relative to the jar's {@code web/} folder), or answers false. */
    public boolean send(Context ctx, String path) {
        Optional<CachedBody> asset = find(path);
        if (asset.isEmpty()) {
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (asset.get().contentType().startsWith("text/html")) {
            SecurityHeaders.page(ctx);
        }
        asset.get().send(ctx, "public, max-age=300");
        return true;
    }

    /** The asset at {@code path}, read once. Paths with '..' or a leading slash are never served. */
    public Optional<CachedBody> find(String path) {
        if (path.contains("..") || path.startsWith("/") || path.contains("\\")) {
            return Optional.empty();
        }
        return loaded.computeIfAbsent(path, WebAssets::load);
    }

    /** The text of a resource under {@code web/}, for pages that fill in placeholders. */
    public static Optional<String> text(String path) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<CachedBody> load(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + path)) {
            return in == null ? Optional.empty() : Optional.of(CachedBody.of(in.readAllBytes(), type, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
