package org.parley.api;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Cross-origin access for the widget on publishers' pages: a request from an origin that some site allows gets
 * that origin back with credentials allowed; any other origin gets no CORS headers, so browsers keep its pages
 * out. The allowed origins are re-read from the database at most every 30 seconds.
 */
final class Cors {

    private final LoadingCache<String, List<String>> origins;

    Cors(Supplier<List<String>> allowedOrigins) {
        this.origins = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(30))
                .build(ignored -> allowedOrigins.get());
    }

    /** Adds the CORS headers a request from an allowed origin needs. */
    void apply(Context ctx) {
        apply(ctx.header("Origin"), ctx.res()::addHeader);
    }

    /** Adds, with {@code addHeader}, the CORS headers a request from {@code origin} (maybe null) needs. */
    void apply(String origin, BiConsumer<String, String> addHeader) {
        addHeader.accept("Vary", "Origin");
        allow(origin, addHeader);
    }

    /** Adds the headers that let {@code origin} (maybe null) read the answer, if some site allows it. */
    void allow(String origin, BiConsumer<String, String> addHeader) {
        if (origin != null && origins.get("all").contains(origin)) {
            addHeader.accept("Access-Control-Allow-Origin", origin);
            addHeader.accept("Access-Control-Allow-Credentials", "true");
            addHeader.accept("Access-Control-Expose-Headers", "ETag, Retry-After");
        }
    }

    /**
     * Answers a pre-flight request. The origin headers come from {@link #apply}, which runs before every API route;
     * adding them here again sent each twice, and browsers refuse a doubled Access-Control-Allow-Origin.
     */
    void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, X-Parley-CSRF, Authorization, If-None-Match");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }
}
