package org.parley.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.parley.account.Accounts;
import org.parley.account.Guests;
import org.parley.account.SignupMode;
import org.parley.mail.MailedSignups;
import org.parley.mail.AccountMail;
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
import org.parley.moderation.CommentSearch;
import org.parley.moderation.Decisions;
import org.parley.moderation.EditWindows;
import org.parley.moderation.ModerationLog;
import org.parley.moderation.ModerationStore;
import org.parley.site.ModeratorAccess;
import org.parley.moderation.Queue;
import org.parley.moderation.ReportThresholds;
import org.parley.site.SiteAdministration;
import org.parley.moderation.Statistics;
import org.parley.learning.SiteModelTraining;
import org.parley.learning.SiteModels;
import org.parley.site.StaffTokens;
import org.parley.moderation.Submissions;
import org.parley.notice.Notices;
import org.parley.sso.SingleSignOn;
import org.parley.site.Sites;
import org.parley.site.SiteStore;
import org.parley.story.Stories;
import org.parley.story.StoryBoard;
import org.parley.story.StoryChanges;
import org.parley.story.StoryClosing;
import org.parley.story.StoryStore;
import org.parley.transparency.TransparencyReports;
import org.parley.web.Pages;
import org.parley.privacy.AccountDeletion;
import org.parley.privacy.ClientAddresses;
import org.parley.privacy.DataExport;
import org.parley.web.SecurityHeaders;
import org.parley.web.WebAssets;
import org.parley.webhook.Webhooks;

/**
 * Parley's HTTP server: every route, with its guard and rate limit, in one table ({@link #routes}). It passes 300
 * lines because that table is meant to be read whole.
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
            PrometheusMeterRegistry registry,
            Webhooks webhooks,
            PrivacyParts privacy,
            AdminParts admin,
            Runnable beforeScrape,
            MailParts mail,
            Notices notices,
            StoryParts story,
            AppealParts appeals,
            OidcParts oidc,
            CommunityParts community,
            org.parley.challenge.Challenges challenges) {
    }

    /** What sign-in with OpenID providers needs: the sites' providers, the flow, the identities. */
    public record OidcParts(org.parley.oidc.OidcClients clients, org.parley.oidc.OidcSignIn signIn,
            org.parley.oidc.OidcStore store) {
    }

    /** What the readers' community needs: mutes, followed threads and their mails, replies to a reader. */
    public record CommunityParts(org.parley.community.Mutes mutes, org.parley.community.FollowStore follows,
            org.parley.mail.FollowerMails followerMails, org.parley.community.RepliesToMe replies,
            org.parley.community.Profiles profiles, org.parley.community.Badges badges,
            org.parley.community.BadgeStore badgeStore, java.time.Clock clock) {
    }

    /** What the stories' read side needs: the site's closing rule, the moderators' list of stories. */
    public record StoryParts(StoryClosing closing, StoryBoard board) {
    }

    /** What statements of reasons and appeals need (DSA Art. 17 and 20). */
    public record AppealParts(org.parley.statement.Statements statements, org.parley.appeal.Appeals appeals,
            java.time.Clock clock) {
    }

    /** What readers' privacy needs: hashed client addresses, the data export, account deletion. */
    public record PrivacyParts(ClientAddresses addresses, DataExport export, AccountDeletion deletion) {
    }

    /** What the admins' API and publisher sign-in need. */
    public record AdminParts(Sites sites, StaffTokens tokens, SingleSignOn sso) {
    }

    /** What the account mails, sign-up by mail and guest comments need. */
    public record MailParts(AccountMail accountMail, Guests guests, MailedSignups signups) {
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
            StoryChanges storyChanges,
            LearningParts learning,
            TransparencyReports transparency,
            CommentSearch search) {
    }

    /** What the admins' site-model API needs. */
    public record LearningParts(SiteModels models, SiteModelTraining training) {
    }

    /**
     * How the server meets the network, and how readers sign up ({@code signup}: instant or confirm).
     * {@code sharedLimits}: the rate-limit buckets in the database (PostgreSQL), or null to keep them in memory.
     */
    public record Options(String host, int port, Supplier<String> publicUrl, boolean rateLimits, boolean trustProxy,
            int maxStreams, java.time.Duration shutdownGrace, boolean threadCache, SignupPolicy signup,
            org.parley.store.RateLimitBuckets sharedLimits) {
    }

    /** Whether the server sends mail, and the sign-up mode in force (auto resolved): the widget reads both. */
    public record SignupPolicy(boolean mail, SignupMode mode) {
    }

    private final Javalin app;
    private final EventStream stream;
    private final AtomicReference<org.eclipse.jetty.server.Server> jetty;

    private HttpServer(Javalin app, EventStream stream, AtomicReference<org.eclipse.jetty.server.Server> jetty) {
        this.app = app;
        this.stream = stream;
        this.jetty = jetty;
    }

    public static HttpServer create(Parts parts, Options options) {
        ObjectMapper mapper = Json.mapper();
        Auth auth = new Auth(parts.accounts(), options.trustProxy(), parts.privacy().addresses());
        Requests requests = new Requests(mapper);
        RateLimits limits = options.sharedLimits() == null ? RateLimits.inProcess(options.rateLimits())
                : RateLimits.shared(options.rateLimits(), options.sharedLimits());
        ThreadCache cache = new ThreadCache(options.threadCache());
        parts.events().subscribe(event -> cache.invalidate(event.storyId()));
        Cors cors = new Cors(parts.siteStore()::allOrigins);
        EventStream stream = new EventStream(parts.stories(), parts.storyStore(), parts.commentStore(),
                parts.moderation().access(), auth, options.maxStreams(), parts.moderation().editWindows());
        io.micrometer.core.instrument.Gauge.builder("parley.sse.streams", stream, EventStream::openStreams)
                .register(parts.registry());
        parts.events().subscribe(stream::publish);
        RequestTimers timers = new RequestTimers(parts.registry());
        BotCheck bots = new BotCheck(parts.challenges(), auth);
        Routes routes = new Routes(
                new AuthApi(parts.accounts(), auth, requests, limits, parts.moderation().store(), parts.admin().sso(),
                        parts.mail().accountMail(), new AuthApi.SignupParts(parts.mail().signups(), parts.stories(),
                                options.signup().mode(), bots)),
                new ThreadsApi(parts.stories(), parts.storyStore(), parts.threads(),
                        parts.rules(), cache, auth, mapper, parts.disagreements(), parts.moderation().editWindows(),
                        parts.admin().sso(), parts.siteStore(), options.signup(), parts.story().closing(),
                        parts.community().badgeStore()::ofSite),
                new CommentsApi(parts.stories(), parts.submissions(), parts.comments(), parts.respects(),
                        parts.reports(), parts.moderation().reportThresholds(), parts.disagreements(),
                        parts.rules(), auth, requests, limits, parts.moderation().access(), parts.mail().guests(),
                        parts.siteStore(), bots),
                new ModerationApi(auth, requests, parts.moderation().access(), parts.moderation().queue(),
                        parts.moderation().decisions(), parts.moderation().bans(), parts.moderation().log(),
                        parts.moderation().administration(), parts.siteStore(),
                        parts.accounts(), parts.rules(), parts.moderation().statistics(),
                        parts.classifier(), parts.storyStore(), parts.moderation().editWindows(),
                        parts.admin().sso(), parts.oidc()),
                new ModelsApi(auth, parts.moderation().access(), parts.siteStore(),
                        parts.moderation().learning().models(), parts.moderation().learning().training()),
                new ClassifyApi(parts.classifier(), auth, requests),
                new PerspectiveApi(parts.classifier(), parts.accounts(), mapper),
                new PrivacyApi(auth, parts.privacy().export(), parts.privacy().deletion()),
                new WebhooksApi(auth, requests, parts.moderation().access(), parts.siteStore(), parts.webhooks()),
                new AdminApi(auth, requests, parts.moderation().access(), parts.admin().sites(), parts.accounts(),
                        parts.admin().tokens(), parts.admin().sso()),
                new HealthApi(parts.databaseHealthy(), parts.registry(), parts.beforeScrape()),
                stream, cors, new WebAssets(), new Pages(options.publicUrl()),
                new TransparencyApi(auth, parts.moderation().access(), parts.siteStore(),
                        parts.moderation().transparency(), java.time.Clock.systemUTC()),
                new NoticesApi(parts.notices(), auth, requests, limits, parts.siteStore()),
                new StoriesApi(auth, requests, parts.moderation().access(), parts.siteStore(), parts.storyStore(),
                        parts.moderation().storyChanges(), parts.story().board()),
                new AppealsApi(auth, requests, parts.appeals().statements(), parts.appeals().appeals(),
                        parts.stories(), parts.appeals().clock()),
                new SearchApi(auth, parts.moderation().access(), parts.siteStore(), parts.storyStore(),
                        parts.accounts(), parts.moderation().search(), parts.moderation().editWindows(),
                        parts.classifier()),
                new OidcApi(parts.oidc().signIn(), parts.oidc().store(), parts.stories(), parts.accounts(), auth,
                        requests, limits),
                new CommunityApi(auth, requests, limits, parts.stories(), new CommunityApi.Parts(
                        parts.community().mutes(), parts.community().follows(), parts.community().followerMails(),
                        parts.community().replies(), parts.community().profiles(), parts.community().clock())),
                new BadgesApi(auth, requests, parts.stories(), parts.community().badges()),
                new ChallengeApi(parts.challenges(), parts.stories(), auth));
        AtomicReference<org.eclipse.jetty.server.Server> jetty = new AtomicReference<>();
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
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(options.shutdownGrace().toMillis());
                server.setErrorHandler(new ProtocolErrors());
                // Ahead of Javalin's handlers (decision 0020): Graceful, then cached thread reads, then the rest.
                server.insertHandler(new ThreadHits(cache, cors, timers));
                server.insertHandler(new GracefulHandler());
                jetty.set(server);
            });
            Errors.register(config);
            routes.register(config);
        });
        return new HttpServer(app, stream, jetty);
    }

    public HttpServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every route the server answers, method and path as registered (pre-flight {@code OPTIONS} included). */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && !endpoint.method.equals(HandlerType.HEAD))
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
                .distinct()
                .toList();
    }

    /** A route of the table: {@code GET}, {@code /api/v1/comments/{id}}. */
    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Stops gracefully: first no new connections (the listening sockets close, so a load balancer sends readers
     * elsewhere), then live streams end with a reconnect hint, then Jetty waits up to the shutdown grace for the
     * requests in flight ({@link GracefulHandler}; a new request on a kept-alive connection gets 503), and stops.
     */
    public void stop() {
        org.eclipse.jetty.server.Server server = jetty.get();
        if (server != null) {
            for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
                if (connector instanceof NetworkConnector network) {
                    network.close();
                }
            }
        }
        stream.close();
        app.stop();
    }

    /**
     * Times requests by method, route and status, with histogram buckets from 1 ms to 10 s, so that Prometheus can
     * compute latency quantiles per route across instances. A timer is looked up in a map of our own rather than built and
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
            // The HTTP endpoint that matched, not the before- or after-handler that ran last (their path is "*").
            io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            String route = matched == null ? "unmatched" : matched.path;
            record(ctx.method().name(), route, ctx.statusCode(), (long) (millis * 1_000_000));
        }

        void record(String method, String route, int status, long nanos) {
            timers.computeIfAbsent(new TimerKey(method, route, status), k -> Timer.builder("http.server.requests")
                            .publishPercentileHistogram()
                            .minimumExpectedValue(java.time.Duration.ofMillis(1))
                            .maximumExpectedValue(java.time.Duration.ofSeconds(10))
                            .tag("method", k.method())
                            .tag("route", k.route())
                            .tag("status", Integer.toString(k.status()))
                            .register(registry))
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The route table. */
    private record Routes(AuthApi auth, ThreadsApi threads, CommentsApi comments, ModerationApi moderation,
            ModelsApi models, ClassifyApi classify, PerspectiveApi perspective, PrivacyApi privacy,
            WebhooksApi webhooks, AdminApi admin, HealthApi health, EventStream stream, Cors cors,
            WebAssets assets, Pages pages, TransparencyApi transparency, NoticesApi notices,
            StoriesApi stories, AppealsApi appeals, SearchApi search, OidcApi oidc,
            CommunityApi community, BadgesApi badges, ChallengeApi challenge) {

        void register(io.javalin.config.JavalinConfig config) {
            var r = config.routes;
            r.before(SecurityHeaders::everyResponse);
            r.after(SecurityHeaders::htmlPages);
            r.before("/api/*", cors::apply);
            r.before("/api/*", Requests::refuseNulInQuery);
            r.options("/api/*", cors::preflight);

            //   method  path                                     handler            guard / rate limit
            r.post("/api/v1/auth/signup", auth::signup);             // none / SIGNUP_PER_IP; 403 in confirm mode
            r.post("/api/v2/auth/signup", auth::signupByMail);       // none / SIGNUP_PER_IP; 202 for any address
            r.post("/api/v1/auth/login", auth::login);               // none / LOGIN_PER_IP, LOGIN_PER_EMAIL
            r.post("/api/v1/auth/sso", auth::sso);                   // none / SSO_PER_IP; 401 sso_invalid
            r.post("/api/v1/auth/logout", auth::logout);             // CSRF when signed in
            r.get("/api/v1/me", auth::me);                           // signed in
            r.patch("/api/v1/me", auth::changeMe);                   // CSRF
            r.post("/api/v1/auth/verify", auth::verify);             // none (the token) / MAIL_PER_IP
            r.post("/api/v1/auth/verify/resend", auth::resendVerification); // CSRF / MAIL_PER_ACCOUNT; 202
            r.post("/api/v1/auth/password-reset", auth::requestReset); // none / MAIL_PER_IP, MAIL_PER_EMAIL; 202
            r.post("/api/v1/auth/password-reset/confirm", auth::confirmReset); // none (the token) / MAIL_PER_IP
            r.get("/api/v1/challenge", challenge::challenge);         // none / one a second per address
            r.delete("/api/v1/me/warning", auth::acknowledgeWarning); // CSRF
            r.get("/api/v1/me/export", privacy::export);             // signed in; attachment
            r.delete("/api/v1/me", privacy::delete);                 // CSRF; 204, 409 last_admin
            r.get("/api/v1/auth/oidc/{provider}/start", oidc::start); // none / LOGIN_PER_IP; 302 to the provider
            r.get("/api/v1/auth/oidc/callback", oidc::callback);      // none (state, browser cookie); 302 back
            r.post("/api/v1/auth/oidc/callback", oidc::callback);     // none (state, browser cookie); Apple's post
            r.get("/api/v1/me/identities", oidc::identities);         // signed in
            r.post("/api/v1/me/identities/{provider}", oidc::link);   // CSRF / LOGIN_PER_IP; {location}

            r.get(ThreadHits.PATH, threads::thread);                 // none (cached; hits: ThreadHits)
            r.get("/api/v1/threads/viewer", threads::viewer);        // signed in
            r.get("/api/v1/counts", threads::counts);                // none

            r.post("/api/v1/comments", comments::post);              // CSRF, or a guest / POST_PER_IP, POST_PER_ACCOUNT
            r.patch("/api/v1/comments/{id}", comments::edit);        // CSRF, author / POST_PER_ACCOUNT
            r.delete("/api/v1/comments/{id}", comments::delete);     // CSRF, author or moderator
            r.post("/api/v1/comments/{id}/respect", comments::respect); // CSRF / ACTION_PER_ACCOUNT
            r.post("/api/v1/comments/{id}/reports", comments::report); // CSRF / ACTION_PER_ACCOUNT
            r.post("/api/v1/comments/{id}/disagree", comments::disagree); // CSRF / ACTION_PER_ACCOUNT; private
            r.post("/api/v1/preview", comments::preview);            // none / PREVIEW_PER_IP

            r.get("/api/v1/comments/{id}/statement", appeals::statement); // author, moderator of the site, admin
            r.get("/api/v1/me/restricted-comments", appeals::restrictedComments); // signed in; own, on one story
            r.post("/api/v1/appeals", appeals::appeal);                // CSRF, author; or none (notice token); 201
            r.get("/api/v1/moderation/appeals", appeals::queue);       // moderator of the site
            r.post("/api/v1/moderation/appeals/{id}/decision", appeals::decide); // CSRF, another moderator
            r.get("/account/appeal", pages::appeal);                   // none; the page posts token and reason

            r.get("/api/v1/me/mutes", community::mutes);                  // signed in
            r.post("/api/v1/me/mutes", community::mute);                  // CSRF / ACTION_PER_ACCOUNT; 201
            r.delete("/api/v1/me/mutes/{userId}", community::unmute);     // CSRF; 204
            r.get("/api/v1/me/subscriptions", community::follows);        // signed in
            r.post("/api/v1/me/subscriptions", community::follow);        // CSRF / ACTION_PER_ACCOUNT; 201
            r.delete("/api/v1/me/subscriptions", community::unfollow);    // CSRF; ?site=&url=; 204
            r.get("/api/v1/me/community", community::community);          // signed in; ?site=&url=
            r.get("/api/v1/me/replies", community::replies);              // signed in; ?site=
            r.post("/api/v1/me/replies/seen", community::seen);           // CSRF; 204
            r.get("/api/v1/users/{id}", community::profile);              // none; ?site=; hidden: the name alone
            r.patch("/api/v1/me/profile", community::changeProfile);      // CSRF; {hidden}
            r.get("/account/unfollow", pages::unsubscribe);               // none; a form that posts back
            r.post("/account/unfollow", community::unfollowByLink);       // none (the token); RFC 8058 one-click

            r.get("/api/v1/moderation/sites", moderation::sites);    // signed in
            r.get("/api/v1/moderation/queue", moderation::queue);    // moderator of the site
            r.post("/api/v1/moderation/comments/{id}/decision", moderation::decide); // CSRF, moderator of the site
            r.post("/api/v1/moderation/users/{id}/ban", moderation::ban);     // CSRF, moderator
            r.delete("/api/v1/moderation/users/{id}/ban", moderation::unban); // CSRF, moderator
            r.post("/api/v1/moderation/users/{id}/warn", moderation::warn);   // CSRF, moderator
            r.get("/api/v1/moderation/users/{id}", moderation::user);         // moderator
            r.get("/api/v1/moderation/log", moderation::log);        // moderator of the site
            r.get("/api/v1/moderation/stats", moderation::stats);    // moderator of the site
            r.get("/api/v1/moderation/transparency", transparency::report); // moderator of the site
            r.get("/api/v1/moderation/stories", stories::list);      // moderator of the site
            r.patch("/api/v1/moderation/stories/{id}", stories::change); // CSRF, moderator of the site
            r.get("/api/v1/moderation/search", search::search);      // moderator of the site
            r.get("/api/v1/moderation/sites/{site}/settings", moderation::settings);       // moderator of the site
            r.patch("/api/v1/moderation/sites/{site}/settings", moderation::changeSettings); // CSRF, moderator
            r.get("/api/v1/moderation/sites/{site}/models", models::list);                 // admin
            r.post("/api/v1/moderation/sites/{site}/models", models::train);               // CSRF, admin; 202
            r.post("/api/v1/moderation/sites/{site}/models/rollback", models::rollback);   // CSRF, admin
            r.post("/api/v1/moderation/sites/{site}/models/{version}/activate", models::activate); // CSRF, admin

            r.get("/api/v1/notices/categories", notices::categories);        // none
            r.post("/api/v1/notices", notices::submit);                      // CSRF, or signed out / NOTICE_PER_IP
            r.get("/api/v1/moderation/notices", notices::list);              // moderator of the site
            r.post("/api/v1/moderation/notices/{id}/decision", notices::decide); // CSRF, moderator of the site

            r.get("/api/v1/moderation/sites/{site}/webhooks", webhooks::list);             // admin
            r.post("/api/v1/moderation/sites/{site}/webhooks", webhooks::create);          // CSRF, admin; 201
            r.patch("/api/v1/moderation/sites/{site}/webhooks/{id}", webhooks::change);    // CSRF, admin
            r.delete("/api/v1/moderation/sites/{site}/webhooks/{id}", webhooks::delete);   // CSRF, admin; 204
            r.get("/api/v1/moderation/sites/{site}/webhooks/{id}/deliveries", webhooks::deliveries); // admin
            r.post("/api/v1/moderation/sites/{site}/webhooks/{id}/deliveries/{deliveryId}/resend",
                    webhooks::resend);                                                     // CSRF, admin; 202

            r.get("/api/v1/admin/sites", admin::listSites);                  // admin without site limit
            r.post("/api/v1/admin/sites", admin::createSite);                // CSRF, admin without site limit; 201
            r.patch("/api/v1/admin/sites/{site}", admin::changeSite);        // CSRF, admin of the site
            r.put("/api/v1/admin/sites/{site}/moderators/{account}", admin::addModerator);       // CSRF, site admin
            r.delete("/api/v1/admin/sites/{site}/moderators/{account}", admin::removeModerator); // CSRF, site admin
            r.get("/api/v1/admin/sites/{site}/badges", badges::list);                  // admin of the site
            r.put("/api/v1/admin/sites/{site}/badges/{account}", badges::give);        // CSRF, admin of the site
            r.delete("/api/v1/admin/sites/{site}/badges/{account}", badges::take);     // CSRF, admin of the site; 204
            r.get("/api/v1/admin/tokens", admin::listTokens);                // admin without site limit
            r.post("/api/v1/admin/tokens", admin::createToken);              // CSRF, admin without site limit; 201
            r.delete("/api/v1/admin/tokens/{id}", admin::revokeToken);       // CSRF, admin without site limit

            r.post("/api/v1/classify", classify::classify);          // moderator (cookie + CSRF, or API token)
            r.post("/v1alpha1/comments:analyze", perspective::analyze); // moderator's API token in ?key=

            r.before("/api/v1/stream", stream::checkThread);
            r.sse("/api/v1/stream", stream::thread);                 // none; comment.published|edited|removed
            r.before("/api/v1/moderation/stream", stream::checkModerator);
            r.sse("/api/v1/moderation/stream", stream::moderation);  // moderator of the site; queue.changed

            r.get("/health", health::health);
            r.get("/metrics", health::metrics);
            r.get("/api/openapi.json", ctx -> sendAsset(ctx, "api/openapi.json")); // none; this API, OpenAPI 3.1

            r.get("/account/verify", pages::verify);                // none; the page posts the token
            r.get("/account/reset", pages::reset);                  // none; the page posts token and password
            r.get("/account/unsubscribe", pages::unsubscribe);      // none; a form that posts back
            r.post("/account/unsubscribe", auth::unsubscribe);      // none (the token); RFC 8058 one-click
            r.get("/account/{file}", ctx -> sendAsset(ctx, "account/" + ctx.pathParam("file")));

            r.get("/", pages::article);
            r.get("/articles", pages::articles);
            r.get("/embed.js", ctx -> sendAsset(ctx, "embed.js"));
            r.get("/count.js", ctx -> sendAsset(ctx, "count.js"));
            r.get("/widget/{file}", ctx -> sendAsset(ctx, "widget/" + ctx.pathParam("file")));
            r.get("/i18n/{file}", ctx -> sendAsset(ctx, "i18n/" + ctx.pathParam("file"))); // message bundles
            r.get("/admin", this::dashboard);  // also matches /admin/: Javalin ignores trailing slashes
            r.get("/admin/{file}", ctx -> sendAsset(ctx, "admin/" + ctx.pathParam("file")));
            r.get("/common/{file}", ctx -> sendAsset(ctx, "common/" + ctx.pathParam("file"))); // the pages' helpers
            r.get("/vendor/altcha/{file}", ctx -> sendAsset(ctx, "vendor/altcha/" + ctx.pathParam("file"))); // ALTCHA
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
