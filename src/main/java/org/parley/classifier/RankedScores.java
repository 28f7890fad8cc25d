package org.parley.classifier;

import java.util.Arrays;

/**
 * One category's scores with their 0/1 labels, sorted by descending score: the base of ROC-AUC, average precision
 * and precision/recall at a threshold. Ties are handled as a block, so equal scores never split a decision.
 */
public final class RankedScores {

    private final double[] scores;
    private final boolean[] positive;
    private final int positives;

    /** Sorts a copy of the scores and labels. */
    public RankedScores(double[] scores, boolean[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        this.scores = new double[scores.length];
        this.positive = new boolean[scores.length];
        int count = 0;
        for (int i = 0; i < order.length; i++) {
            this.scores[i] = scores[order[i]];
            this.positive[i] = labels[order[i]];
            count += labels[order[i]] ? 1 : 0;
        }
        this.positives = count;
    }

    public int size() {
        return scores.length;
    }

    public int positives() {
        return positives;
    }

    /** ROC-AUC: the chance a random positive scores above a random negative (ties count half); NaN if undefined. */
    public double rocAuc() {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double area = 0;
        long negativesAbove = 0;
        for (int i = 0; i < scores.length; ) {
            int end = blockEnd(i);
            long blockPositives = positivesIn(i, end);
            long blockNegatives = end - i - blockPositives;
            area += blockPositives * (negatives - negativesAbove - blockNegatives / 2.0);
            negativesAbove += blockNegatives;
            i = end;
        }
        return area / ((double) positives * negatives);
    }

    /** Average precision: the mean of the precision at each positive's rank (ties as a block); NaN if none. */
    public double averagePrecision() {
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int truePositives = 0;
        for (int i = 0; i < scores.length; ) {
            int end = blockEnd(i);
            int blockPositives = positivesIn(i, end);
            truePositives += blockPositives;
            sum += blockPositives * (truePositives / (double) end);
            i = end;
        }
        return sum / positives;
    }

    /** The confusion counts when everything scoring at least {@code threshold} is flagged. */
    public Confusion at(double threshold) {
        int flagged = 0;
        int truePositives = 0;
        while (flagged < scores.length && scores[flagged] >= threshold) {
            truePositives += positive[flagged] ? 1 : 0;
            flagged++;
        }
        return new Confusion(truePositives, flagged - truePositives, positives - truePositives,
                scores.length - flagged - (positives - truePositives));
    }

    /**
     * The lowest threshold at which precision is still at least {@code target} (scanning from the top score down,
     * over whole tie blocks), with precision computed as if positives made up {@code prevalence} of the texts
     * (from the true and false positive rates, so a data set's own base rate does not decide it); NaN if no
     * threshold reaches it.
     */
    public double lowestThresholdWithPrecision(double target, double prevalence) {
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double found = Double.NaN;
        int truePositives = 0;
        for (int i = 0; i < scores.length; ) {
            int end = blockEnd(i);
            truePositives += positivesIn(i, end);
            double hits = prevalence * truePositives / positives;
            double falseAlarms = (1 - prevalence) * (end - truePositives) / (double) negatives;
            if (hits > 0 && hits / (hits + falseAlarms) >= target) {
                found = scores[i];
            }
            i = end;
        }
        return found;
    }

    /** The threshold with the highest F1, or NaN when there are no positives. */
    public double bestF1Threshold() {
        double best = -1;
        double threshold = Double.NaN;
        int truePositives = 0;
        for (int i = 0; i < scores.length; ) {
            int end = blockEnd(i);
            truePositives += positivesIn(i, end);
            double f1 = positives == 0 ? 0 : 2.0 * truePositives / (end + positives);
            if (f1 > best) {
                best = f1;
                threshold = scores[i];
            }
            i = end;
        }
        return threshold;
    }

    /**
     * Up to {@code points} points (false positive rate, true positive rate) of the ROC curve, from (0, 0) to (1, 1).
     */
    public double[][] rocCurve(int points) {
        int negatives = scores.length - positives;
        int step = Math.max(1, scores.length / points);
        double[][] curve = new double[scores.length / step + 2][];
        int n = 0;
        curve[n++] = new double[] {0, 0};
        int truePositives = 0;
        int falsePositives = 0;
        int nextMark = step;
        for (int i = 0; i < scores.length; ) {
            int end = blockEnd(i);
            for (int j = i; j < end; j++) {
                if (positive[j]) {
                    truePositives++;
                } else {
                    falsePositives++;
                }
            }
            if (end >= nextMark && end < scores.length && n < curve.length - 1) {
                curve[n++] = new double[] {ratio(falsePositives, negatives), ratio(truePositives, positives)};
                nextMark = end + step;
            }
            i = end;
        }
        curve[n++] = new double[] {1, 1};
        return Arrays.copyOf(curve, n);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private int positivesIn(int start, int end) {
        int count = 0;
        for (int j = start; j < end; j++) {
            count += positive[j] ? 1 : 0;
        }
        return count;
    }

    private int blockEnd(int start) {
        int end = start + 1;
        while (end < scores.length && scores[end] == scores[start]) {
            end++;
        }
        return end;
    }

    /** True/false positives and negatives at one threshold. */
    public record Confusion(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? Double.NaN : truePositives / (double) flagged;
        }

        public double recall() {
            int actual = truePositives + falseNegatives;
            return actual == 0 ? Double.NaN : truePositives / (double) actual;
        }

        /** F1 of the positive class. */
        public double f1() {
            return f1(truePositives, falsePositives, falseNegatives);
        }

        /** The mean of both classes' F1, as OffensEval ranks systems. */
        public double macroF1() {
            return (f1() + f1(trueNegatives, falseNegatives, falsePositives)) / 2;
        }

        private static double f1(int hits, int falseAlarms, int misses) {
            int denominator = 2 * hits + falseAlarms + misses;
            return denominator == 0 ? Double.NaN : 2.0 * hits / denominator;
        }
    }
}
