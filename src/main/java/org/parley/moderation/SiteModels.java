package org.parley.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.classifier.Evaluation;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Progress;
import org.parley.classifier.Split;
import org.parley.classifier.Trainer;
import org.parley.problem.Problem;

/**
 * A site's own models, learnt from its moderators' decisions: trains a candidate, measures it against the model it
 * would replace, stores it inactive, and switches models on (activate) and back (rollback). Who may do this is
 * checked by the callers (admins over HTTP; the command line is the operator).
 *
 * <p>Method. A candidate is trained from scratch on the train split of the base data (the labelled CSV files the
 * shipped model is trained on, when given) plus the site's decisions outside the held-back fifth
 * ({@link DecisionExamples#heldBack}). The decisions are few next to the base data, so their source is weighed
 * up: each counts {@link #decisionWeight} times a base example (AdaGrad sees a scaled gradient, the same as
 * repeating the example that many times in one step). Thresholds are chosen on the base data's dev split; with no
 * base data they are the provisional 0.5 / 0.7 / 0.9, which the site's own threshold settings can override. The
 * candidate and the current model (the site's active one, else the shipped one) are both scored on the held-back
 * decisions: ROC-AUC of {@code uncivil}, and of each category the held-back decisions label. Thread-safe.
 */
public final class SiteModels {

    private final SiteModelStore store;
    private final DecisionExamples decisions;
    private final SiteClassifiers classifiers;
    private final Trainer.Options options;
    private final Clock clock;

    public SiteModels(SiteModelStore store, DecisionExamples decisions, SiteClassifiers classifiers,
            Trainer.Options options, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.classifiers = classifiers;
        this.options = options;
        this.clock = clock;
    }

    /** What to train a candidate on, and who asked for it (null for the command line). */
    public record Request(String siteId, List<LabeledText> base, int minExamples, String createdBy) {
    }

    /**
     * Trains, compares and stores a candidate for the site; never activates it. Throws 422
     * {@code not_enough_decisions} when the site has fewer than {@code minExamples} usable decisions.
     */
    public SiteModel train(Request request) {
        List<DecisionExamples.Example> examples = decisions.list(request.siteId());
        List<LabeledText> siteTrain = new ArrayList<>();
        List<LabeledText> heldBack = new ArrayList<>();
        for (DecisionExamples.Example example : examples) {
            (example.heldBack() ? heldBack : siteTrain).add(example.labeled());
        }
        if (examples.size() < Math.max(2, request.minExamples()) || siteTrain.isEmpty()) {
            throw notEnough(examples.size(), request.minExamples());
        }
        List<LabeledText> base = request.base();
        List<LabeledText> train = new ArrayList<>(Trainer.withoutTestTexts(Trainer.only(base, Split.TRAIN), base));
        List<LabeledText> dev = Trainer.withoutTestTexts(Trainer.only(base, Split.DEV), base);
        double weight = decisionWeight(train.size(), siteTrain.size());
        train.addAll(siteTrain);
        Map<String, Double> weights = new HashMap<>(options.sourceWeights());
        weights.putIfAbsent(DecisionExamples.SOURCE, weight);
        Trainer.Options weighted = new Trainer.Options(options.bits(), options.epochs(), options.learningRate(),
                options.l2(), options.seed(), weights);
        Classifier candidate = new Trainer(weighted, Progress.NONE).train(train, dev);
        Classifier current = classifiers.forSite(request.siteId());
        Map<String, Double[]> metrics = compare(current, candidate, heldBack);
        Double[] uncivil = metrics.getOrDefault(Category.UNCIVIL.code(), new Double[] {null, null});
        SiteModel model = new SiteModel(request.siteId(), candidate.modelVersion(), clock.instant(),
                request.createdBy(), false, current.modelVersion(), uncivil[0], uncivil[1], metrics,
                heldBack.size(), siteTrain.size());
        store.insert(model, ModelBytes.of(candidate));
        return store.find(request.siteId(), model.version()).orElseThrow();
    }

    /** Throws 422 {@code not_enough_decisions} unless the site has at least {@code minExamples} usable decisions. */
    public void requireDecisions(String siteId, int minExamples) {
        int usable = decisions.list(siteId).size();
        if (usable < Math.max(2, minExamples)) {
            throw notEnough(usable, minExamples);
        }
    }

    private static Problem notEnough(int usable, int minExamples) {
        return Problem.unprocessable("not_enough_decisions", "The site has " + usable + " usable decisions"
                + " (approvals of held comments and rejections); training needs at least " + Math.max(2, minExamples)
                + ", with at least one outside the held-back fifth.", null);
    }

    /**
     * How much one decision counts next to one base example: enough that the site's decisions carry about a
     * quarter of the total weight, at least 1 and at most 50.
     */
    public static double decisionWeight(int baseExamples, int siteExamples) {
        if (siteExamples == 0) {
            return 1;
        }
        return Math.max(1, Math.min(50, Math.round(baseExamples / (3.0 * siteExamples))));
    }

    /** ROC-AUC before and after per category, for the categories the held-back examples label with both classes. */
    static Map<String, Double[]> compare(Classifier before, Classifier after, List<LabeledText> heldBack) {
        Map<String, Double[]> metrics = new LinkedHashMap<>();
        if (heldBack.isEmpty()) {
            return metrics;
        }
        List<Evaluation.Result> was = Evaluation.of(before, heldBack, Progress.NONE).results();
        List<Evaluation.Result> now = Evaluation.of(after, heldBack, Progress.NONE).results();
        for (int i = 0; i < was.size(); i++) {
            Evaluation.Result result = was.get(i);
            if (result.ranked() == null || Double.isNaN(result.ranked().rocAuc())) {
                continue;
            }
            metrics.put(result.category().code(),
                    new Double[] {result.ranked().rocAuc(), now.get(i).ranked().rocAuc()});
        }
        return metrics;
    }

    /** The site's models, newest first. */
    public List<SiteModel> list(String siteId) {
        return store.list(siteId);
    }

    /** Switches the site to one of its models; 404 when the site has no such model. */
    public SiteModel activate(String siteId, String version) {
        if (!store.activate(siteId, version, clock.instant())) {
            throw Problem.notFound("model", "The site '" + siteId + "' has no model '" + version + "'.");
        }
        classifiers.forget(siteId);
        return store.find(siteId, version).orElseThrow();
    }

    /**
     * Switches the site back to the model active before the current one, or to the shipped model; 409
     * {@code no_site_model} when the site already uses the shipped model. Returns the model now active, if any.
     */
    public Optional<SiteModel> rollback(String siteId) {
        if (!store.rollback(siteId)) {
            throw Problem.conflict("no_site_model", "The site '" + siteId + "' already uses the shipped model.");
        }
        classifiers.forget(siteId);
        return store.list(siteId).stream().filter(SiteModel::active).findFirst();
    }
}
