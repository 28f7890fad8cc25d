package org.parley.classifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the shipped {@link Thresholds} on the dev split, per category, as a stated precision trade: {@code nudge}
 * at the lowest score where precision is still {@value #NUDGE_PRECISION} (asking a writer to reread is cheap, so
 * recall matters), {@code hold} where it is {@value #HOLD_PRECISION} (a moderator's time is not free),
 * {@code reject} where it is {@value #REJECT_PRECISION} (a wrong refusal silences a reader). Bands are kept in
 * order, at most {@value #CEILING}, and at least {@value #NUDGE_FLOOR}, {@value #HOLD_FLOOR} and
 * {@value #REJECT_FLOOR}: a category with few dev positives (aggressive) must not end up refusing comments at a
 * coin-flip score.
 *
 * <p>Precision depends on how common a category is, and the dev split is far more toxic than a news site's
 * comments (Davidson's tweets are 83% offensive). So precision is computed from the dev split's true and false
 * positive rates as if {@value #PREVALENCE} of comments were positive: a plausible rate for a heated news thread,
 * and a conservative one for the sub-categories, which are rarer.
 *
 * <p>A precision is an average, and a newsroom feels the worst case: the civil comments of its own kind that get
 * nudged. So each band is also raised until it fires on at most {@value #NUDGE_CIVIL} (nudge),
 * {@value #HOLD_CIVIL} (hold) and {@value #REJECT_CIVIL} (reject) of the civil dev comments of each reference
 * data set (named when training; they need at least {@value #MIN_CIVIL_ROWS} civil dev rows): each has to stay
 * under the cap on its own. Reference sets are ones whose civil labels can be trusted (Wikipedia talk and debate
 * arguments); the tweet sets' "neither" rows carry slurs often enough that capping on them would silence the bands.
 */
final class ThresholdChoice {

    static final double NUDGE_PRECISION = 0.50;
    static final double HOLD_PRECISION = 0.80;
    static final double REJECT_PRECISION = 0.90;
    static final double NUDGE_FLOOR = 0.15;
    /**
     * The nudge floor of {@code discriminatory}: a false nudge there tells a reader who writes about their own
     * faith, origin or sexuality that they attacked people for who they are, and no reference set has many such
     * civil comments to cap it with.
     */
    static final double DISCRIMINATORY_NUDGE_FLOOR = 0.20;
    static final double HOLD_FLOOR = 0.50;
    static final double REJECT_FLOOR = 0.80;
    static final double CEILING = 0.99;
    static final double PREVALENCE = 0.10;
    static final double NUDGE_CIVIL = 0.0075;
    static final double HOLD_CIVIL = 0.001;
    static final double REJECT_CIVIL = 0.0002;
    static final int MIN_CIVIL_ROWS = 200;

    private ThresholdChoice() {
    }

    /** Bands used before any dev data has been seen: 0.5, 0.7, 0.9 everywhere. */
    static Thresholds provisional() {
        float[] nudge = new float[Category.COUNT];
        float[] hold = new float[Category.COUNT];
        float[] reject = new float[Category.COUNT];
        Arrays.fill(nudge, 0.5f);
        Arrays.fill(hold, 0.7f);
        Arrays.fill(reject, 0.9f);
        return new Thresholds(nudge, hold, reject);
    }

    /** Bands chosen on the dev examples with the classifier's scores. */
    static Thresholds choose(Classifier classifier, List<LabeledText> dev, Progress progress) {
        return choose(dev, Evaluation.scoreAll(classifier, dev, progress), Set.of());
    }

    /**
     * Bands chosen on the dev examples with their scores (indexed by example, then category ordinal); the civil
     * rows of the {@code civilReference} sources cap each band.
     */
    static Thresholds choose(List<LabeledText> dev, double[][] scores, Set<String> civilReference) {
        Map<String, List<double[]>> civilBySource = new HashMap<>();
        for (int i = 0; i < dev.size(); i++) {
            if (civilReference.contains(dev.get(i).source())
                    && dev.get(i).impliedLabels()[Category.UNCIVIL.ordinal()] == 0) {
                civilBySource.computeIfAbsent(dev.get(i).source(), source -> new ArrayList<>()).add(scores[i]);
            }
        }
        civilBySource.values().removeIf(rows -> rows.size() < MIN_CIVIL_ROWS);
        float[] nudge = new float[Category.COUNT];
        float[] hold = new float[Category.COUNT];
        float[] reject = new float[Category.COUNT];
        for (Category category : Category.values()) {
            RankedScores ranked = Evaluation.ranked(dev, scores, category);
            int c = category.ordinal();
            nudge[c] = bounded(Math.max(ranked.lowestThresholdWithPrecision(NUDGE_PRECISION, PREVALENCE),
                    civilCap(civilBySource, c, NUDGE_CIVIL)),
                    category == Category.DISCRIMINATORY ? DISCRIMINATORY_NUDGE_FLOOR : NUDGE_FLOOR);
            hold[c] = Math.max(nudge[c], bounded(Math.max(
                    ranked.lowestThresholdWithPrecision(HOLD_PRECISION, PREVALENCE),
                    civilCap(civilBySource, c, HOLD_CIVIL)), HOLD_FLOOR));
            reject[c] = Math.max(hold[c], bounded(Math.max(
                    ranked.lowestThresholdWithPrecision(REJECT_PRECISION, PREVALENCE),
                    civilCap(civilBySource, c, REJECT_CIVIL)), REJECT_FLOOR));
        }
        return new Thresholds(nudge, hold, reject);
    }

    /**
     * The lowest threshold that flags at most {@code share} of each source's civil rows for category {@code c}: just
     * above the score of the civil row at that rank, the highest over the sources; 0 when there are none.
     */
    private static double civilCap(Map<String, List<double[]>> civilBySource, int c, double share) {
        double cap = 0;
        for (List<double[]> rows : civilBySource.values()) {
            double[] sorted = new double[rows.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = rows.get(i)[c];
            }
            Arrays.sort(sorted);
            int allowed = (int) Math.floor(share * sorted.length);
            double above = sorted[sorted.length - 1 - allowed];
            cap = Math.max(cap, Math.nextUp(above));
        }
        return cap;
    }

    /** The threshold within [floor, ceiling]; the ceiling when no threshold reaches the precision. */
    private static float bounded(double threshold, double floor) {
        double chosen = Double.isNaN(threshold) ? CEILING : threshold;
        return (float) Math.min(CEILING, Math.max(floor, chosen));
    }
}
