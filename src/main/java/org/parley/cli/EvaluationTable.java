package org.parley.cli;

import java.util.List;
import java.util.Locale;
import org.parley.classifier.Band;
import org.parley.classifier.BandRates;
import org.parley.classifier.BiasMetrics;
import org.parley.classifier.Evaluation;
import org.parley.classifier.RankedScores;

/** Renders evaluation results as readable fixed-width text tables. */
final class EvaluationTable {

    private EvaluationTable() {
    }

    static String of(String title, Evaluation evaluation) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-15s %7s %6s %8s %6s | %-22s | %-22s | %-16s%n", "category", "n", "pos",
                "ROC-AUC", "AP", "nudge  P     R    mF1", "hold   P     R    mF1", "reject P     R"));
        for (Evaluation.Result result : evaluation.results()) {
            RankedScores ranked = result.ranked();
            if (ranked == null) {
                out.append(String.format(Locale.ROOT, "%-15s %7s%n", result.category().code(), "(unlabelled)"));
                continue;
            }
            RankedScores.Confusion nudge = ranked.at(result.nudge());
            RankedScores.Confusion hold = ranked.at(result.hold());
            RankedScores.Confusion reject = ranked.at(result.reject());
            out.append(String.format(Locale.ROOT,
                    "%-15s %7d %6d %8s %6s | %.2f %5s %5s %5s | %.2f %5s %5s %5s | %.2f %5s %5s%n",
                    result.category().code(), ranked.size(), ranked.positives(), number(ranked.rocAuc(), 4),
                    number(ranked.averagePrecision(), 3), result.nudge(), number(nudge.precision(), 2),
                    number(nudge.recall(), 2), number(nudge.macroF1(), 3), result.hold(), number(hold.precision(), 2),
                    number(hold.recall(), 2), number(hold.macroF1(), 3), result.reject(),
                    number(reject.precision(), 2), number(reject.recall(), 2)));
        }
        return out.toString();
    }

    /** The band rates, civil and uncivil rows apart. */
    static String bands(BandRates rates) {
        StringBuilder out = new StringBuilder("bands (the four categories at the model's thresholds):\n");
        out.append(String.format(Locale.ROOT, "%-9s %7s %8s %8s %8s%n", "rows", "n", "nudged", "held", "rejected"));
        if (rates.civil() > 0) {
            out.append(row("civil", rates.civil(), rates.civilAtLeast()));
        }
        if (rates.uncivil() > 0) {
            out.append(row("uncivil", rates.uncivil(), rates.uncivilAtLeast()));
        }
        if (!Double.isNaN(rates.falsePositivesAtRecall80())) {
            out.append(String.format(Locale.ROOT, "civil rows past the line that catches 80%% of uncivil ones: %.1f%%%n",
                    100 * rates.falsePositivesAtRecall80()));
        }
        return out.append("(nudged counts every comment nudged or worse; held, held or rejected)\n").toString();
    }

    private static String row(String name, int n, double[] atLeast) {
        return String.format(Locale.ROOT, "%-9s %7d %7.1f%% %7.1f%% %7.1f%%%n", name, n,
                100 * atLeast[Band.NUDGE.ordinal()], 100 * atLeast[Band.HOLD.ordinal()],
                100 * atLeast[Band.REJECT.ordinal()]);
    }

    /** Each category's F1-best threshold on dev, and precision, recall and macro-F1 there on the measured rows. */
    static String devTuned(String title, Evaluation dev, Evaluation measured) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-15s %9s %6s %6s %8s%n", "category", "threshold", "P", "R",
                "macroF1"));
        for (int c = 0; c < dev.results().size(); c++) {
            RankedScores onDev = dev.results().get(c).ranked();
            RankedScores onMeasured = measured.results().get(c).ranked();
            if (onDev == null || onMeasured == null || onDev.positives() == 0) {
                continue;
            }
            double threshold = onDev.bestF1Threshold();
            RankedScores.Confusion confusion = onMeasured.at(threshold);
            out.append(String.format(Locale.ROOT, "%-15s %9.3f %6s %6s %8s%n",
                    dev.results().get(c).category().code(), threshold, number(confusion.precision(), 2),
                    number(confusion.recall(), 2), number(confusion.macroF1(), 4)));
        }
        return out.toString();
    }

    static String bias(String title, List<BiasMetrics.Subgroup> subgroups) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-16s %6s %6s %9s %7s %7s%n", "identity term", "pos", "neg",
                "subgroup", "BPSN", "BNSP"));
        for (BiasMetrics.Subgroup subgroup : subgroups) {
            out.append(String.format(Locale.ROOT, "%-16s %6d %6d %9s %7s %7s%n", subgroup.term(),
                    subgroup.positives(), subgroup.negatives(), number(subgroup.subgroupAuc(), 4),
                    number(subgroup.bpsn(), 4), number(subgroup.bnsp(), 4)));
        }
        if (subgroups.isEmpty()) {
            out.append("(no identity term has ").append("enough positive and negative examples)\n");
        }
        return out.toString();
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
