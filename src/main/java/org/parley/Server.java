package org.parley;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.DisposableDomains;
import org.parley.account.Guests;
import org.parley.challenge.Challenges;
import org.parley.mail.AccountMail;
import org.parley.mail.LinkTokens;
import org.parley.mail.MailQueue;
import org.parley.mail.MailedSignups;
import org.parley.mail.MailSender;
import org.parley.mail.MailTexts;
import org.parley.mail.ModeratorDigests;
import org.parley.mail.ReplyNotices;
import org.parley.mail.StatementMails;
import org.parley.appeal.Appeal;
import org.parley.appeal.AppealStore;
import org.parley.appeal.Appeals;
import org.parley.statement.Statements;
import org.parley.api.HttpServer;
import org.parley.classifier.Classifier;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentEvents;
import org.parley.comment.CommentStore;
import org.parley.comment.Comments;
import org.parley.comment.Disagreements;
import org.parley.comment.PeerEvents;
import org.parley.comment.Reports;
import org.parley.comment.Respects;
import org.parley.comment.Threads;
import org.parley.moderation.Bans;
import org.parley.moderation.CommentSearch;
import org.parley.learning.DecisionExamples;
import org.parley.learning.SiteClassifiers;
import org.parley.learning.SiteModelStore;
import org.parley.learning.SiteModelTraining;
import org.parley.learning.SiteModels;
import org.parley.moderation.Decisions;
import org.parley.moderation.EditWindows;
import org.parley.moderation.ModerationLog;
import org.parley.moderation.ModerationStore;
import org.parley.site.ModeratorAccess;
import org.parley.moderation.Queue;
import org.parley.moderation.ReportThresholds;
import org.parley.site.SiteAdministration;
import org.parley.moderation.Statistics;
import org.parley.moderation.Pipelines;
import org.parley.site.StaffTokens;
import org.parley.moderation.QueueSizes;
import org.parley.moderation.SubmissionMeters;
import org.parley.moderation.Submissions;
import org.parley.sso.SingleSignOn;
import org.parley.sso.SsoStore;
import org.parley.site.Sites;
import org.parley.site.SiteStore;
import org.parley.story.StoryBoard;
import org.parley.story.StoryChanges;
import org.parley.story.StoryClosing;
import org.parley.story.Stories;
import org.parley.story.StoryStore;
import org.parley.transparency.TransparencyReports;
import org.parley.store.Database;
import org.parley.store.Dialect;
import org.parley.store.RateLimitBuckets;
import org.parley.store.PeerChannel;
import org.parley.notice.NoticeMails;
import org.parley.notice.NoticeStore;
import org.parley.notice.Notices;
import org.parley.privacy.AccountDeletion;
import org.parley.privacy.ClientAddresses;
import org.parley.privacy.DataExport;
import org.parley.web.DemoContent;
import org.parley.webhook.Backoff;
import org.parley.webhook.Outbox;
import org.parley.webhook.ReceiverAddresses;
import org.parley.webhook.WebhookSender;
import org.parley.webhook.WebhookStore;
import org.parley.webhook.Webhooks;
import org.slf4j.LoggerFactory;

/**
 * A running Parley server: opens the database, builds every object with {@code new}, starts HTTP, and makes sure
 * the demo site and a first admin exist. Closing it stops HTTP and closes the database. It passes 300 lines because
 * it is the one place where the parts meet (decision 4): each is built once here, in the order it needs.
 */
public final class Server implements AutoCloseable {

    private final Database database;
    private final HttpServer http;
    private final ScheduledExecutorService housekeeping;
    private final SiteModelTraining training;
    private final MailSender mailSender;
    private final PeerChannel peers;
    private final String publicUrl;
    private final FirstStart firstStart;

    private Server(Database database, HttpServer http, ScheduledExecutorService housekeeping, PeerChannel peers,
            SiteModelTraining training, MailSender mailSender, String publicUrl, FirstStart firstStart) {
        this.database = database;
        this.mailSender = mailSender;
        this.peers = peers;
        this.http = http;
        this.housekeeping = housekeeping;
        this.training = training;
        this.publicUrl = publicUrl;
        this.firstStart = firstStart;
    }

    /** What a first start created: the admin's e-mail and password, shown once. */
    public record FirstStart(String adminEmail, String adminPassword) {
    }

    public static Server start(Settings settings, Clock clock) {
        Database database = settings.databaseUrl() == null
                ? Database.openSqlite(settings.dataDir())
                : Database.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        try {
            return start(settings, clock, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Server start(Settings settings, Clock clock, Database database) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        database.pool().setMetricRegistry(registry);

        AccountStore accountStore = new AccountStore(database.jdbi());
        DisposableDomains disposable = settings.disposableDomainsFile() == null ? DisposableDomains.shipped()
                : DisposableDomains.fromFile(settings.disposableDomainsFile());
        Accounts accounts = new Accounts(accountStore, clock, disposable);
        SiteStore siteStore = new SiteStore(database.jdbi());
        StoryStore storyStore = new StoryStore(database.jdbi());
        Stories stories = new Stories(siteStore, storyStore, clock);
        // Every change to a thread is announced by events once its transaction commits: the comment store records
        // its own changes, story changes are recorded alongside; listeners inside the transaction are added below.
        CommentEvents events = new CommentEvents();
        events.subscribe(event -> registry.counter("parley.comment.events", "type", event.type().eventName())
                .increment());
        CommentStore commentStore = new CommentStore(database.jdbi(), events);
        StoryChanges storyChanges = new StoryChanges(storyStore, clock);
        StoryClosing storyClosing = new StoryClosing(storyStore, clock);
        storyChanges.onChange((handle, storyId) -> events.record(handle, CommentEvent.storyChanged(storyId)));
        Outbox outbox = new Outbox(clock);
        commentStore.onChange(outbox);
        WebhookStore webhookStore = new WebhookStore(database.jdbi());
        ReceiverAddresses receivers = new ReceiverAddresses(settings.webhookAllowPrivate());
        ModerationStore moderationStore = new ModerationStore(database.jdbi());
        Classifier classifier = Classifier.shipped();
        Thread warmUp = new Thread(classifier::warmUp, "parley-encoder-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        EditWindows editWindows = new EditWindows(siteStore, settings.rules());
        SiteModelStore siteModelStore = new SiteModelStore(database.jdbi());
        SiteClassifiers classifiers = new SiteClassifiers(classifier, siteModelStore);
        Submissions submissions = new Submissions(commentStore, siteStore, classifiers,
                Pipelines.standard(moderationStore, storyClosing, settings.rules(), classifiers), editWindows, clock,
                new SubmissionMeters(registry), database.groupCommit());
        ModeratorAccess access = new ModeratorAccess(database.jdbi());
        Queue queue = new Queue(database.jdbi());
        QueueSizes queueSizes = new QueueSizes(siteStore, queue, clock, registry);
        SiteModels siteModels = new SiteModels(siteModelStore, new DecisionExamples(database.jdbi()), classifiers,
                clock);
        SiteModelTraining training = new SiteModelTraining(siteModels);
        DemoContent demo = new DemoContent(siteStore, stories, accounts, submissions, clock);

        ClientAddresses addresses = ClientAddresses.open(database.jdbi(), settings.ipRetention(), clock);
        HttpServer.PrivacyParts privacy = new HttpServer.PrivacyParts(addresses,
                new DataExport(database.jdbi(), clock),
                new AccountDeletion(database.jdbi(), commentStore, siteStore, clock));
        AtomicReference<String> publicUrl = new AtomicReference<>(settings.publicUrl());
        LinkTokens tokens = LinkTokens.load(database.jdbi(), clock.instant());
        MailTexts texts = new MailTexts(publicUrl::get);
        AccountMail accountMail = new AccountMail(accounts, accountStore, tokens, texts, commentStore, clock);
        accounts.onSignUp(accountMail::queueVerification);
        commentStore.onChange(new ReplyNotices(texts, tokens, clock));
        HttpServer.CommunityParts community = community(database, accounts, access, commentStore, texts, tokens,
                privacy.export(), clock);
        MailSender mailSender = new MailSender(settings.mail(), new MailQueue(database.jdbi()),
                new ModeratorDigests(database.jdbi(), texts, tokens, settings.mail().digestInterval(), clock), clock);
        HttpServer.ModerationParts moderationParts = moderation(database, accounts, siteStore, storyStore,
                commentStore, moderationStore, access, queue, storyChanges, editWindows, outbox,
                clock, new HttpServer.LearningParts(siteModels, training));
        Notices notices = new Notices(new NoticeStore(database.jdbi()), commentStore, access,
                new NoticeMails(texts, tokens, settings.mail().configured()), clock);
        // On PostgreSQL every instance draws on the same rate-limit buckets, in the database; SQLite keeps them in
        // memory (api/RateLimits).
        RateLimitBuckets sharedLimits = database.dialect() == Dialect.POSTGRESQL
                ? RateLimitBuckets.open(database, addresses::hash) : null;
        HttpServer http = HttpServer.create(new HttpServer.Parts(
                        accounts, siteStore, storyStore, stories, commentStore,
                        new Threads(commentStore, settings.rules()),
                        new Comments(commentStore),
                        submissions,
                        new Respects(commentStore, clock),
                        new Reports(commentStore, clock),
                        new Disagreements(commentStore, clock),
                        settings.rules(), events, moderationParts,
                        classifier, database::isHealthy, registry, new Webhooks(webhookStore, receivers, clock), privacy,
                        new HttpServer.AdminParts(new Sites(siteStore, clock),
                                new StaffTokens(accounts, access, siteStore),
                                new SingleSignOn(new SsoStore(database.jdbi()), siteStore, accounts, clock)),
                        queueSizes::refresh,
                        new HttpServer.MailParts(accountMail, new Guests(accountStore, clock, disposable),
                                new MailedSignups(accounts, accountStore, accountMail)),
                        notices,
                        new HttpServer.StoryParts(storyClosing, new StoryBoard(storyStore, clock)),
                        appeals(database, commentStore, moderationStore, access, tokens, texts, submissions,
                                moderationParts, notices, privacy.export(), clock),
                        oidc(database, siteStore, accounts, privacy.export(), publicUrl::get, clock),
                        community,
                        Challenges.open(database.jdbi(), siteStore, settings.rateLimits(), clock)),
                new HttpServer.Options(settings.host(), settings.port(), publicUrl::get, settings.rateLimits(),
                        settings.trustProxy(), settings.maxStreams(), settings.shutdownGrace(),
                        settings.threadCache(), new HttpServer.SignupPolicy(settings.mail().configured(),
                                settings.signupMode().resolve(settings.mail().configured())), sharedLimits));
        http.start();
        int port = http.port();
        if (publicUrl.get() == null) {
            publicUrl.set("http://localhost:" + port);
        }
        demo.ensure(List.of("http://localhost:" + port, "http://127.0.0.1:" + port), publicUrl.get());
        FirstStart firstStart = accounts.hasAdmin() ? null : createFirstAdmin(accounts);
        ScheduledExecutorService housekeeping = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "parley-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        // Two threads, so that a slow webhook receiver never holds up the hourly purge.
        housekeeping.scheduleWithFixedDelay(() -> purge(accounts, addresses, sharedLimits), 1, 60, TimeUnit.MINUTES);
        WebhookSender sender = new WebhookSender(webhookStore, Backoff.standard(), receivers, clock);
        housekeeping.scheduleWithFixedDelay(() -> deliverWebhooks(sender), 1, 1, TimeUnit.SECONDS);
        mailSender.alsoQueue(community.followerMails()::queueDue);
        mailSender.start();
        return new Server(database, http, housekeeping, connectPeers(settings, database, events), training,
                mailSender, publicUrl.get(), firstStart);
    }

    /**
     * On PostgreSQL, joins the other instances on the same database: comment events then travel to every instance
     * (their caches and live streams). SQLite serves one instance, which needs no channel.
     */
    private static PeerChannel connectPeers(Settings settings, Database database, CommentEvents events) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            return null;
        }
        PeerEvents peerEvents = new PeerEvents(events);
        PeerChannel channel = PeerChannel.open(database, "parley_events", settings.databaseUrl(),
                settings.databaseUser(), settings.databasePassword(), peerEvents::receive);
        peerEvents.sendThrough(channel::send);
        return channel;
    }

    /**
     * Hourly: expired sessions, sign-ups by mail unconfirmed for a week, address hashes past their retention and
     * (PostgreSQL) rate-limit buckets that are full again.
     */
    private static void purge(Accounts accounts, ClientAddresses addresses, RateLimitBuckets sharedLimits) {
        try {
            accounts.purgeExpiredSessions();
            accounts.purgeUnconfirmedSignups();
            addresses.purge();
            if (sharedLimits != null) {
                sharedLimits.purgeExpired();
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Server.class).warn("Could not purge expired sessions, unconfirmed sign-ups,"
                    + " address hashes and rate-limit buckets", e);
        }
    }

    private static void deliverWebhooks(WebhookSender sender) {
        try {
            sender.deliverDue();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Server.class).warn("Could not deliver webhooks", e);
        }
    }

    private static HttpServer.ModerationParts moderation(Database database, Accounts accounts, SiteStore siteStore,
            StoryStore storyStore, CommentStore commentStore, ModerationStore store, ModeratorAccess access,
            Queue queue, StoryChanges storyChanges, EditWindows editWindows, Outbox outbox, Clock clock,
            HttpServer.LearningParts learning) {
        return new HttpServer.ModerationParts(
                access,
                queue,
                new Decisions(commentStore, storyStore, store, access, clock),
                new Bans(accounts, store, outbox, clock),
                new ModerationLog(database.jdbi()),
                store,
                new SiteAdministration(siteStore, access),
                new ReportThresholds(commentStore, storyStore, siteStore, store, clock),
                new Statistics(database.jdbi(), clock),
                editWindows,
                storyChanges,
                learning,
                new TransparencyReports(database.jdbi(), clock),
                new CommentSearch(database.jdbi(), database.dialect()));
    }

    /** Sign-in with OpenID providers; a reader's identities join their data export. */
    private static HttpServer.OidcParts oidc(Database database, SiteStore siteStore, Accounts accounts,
            DataExport export, java.util.function.Supplier<String> publicUrl, Clock clock) {
        org.parley.oidc.OidcStore store = new org.parley.oidc.OidcStore(database.jdbi());
        export.include("identities", store::identitiesOf);
        return new HttpServer.OidcParts(new org.parley.oidc.OidcClients(siteStore),
                new org.parley.oidc.OidcSignIn(store, siteStore, accounts, new org.parley.oidc.ProviderDiscovery(),
                        publicUrl, clock), store);
    }

    /**
     * Statements of reasons and appeals; the statement mail goes out on every restriction and the outcome mail on
     * every decided appeal.
     */
    private static HttpServer.AppealParts appeals(Database database, CommentStore commentStore,
            ModerationStore moderationStore, ModeratorAccess access, LinkTokens tokens, MailTexts texts,
            Submissions submissions, HttpServer.ModerationParts moderation, Notices notices, DataExport export,
            Clock clock) {
        StatementMails mails = new StatementMails(texts, clock);
        submissions.onRestriction(mails);
        notices.onRestriction(mails);
        moderation.decisions().onRestriction(mails);
        moderation.reportThresholds().onRestriction(mails);
        moderation.bans().onRestriction(mails::accountRestricted);
        AppealStore store = new AppealStore(database.jdbi());
        Appeals appeals = new Appeals(store, commentStore, moderationStore, access, tokens, clock);
        appeals.onDecision(mails);
        Statements statements = new Statements(database.jdbi(), moderationStore, access, clock);
        export.include("statements", statements::ofAuthor);
        // As elsewhere in the export, the moderators' identities are left out.
        export.include("appeals", account -> store.byAppellant(account).stream()
                .map(appeal -> new Appeal(appeal.id(), appeal.siteId(), appeal.commentId(), appeal.appellantId(),
                        appeal.noticeId(), appeal.reason(), appeal.contestedLogId(), appeal.contestedAction(), null,
                        appeal.status(), null, appeal.decidedAt(), appeal.outcomeReason(), appeal.createdAt()))
                .toList());
        return new HttpServer.AppealParts(statements, appeals, clock);
    }

    /**
     * The readers' community: mutes, followed threads (noted as comments are published, mailed by the mail sender)
     * and replies to a reader; the data export includes the reader's part of each.
     */
    private static HttpServer.CommunityParts community(Database database, Accounts accounts, ModeratorAccess access,
            CommentStore commentStore, MailTexts texts, LinkTokens tokens, DataExport export, Clock clock) {
        org.parley.community.MuteStore mutes = new org.parley.community.MuteStore(database.jdbi());
        org.parley.community.FollowStore follows = new org.parley.community.FollowStore(database.jdbi());
        org.parley.community.VisitStore visits = new org.parley.community.VisitStore(database.jdbi());
        org.parley.mail.FollowerMails followerMails = new org.parley.mail.FollowerMails(follows, texts, tokens, clock);
        commentStore.onChange(followerMails);
        export.include("mutes", mutes::list);
        export.include("subscriptions", follows::list);
        export.include("replyVisits", visits::list);
        org.parley.community.ProfileStore profiles = new org.parley.community.ProfileStore(database.jdbi());
        org.parley.community.BadgeStore badges = new org.parley.community.BadgeStore(database.jdbi());
        export.include("profile", account -> java.util.Map.of("hidden", profiles.hidden(account)));
        return new HttpServer.CommunityParts(new org.parley.community.Mutes(mutes, accounts, clock), follows,
                followerMails, new org.parley.community.RepliesToMe(database.jdbi(), visits, clock),
                new org.parley.community.Profiles(database.jdbi(), profiles, clock),
                new org.parley.community.Badges(badges, access, accounts, clock), badges, clock);
    }

    private static FirstStart createFirstAdmin(Accounts accounts) {
        String password = org.parley.store.Ids.random(15);
        String email = "admin@parley.local";
        accounts.create(email, password, "Admin", org.parley.account.Role.ADMIN);
        return new FirstStart(email, password);
    }

    public int port() {
        return http.port();
    }

    /** The HTTP routes this server answers (the security tests walk them all). */
    public List<HttpServer.Route> routes() {
        return http.routes();
    }

    public String publicUrl() {
        return publicUrl;
    }

    public Database database() {
        return database;
    }

    /** The admin created by this start, if this was the first. */
    public Optional<FirstStart> firstStart() {
        return Optional.ofNullable(firstStart);
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        mailSender.close();
        training.close();
        if (peers != null) {
            peers.close();
        }
        http.stop();
        database.close();
    }
}
