package org.parley.classifier;

import java.util.Arrays;
import java.util.List;

/**
 * How often a model's bands fire on labelled examples, apart for the civil and the uncivil ones: the share
 * nudged, held and rejected (each band counts the comments that reach it or a stronger one), and the share of
 * civil comments past the nudge line when the line is moved to catch 80 % of the uncivil ones.
 *
 * @param civil examples labelled not uncivil
 * @param uncivil examples labelled uncivil
 * @param civilAtLeast share of civil examples at or past each band, by {@link Band#ordinal()}
 * @param uncivilAtLeast share of uncivil examples at or past each band, by {@link Band#ordinal()}
 * @param falsePositivesAtRecall80 share of civil examples whose severity is at least the one that catches 80 % of
 *     the uncivil examples; NaN unless both kinds are present
 */
public record BandRates(int civil, int uncivil, double[] civilAtLeast, double[] uncivilAtLeast,
        double falsePositivesAtRecall80) {

    /** The rates of examples scored by {@link Evaluation#scoreAll}. */
    public static BandRates of(List<LabeledText> examples, double[][] scores, Thresholds thresholds) {
        int[] civilAt = new int[Band.values().length];
        int[] uncivilAt = new int[Band.values().length];
        double[] civilSeverity = new double[examples.size()];
        double[] uncivilSeverity = new double[examples.size()];
        int civil = 0;
        int uncivil = 0;
        for (int i = 0; i < examples.size(); i++) {
            byte label = examples.get(i).impliedLabels()[Category.UNCIVIL.ordinal()];
            if (label == LabeledText.UNKNOWN) {
                continue;
            }
            Scores s = Scores.of(scores[i]);
            Band band = thresholds.verdict(s).band();
            int[] at = label == 1 ? uncivilAt : civilAt;
            for (int b = 0; b <= band.ordinal(); b++) {
                at[b]++;
            }
            if (label == 1) {
                uncivilSeverity[uncivil++] = thresholds.severity(s);
            } else {
                civilSeverity[civil++] = thresholds.severity(s);
            }
        }
        double rate = Double.NaN;
        if (civil > 0 && uncivil > 0) {
            double[] sorted = Arrays.copyOf(uncivilSeverity, uncivil);
            Arrays.sort(sorted);
            double line = sorted[(int) Math.floor(0.2 * uncivil)];
            int over = 0;
            for (int i = 0; i < civil; i++) {
                if (civilSeverity[i] >= line) {
                    over++;
                }
            }
            rate = over / (double) civil;
        }
        return new BandRates(civil, uncivil, shares(civilAt, civil), shares(uncivilAt, uncivil), rate);
    }

    private static double[] shares(int[] counts, int total) {
        double[] shares = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            shares[i] = total == 0 ? Double.NaN : counts[i] / (double) total;
        }
        return shares;
    }
}
