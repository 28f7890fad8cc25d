package org.parley.cli;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.parley.classifier.Classifier;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Trainer;
import org.parley.moderation.DecisionExamples;
import org.parley.moderation.SiteClassifiers;
import org.parley.moderation.SiteModel;
import org.parley.moderation.SiteModelStore;
import org.parley.moderation.SiteModels;
import org.parley.problem.Problem;
import org.parley.store.Database;
import org.parley.story.SiteStore;

/**
 * {@code parley train --from-decisions}: trains a site model on base data plus the site's decisions, prints how it
 * and the model it would replace do on the held-back decisions, and stores it without activating it.
 */
final class DecisionTraining {

    private final Trainer.Options options;
    private final DatabaseOptions database;

    DecisionTraining(Trainer.Options options, DatabaseOptions database) {
        this.options = options;
        this.database = database;
    }

    void train(String site, List<LabeledText> base, int minExamples) {
        try (Database opened = database.open()) {
            if (new SiteStore(opened.jdbi()).find(site).isEmpty()) {
                throw new UsageException("there is no site '" + site + "'");
            }
            SiteModelStore store = new SiteModelStore(opened.jdbi());
            SiteModels models = new SiteModels(store, new DecisionExamples(opened.jdbi()),
                    new SiteClassifiers(Classifier.loadDefault(), store), options, Clock.systemUTC());
            long started = System.nanoTime();
            SiteModel model = models.train(new SiteModels.Request(site, base, minExamples, null));
            System.out.printf("trained model %s for %s on %,d decisions%s in %.1f s%n", model.version(), site,
                    model.examples(), base.isEmpty() ? " (no --data: decisions only)"
                            : String.format(" and %,d base examples", base.size()),
                    (System.nanoTime() - started) / 1e9);
            System.out.printf("held-back decisions: %d; ROC-AUC before (%s) and after:%n", model.heldBack(),
                    model.baseVersion());
            for (Map.Entry<String, Double[]> metric : model.categoryMetrics().entrySet()) {
                System.out.printf("  %-15s %s  %s%n", metric.getKey(), format(metric.getValue()[0]),
                        format(metric.getValue()[1]));
            }
            System.out.printf("not active; to switch: parley model activate --site %s --version %s%n", site,
                    model.version());
        } catch (Problem problem) {
            throw new UsageException(problem.getMessage());
        }
    }

    static String format(Double auc) {
        return auc == null || auc.isNaN() ? "  n/a" : String.format("%.3f", auc);
    }
}
