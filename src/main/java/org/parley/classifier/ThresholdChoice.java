package org.parley.classifier;

import java.util.Arrays;
import java.util.List;

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
 */
final class ThresholdChoice {

    static final double NUDGE_PRECISION = 0.50;
    static final double HOLD_PRECISION = 0.70;
    static final double REJECT_PRECISION = 0.90;
    static final double NUDGE_FLOOR = 0.30;
    static final double HOLD_FLOOR = 0.50;
    static final double REJECT_FLOOR = 0.80;
    static final double CEILING = 0.99;
    static final double PREVALENCE = 0.10;

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
        double[][] scores = Evaluation.scoreAll(classifier, dev, progress);
        float[] nudge = new float[Category.COUNT];
        float[] hold = new float[Category.COUNT];
        float[] reject = new float[Category.COUNT];
        for (Category category : Category.values()) {
            RankedScores ranked = Evaluation.ranked(dev, scores, category);
            int c = category.ordinal();
            nudge[c] = bounded(ranked.lowestThresholdWithPrecision(NUDGE_PRECISION, PREVALENCE), NUDGE_FLOOR);
            hold[c] = Math.max(nudge[c],
                    bounded(ranked.lowestThresholdWithPrecision(HOLD_PRECISION, PREVALENCE), HOLD_FLOOR));
            reject[c] = Math.max(hold[c],
                    bounded(ranked.lowestThresholdWithPrecision(REJECT_PRECISION, PREVALENCE), REJECT_FLOOR));
        }
        return new Thresholds(nudge, hold, reject);
    }

    /** The threshold within [floor, ceiling]; the ceiling when no threshold reaches the precision. */
    private static float bounded(double threshold, double floor) {
        double chosen = Double.isNaN(threshold) ? CEILING : threshold;
        return (float) Math.min(CEILING, Math.max(floor, chosen));
    }
}
