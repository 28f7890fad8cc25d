package org.parley.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.parley.classifier.Classifier;
import org.parley.classifier.LabeledText;
import org.parley.learning.DecisionExamples;
import org.parley.learning.SiteClassifiers;
import org.parley.learning.SiteExamples;
import org.parley.learning.SiteModel;
import org.parley.learning.SiteModelStore;
import org.parley.learning.SiteModels;
import org.parley.problem.Problem;
import org.parley.store.Database;
import org.parley.site.SiteStore;

/**
 * {@code parley train --from-decisions} and {@code --site-examples}: trains a site model over the shipped one, from
 * the site's decisions in the database or from an archive's examples in a CSV file, with the same code
 * ({@link SiteModels#candidate}), and prints how it and the model it would replace do on the held-back examples.
 * From decisions the model is stored in the database without activating it; from a file it is written to a file
 * ({@code parley model import} stores it).
 */
final class DecisionTraining {

    private final DatabaseOptions database;

    DecisionTraining(DatabaseOptions database) {
        this.database = database;
    }

    void fromDecisions(String site, int minExamples) {
        try (Database opened = database.open()) {
            if (new SiteStore(opened.jdbi()).find(site).isEmpty()) {
                throw new UsageException("there is no site '" + site + "'");
            }
            SiteModelStore store = new SiteModelStore(opened.jdbi());
            SiteModels models = new SiteModels(store, new DecisionExamples(opened.jdbi()),
                    new SiteClassifiers(Classifier.shipped(), store), Clock.systemUTC());
            long started = System.nanoTime();
            SiteModel model = models.train(new SiteModels.Request(site, minExamples, null));
            System.out.printf("trained model %s for %s on %,d decisions in %.1f s%n", model.version(), site,
                    model.examples(), (System.nanoTime() - started) / 1e9);
            printMetrics(model.heldBack(), model.baseVersion(), model.categoryMetrics());
            System.out.printf("not active; to switch: parley model activate --site %s --version %s%n", site,
                    model.version());
        } catch (Problem problem) {
            throw new UsageException(problem.getMessage());
        }
    }

    static void fromExamples(Path csv, Path out, int minExamples) {
        SiteExamples.Read examples;
        try {
            examples = SiteExamples.read(csv);
        } catch (IOException e) {
            throw new UsageException("cannot read " + csv + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int total = examples.train().size() + examples.heldBack().size();
        if (total < Math.max(2, minExamples) || examples.train().isEmpty()) {
            throw new UsageException(csv + " has " + total + " examples; training needs at least "
                    + Math.max(2, minExamples));
        }
        long started = System.nanoTime();
        Classifier shipped = Classifier.shipped();
        Classifier model = SiteModels.candidate(shipped, examples.train());
        try {
            model.save(out);
        } catch (IOException e) {
            throw new UsageException("cannot write " + out + ": " + e.getMessage());
        }
        System.out.printf("trained site model %s on %,d examples in %.1f s: %s%n", model.modelVersion(),
                examples.train().size(), (System.nanoTime() - started) / 1e9, out);
        List<LabeledText> heldBack = examples.heldBack();
        printMetrics(heldBack.size(), shipped.modelVersion(), SiteModels.compare(shipped, model, heldBack));
        System.out.printf("to store it for a site, inactive: parley model import --site SITE %s%n", out);
    }

    private static void printMetrics(int heldBack, String before, Map<String, Double[]> metrics) {
        System.out.printf("held-back examples: %d; ROC-AUC before (%s) and after:%n", heldBack, before);
        for (Map.Entry<String, Double[]> metric : metrics.entrySet()) {
            System.out.printf("  %-15s %s  %s%n", metric.getKey(), format(metric.getValue()[0]),
                    format(metric.getValue()[1]));
        }
    }

    static String format(Double auc) {
        return auc == null || auc.isNaN() ? "  n/a" : String.format("%.3f", auc);
    }
}
