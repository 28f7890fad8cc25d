package org.parley.classifier;

import java.util.List;

/**
 * Chooses the shipped {@link Thresholds} on the dev split, per category, as a stated precision trade: {@code nudge}
 * at the lowest score where dev precision is still {@value #NUDGE_PRECISION} (asking a writer to reread is cheap,
 * so recall matters), {@code hold} where it is {@value #HOLD_PRECISION} (a moderator's time is not free),
 * {@code reject} where it is {@value #REJECT_PRECISION} (a wrong refusal silences a reader). Bands are kept in
 * order and within [{@value #FLOOR}, {@value #CEILING}].
 */
final class ThresholdChoice {

    static final double NUDGE_PRECISION = 0.70;
    static final double HOLD_PRECISION = 0.85;
    static final double REJECT_PRECISION = 0.97;
    static final double FLOOR = 0.30;
    static final double CEILING = 0.99;

    private ThresholdChoice() {
    }

    /** Bands used before any dev data has been seen: 0.5, 0.7, 0.9 everywhere. */
    static Thresholds provisional() {
        float[] nudge = new float[Category.COUNT];
        float[] hold = new float[Category.COUNT];
        float[] reject = new float[Category.COUNT];
        java.util.Arrays.fill(nudge, 0.5f);
        java.util.Arrays.fill(hold, 0.7f);
        java.util.Arrays.fill(reject, 0.9f);
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
            nudge[c] = bounded(ranked.lowestThresholdWithPrecision(NUDGE_PRECISION), 0.5);
            hold[c] = Math.max(nudge[c], bounded(ranked.lowestThresholdWithPrecision(HOLD_PRECISION), 0.7));
            reject[c] = Math.max(hold[c], bounded(ranked.lowestThresholdWithPrecision(REJECT_PRECISION), CEILING));
        }
        return new Thresholds(nudge, hold, reject);
    }

    private static float bounded(double threshold, double fallback) {
        double chosen = Double.isNaN(threshold) ? fallback : threshold;
        return (float) Math.min(CEILING, Math.max(FLOOR, chosen));
    }
}
