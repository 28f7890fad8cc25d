package org.parley.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.parley.account.Accounts;
import org.parley.classifier.Classifier;
import org.parley.comment.CommentEvents;
import org.parley.comment.CommentRules;
import org.parley.comment.CommentStore;
import org.parley.comment.Comments;
import org.parley.comment.Disagreements;
import org.parley.comment.Reports;
import org.parley.comment.Respects;
import org.parley.comment.Threads;
import org.parley.moderation.Bans;
import org.parley.moderation.Decisions;
import org.parley.moderation.EditWindows;
import org.parley.moderation.ModerationLog;
import org.parley.moderation.ModerationStore;
import org.parley.moderation.ModeratorAccess;
import org.parley.moderation.Queue;
import org.parley.moderation.ReportThresholds;
import org.parley.moderation.SiteAdministration;
import org.parley.moderation.Statistics;
import org.parley.moderation.SiteModelTraining;
import org.parley.moderation.SiteModels;
import org.parley.moderation.Submissions;
import org.parley.story.SiteStore;
import org.parley.story.Stories;
import org.parley.story.StoryStore;
import org.parley.web.Pages;
import org.parley.web.WebAssets;

/**
 * Parley's HTTP server: every route, with its guard and rate limit, in one table ({@link #routes}).
 *
 * <p>Guards are spelled out in the handlers: {@code auth.require} (signed in), {@code auth.requireForChange}
 * (signed in and carrying the CSRF header); rate limits are named where a handler takes a token. Dynamic
 * compression is off: hot responses are compressed once when cached ({@link org.parley.web.CachedBody}).
 */
public final class HttpServer {

    /** What the HTTP layer needs from the rest of Parley. */
    public record Parts(
            Accounts accounts,
            SiteStore siteStore,
            StoryStore storyStore,
            Stories stories,
            CommentStore commentStore,
            Threads threads,
            Comments comments,
            Submissions submissions,
            Respects respects,
            Reports reports,
            Disagreements disagreements,
            CommentRules rules,
            CommentEvents events,
            ModerationParts moderation,
            Classifier classifier,
            BooleanSupplier databaseHealthy,
            PrometheusMeterRegistry registry) {
    }

    /** What the moderators' API needs. */
    public record ModerationParts(
            ModeratorAccess access,
            Queue queue,
            Decisions decisions,
            Bans bans,
            ModerationLog log,
            ModerationStore store,
            SiteAdministration administration,
            ReportThresholds reportThresholds,
            Statistics statistics,
            EditWindows editWindows,
            LearningParts learning) {
    }

    /** What the admins' site-model API needs; {@code baseData} says whether training has base data. */
    public record LearningParts(SiteModels models, SiteModelTraining training, boolean baseData) {
    }

    /** How the server meets the network. */
    public record Options(String host, int port, Supplier<String> publicUrl, boolean rateLimits, boolean trustProxy,
            int maxStreams) {
    }

    private final Javalin app;
    private final EventStream stream;

    private HttpServer(Javalin app, EventStream stream) {
        this.app = app;
        this.stream = stream;
    }

    public static HttpServer create(Parts parts, Options options) {
        ObjectMapper mapper = Json.mapper();
        Auth auth = new Auth(parts.accounts(), options.trustProxy());
        Requests requests = new Requests(mapper);
        RateLimits limits = new RateLimits(options.rateLimits());
        ThreadCache cache = new ThreadCache();
        parts.events().subscribe(event -> cache.invalidate(event.storyId()));
        Cors cors = new Cors(parts.siteStore()::allOrigins);
        EventStream stream = new EventStream(parts.stories(), parts.storyStore(), parts.commentStore(),
                parts.moderation().access(), auth, options.maxStreams(), parts.moderation().editWindows());
        io.micrometer.core.instrument.Gauge.builder("parley.sse.streams", stream, EventStream::openStreams)
                .register(parts.registry());
        parts.events().subscribe(stream::publish);
        RequestTimers timers = new RequestTimers(parts.registry());
        Routes routes = new Routes(
                new AuthApi(parts.accounts(), auth, requests, limits, parts.moderation().store()),
                new ThreadsApi(parts.stories(), parts.storyStore(), parts.threads(), parts.commentStore(),
                        parts.rules(), cache, auth, mapper, parts.disagreements(), parts.moderation().editWindows()),
                new CommentsApi(parts.stories(), parts.submissions(), parts.comments(), parts.respects(),
                        parts.reports(), parts.moderation().reportThresholds(), parts.disagreements(),
                        parts.rules(), auth,
                        requests, limits),
                new ModerationApi(auth, requests, parts.moderation().access(), parts.moderation().queue(),
                        parts.moderation().decisions(), parts.moderation().bans(), parts.moderation().log(),
                        parts.moderation().store(), parts.moderation().administration(), parts.siteStore(),
                        parts.accounts(), parts.rules(), parts.moderation().statistics(),
                        parts.classifier(), parts.storyStore(), parts.events(), parts.moderation().editWindows()),
                new ModelsApi(auth, parts.moderation().access(), parts.siteStore(),
                        parts.moderation().learning().models(), parts.moderation().learning().training(),
                        parts.moderation().learning().baseData()),
                new ClassifyApi(parts.classifier(), auth, requests),
                new HealthApi(parts.databaseHealthy(), parts.registry()),
                stream, cors, new WebAssets(), new Pages(options.publicUrl()));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.maxRequestSize = Requests.MAX_BODY_BYTES;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.requestLogger.http(timers::record);
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(ProtocolErrors.MAX_HEADER_BYTES));
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors()));
            config.jetty.modifyServletContextHandler(
                    context -> context.insertHandler(new ThreadHits(cache, cors, timers)));
            Errors.register(config);
            routes.register(config);
        });
        return new HttpServer(app, stream);
    }

    public HttpServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        stream.close();
        app.stop();
    }

    /**
     * Times requests by method, route and status. A timer is looked up in a map of our own rather than built and
     * registered per request, which cost the hot thread read a few per cent of its time.
     */
    static final class RequestTimers {

        private record TimerKey(String method, String route, int status) {
        }

        private final PrometheusMeterRegistry registry;
        private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

        RequestTimers(PrometheusMeterRegistry registry) {
            this.registry = registry;
        }

        void record(Context ctx, float millis) {
            String route = ctx.endpoint() == null ? "unmatched" : ctx.endpoint().path;
            record(ctx.method().name(), route, ctx.statusCode(), (long) (millis * 1_000_000));
        }

        void record(String method, String route, int status, long nanos) {
            timers.computeIfAbsent(new TimerKey(method, route, status), k -> Timer.builder("http.server.requests")
                            .tag("method", k.method())
                            .tag("route", k.route())
                            .tag("status", Integer.toString(k.status()))
                            .register(registry))
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The route table. */
    private record Routes(AuthApi auth, ThreadsApi threads, CommentsApi comments, ModerationApi moderation,
            ModelsApi models, ClassifyApi classify, HealthApi health, EventStream stream, Cors cors,
            WebAssets assets, Pages pages) {

        void register(io.javalin.config.JavalinConfig config) {
            var r = config.routes;
            r.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
            r.before("/api/*", cors::apply);
            r.before("/api/*", Requests::refuseNulInQuery);
            r.options("/api/*", cors::preflight);

            //   method  path                                     handler            guard / rate limit
            r.post("/api/v1/auth/signup", auth::signup);             // none / SIGNUP_PER_IP
            r.post("/api/v1/auth/login", auth::login);               // none / LOGIN_PER_IP, LOGIN_PER_EMAIL
            r.post("/api/v1/auth/logout", auth::logout);             // CSRF when signed in
            r.get("/api/v1/me", auth::me);                           // signed in
            r.delete("/api/v1/me/warning", auth::acknowledgeWarning); // CSRF

            r.get(ThreadHits.PATH, threads::thread);                 // none (cached; hits: ThreadHits)
            r.get("/api/v1/threads/viewer", threads::viewer);        // signed in
            r.get("/api/v1/counts", threads::counts);                // none

            r.post("/api/v1/comments", comments::post);              // CSRF / POST_PER_IP, POST_PER_ACCOUNT
            r.patch("/api/v1/comments/{id}", comments::edit);        // CSRF, author / POST_PER_ACCOUNT
            r.delete("/api/v1/comments/{id}", comments::delete);     // CSRF, author or moderator
            r.post("/api/v1/comments/{id}/respect", comments::respect); // CSRF / ACTION_PER_ACCOUNT
            r.post("/api/v1/comments/{id}/reports", comments::report); // CSRF / ACTION_PER_ACCOUNT
            r.post("/api/v1/comments/{id}/disagree", comments::disagree); // CSRF / ACTION_PER_ACCOUNT; private
            r.post("/api/v1/preview", comments::preview);            // none / PREVIEW_PER_IP

            r.get("/api/v1/moderation/sites", moderation::sites);    // signed in
            r.get("/api/v1/moderation/queue", moderation::queue);    // moderator of the site
            r.post("/api/v1/moderation/comments/{id}/decision", moderation::decide); // CSRF, moderator of the site
            r.post("/api/v1/moderation/users/{id}/ban", moderation::ban);     // CSRF, moderator
            r.delete("/api/v1/moderation/users/{id}/ban", moderation::unban); // CSRF, moderator
            r.post("/api/v1/moderation/users/{id}/warn", moderation::warn);   // CSRF, moderator
            r.get("/api/v1/moderation/users/{id}", moderation::user);         // moderator
            r.get("/api/v1/moderation/log", moderation::log);        // moderator of the site
            r.get("/api/v1/moderation/stats", moderation::stats);    // moderator of the site
            r.patch("/api/v1/moderation/stories/{id}", moderation::changeStory); // CSRF, moderator of the site
            r.get("/api/v1/moderation/sites/{site}/settings", moderation::settings);       // moderator of the site
            r.patch("/api/v1/moderation/sites/{site}/settings", moderation::changeSettings); // CSRF, moderator
            r.get("/api/v1/moderation/sites/{site}/models", models::list);                 // admin
            r.post("/api/v1/moderation/sites/{site}/models", models::train);               // CSRF, admin; 202
            r.post("/api/v1/moderation/sites/{site}/models/rollback", models::rollback);   // CSRF, admin
            r.post("/api/v1/moderation/sites/{site}/models/{version}/activate", models::activate); // CSRF, admin

            r.post("/api/v1/classify", classify::classify);          // moderator (cookie + CSRF, or API token)

            r.before("/api/v1/stream", stream::checkThread);
            r.sse("/api/v1/stream", stream::thread);                 // none; comment.published|edited|removed
            r.before("/api/v1/moderation/stream", stream::checkModerator);
            r.sse("/api/v1/moderation/stream", stream::moderation);  // moderator of the site; queue.changed

            r.get("/health", health::health);
            r.get("/metrics", health::metrics);

            r.get("/", pages::article);
            r.get("/articles", pages::articles);
            r.get("/embed.js", ctx -> sendAsset(ctx, "embed.js"));
            r.get("/count.js", ctx -> sendAsset(ctx, "count.js"));
            r.get("/widget/{file}", ctx -> sendAsset(ctx, "widget/" + ctx.pathParam("file")));
            r.get("/admin", this::dashboard);  // also matches /admin/: Javalin ignores trailing slashes
            r.get("/admin/{file}", ctx -> sendAsset(ctx, "admin/" + ctx.pathParam("file")));
        }

        /** The dashboard lives at /admin/, so that a bare /admin is sent there first. */
        private void dashboard(Context ctx) {
            if (ctx.path().endsWith("/")) {
                pages.dashboard(ctx);
            } else {
                ctx.redirect("/admin/");
            }
        }

        private void sendAsset(Context ctx, String path) {
            if (!assets.send(ctx, path)) {
                ctx.status(404).result("Not found");
            }
        }
    }
}
