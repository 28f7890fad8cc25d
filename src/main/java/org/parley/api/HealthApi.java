package org.parley.api;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness for load balancers ({@code /health}) and metrics for Prometheus ({@code /metrics}). */
final class HealthApi {

    private final BooleanSupplier databaseHealthy;
    private final PrometheusMeterRegistry registry;

    HealthApi(BooleanSupplier databaseHealthy, PrometheusMeterRegistry registry) {
        this.databaseHealthy = databaseHealthy;
        this.registry = registry;
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
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
