package org.parley.learning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.classifier.Category;
import org.parley.classifier.Classifier;
import org.parley.classifier.Evaluation;
import org.parley.classifier.LabeledText;
import org.parley.classifier.Progress;
import org.parley.classifier.SiteHeadTraining;
import org.parley.problem.Problem;

/**
 * A site's own models, learnt from its moderators' decisions: trains a candidate, measures it against the model it
 * would replace, stores it inactive, and switches models on (activate) and back (rollback). Who may do this is
 * checked by the callers (admins over HTTP; the command line is the operator).
 *
 * <p>Method. A candidate is a {@link SiteHeadTraining site head} over the shipped model: a small logistic
 * regression per category on each decided comment's sentence embedding and the shipped model's logits, trained on
 * the site's decisions outside the held-back fifth ({@link DecisionExamples#heldBack}) and nothing else, in
 * seconds. The candidate and the current model (the site's active one, else the shipped one) are both scored on
 * the held-back decisions: ROC-AUC of {@code uncivil}, and of each category the held-back decisions label.
 * {@code parley train --site-examples} runs the same {@link #candidate} on an archive's examples. Thread-safe.
 */
public final class SiteModels {

    private final SiteModelStore store;
    private final DecisionExamples decisions;
    private final SiteClassifiers classifiers;
    private final Clock clock;

    public SiteModels(SiteModelStore store, DecisionExamples decisions, SiteClassifiers classifiers, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.classifiers = classifiers;
        this.clock = clock;
    }

    /** Which site to train a candidate for, how many decisions it needs, and who asked (null: command line). */
    public record Request(String siteId, int minExamples, String createdBy) {
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
        Classifier candidate = candidate(classifiers.shipped(), siteTrain);
        Classifier current = classifiers.forSite(request.siteId());
        return store(request.siteId(), request.createdBy(), candidate, current, heldBack, siteTrain.size());
    }

    /**
     * Stores a site model trained elsewhere (an archive's examples, {@code parley model import}) inactive, compared
     * with the site's current model on the site's held-back decisions where it has any.
     */
    public SiteModel importModel(String siteId, Classifier model) {
        if (!model.isSiteModel()) {
            throw Problem.invalid("model", "Only a site model (trained with --site-examples or --from-decisions)"
                    + " can be imported; the shipped model is replaced by upgrading Parley.");
        }
        List<LabeledText> heldBack = decisions.list(siteId).stream()
                .filter(DecisionExamples.Example::heldBack).map(DecisionExamples.Example::labeled).toList();
        return store(siteId, null, model, classifiers.forSite(siteId), heldBack, 0);
    }

    private SiteModel store(String siteId, String createdBy, Classifier candidate, Classifier current,
            List<LabeledText> heldBack, int trainedOn) {
        Map<String, Double[]> metrics = compare(current, candidate, heldBack);
        Double[] uncivil = metrics.getOrDefault(Category.UNCIVIL.code(), new Double[] {null, null});
        SiteModel model = new SiteModel(siteId, candidate.modelVersion(), clock.instant(), createdBy, false,
                current.modelVersion(), uncivil[0], uncivil[1], metrics, heldBack.size(), trainedOn);
        store.insert(model, candidate.toBytes());
        return store.find(siteId, model.version()).orElseThrow();
    }

    /** The site model that learns from these examples over the shipped model: what every way of training runs. */
    public static Classifier candidate(Classifier shipped, List<LabeledText> examples) {
        return new SiteHeadTraining(shipped, Progress.NONE).train(examples);
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

    /** ROC-AUC before and after per category, for the categories the held-back examples label with both classes. */
    public static Map<String, Double[]> compare(Classifier before, Classifier after, List<LabeledText> heldBack) {
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
