package org.parley.api;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness for load balancers ({@code /health}) and metrics for Prometheus ({@code /metrics}). */
final class HealthApi {

    private final BooleanSupplier databaseHealthy;
    private final PrometheusMeterRegistry registry;
    private final Runnable beforeScrape;

    /** {@code beforeScrape} brings gauges that are costly to read up to date (at its own pace). */
    HealthApi(BooleanSupplier databaseHealthy, PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.databaseHealthy = databaseHealthy;
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (databaseHealthy.getAsBoolean()) {
            ctx.json(Map.of("status", "ok"));
        } else {
            ctx.status(503).json(Map.of("status", "unavailable", "message", "The database does not answer."));
        }
    }

    void metrics(Context ctx) {
        beforeScrape.run();
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
