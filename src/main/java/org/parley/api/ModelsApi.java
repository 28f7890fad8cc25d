package org.parley.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.site.ModeratorAccess;
import org.parley.learning.SiteModel;
import org.parley.learning.SiteModelTraining;
import org.parley.learning.SiteModels;
import org.parley.problem.Problem;
import org.parley.site.SiteStore;

/** The admins' API for a site's own models: list, train in the background, activate, roll back. */
final class ModelsApi {

    /** A site model as the dashboard lists it. */
    record ModelView(String version, Instant createdAt, boolean active, String baseVersion, Double metricBefore,
            Double metricAfter, Map<String, Double[]> categories, int heldBack, int examples) {

        static ModelView of(SiteModel model) {
            return new ModelView(model.version(), model.createdAt(), model.active(), model.baseVersion(),
                    model.metricBefore(), model.metricAfter(), model.categoryMetrics(), model.heldBack(),
                    model.examples());
        }
    }

    private final Auth auth;
    private final ModeratorAccess access;
    private final SiteStore sites;
    private final SiteModels models;
    private final SiteModelTraining training;

    ModelsApi(Auth auth, ModeratorAccess access, SiteStore sites, SiteModels models, SiteModelTraining training) {
        this.auth = auth;
        this.access = access;
        this.sites = sites;
        this.models = models;
        this.training = training;
    }

    void list(Context ctx) {
        String site = requireAdminOf(auth.require(ctx).account(), ctx);
        List<ModelView> views = models.list(site).stream().map(ModelView::of).toList();
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(Map.of("models", views, "training", training.isRunning(site)));
    }

    void train(Context ctx) {
        Account admin = auth.requireForChange(ctx).account();
        String site = requireAdminOf(admin, ctx);
        training.start(site, admin.id());
        ctx.status(202).json(Map.of("status", "training", "message",
                "Training a site head on the site's decisions; it appears in the list, inactive, in a few seconds."));
    }

    void activate(Context ctx) {
        Account admin = auth.requireForChange(ctx).account();
        String site = requireAdminOf(admin, ctx);
        ctx.json(Map.of("model", ModelView.of(models.activate(site, ctx.pathParam("version")))));
    }

    void rollback(Context ctx) {
        Account admin = auth.requireForChange(ctx).account();
        String site = requireAdminOf(admin, ctx);
        ctx.json(Map.of("active", models.rollback(site).map(SiteModel::version).orElse("shipped")));
    }

    private String requireAdminOf(Account account, Context ctx) {
        return requireAdminOf(access, sites, account, ctx);
    }

    /** The {@code {site}} of the path, once the account is known to be an admin and the site to exist. */
    static String requireAdminOf(ModeratorAccess access, SiteStore sites, Account account, Context ctx) {
        String site = ctx.pathParam("site");
        access.requireAdminOf(account, site);
        if (sites.find(site).isEmpty()) {
            throw Problem.notFound("site", "There is no site '" + site + "'.");
        }
        return site;
    }
}
