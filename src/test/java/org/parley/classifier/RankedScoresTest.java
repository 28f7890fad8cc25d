package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankedScoresTest {

    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    private static final boolean[] LABELS = {true, false, true, false, false, false};

    @Test
    void measures_roc_auc_as_the_chance_a_positive_outranks_a_negative() {
        RankedScores ranked = new RankedScores(SCORES, LABELS);

        // positives outrank 4 and 3 of the 4 negatives
        assertThat(ranked.rocAuc()).isCloseTo(7 / 8.0, within(1e-12));
    }

    @Test
    void counts_ties_as_half() {
        RankedScores ranked = new RankedScores(new double[] {0.5, 0.5}, new boolean[] {true, false});

        assertThat(ranked.rocAuc()).isEqualTo(0.5);
    }

    @Test
    void measures_average_precision_at_each_positive() {
        RankedScores ranked = new RankedScores(SCORES, LABELS);

        assertThat(ranked.averagePrecision()).isCloseTo((1.0 + 2 / 3.0) / 2, within(1e-12));
    }

    @Test
    void counts_precision_recall_and_macro_f1_at_a_threshold() {
        RankedScores.Confusion confusion = new RankedScores(SCORES, LABELS).at(0.7);

        assertThat(confusion.precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(confusion.recall()).isEqualTo(1.0);
        assertThat(confusion.macroF1()).isCloseTo((0.8 + 6 / 7.0) / 2, within(1e-12));
    }

    @Test
    void finds_the_lowest_threshold_that_keeps_a_precision_at_a_given_prevalence() {
        RankedScores ranked = new RankedScores(SCORES, LABELS);

        assertThat(ranked.lowestThresholdWithPrecision(0.6, 1 / 3.0)).isEqualTo(0.7);
        assertThat(ranked.lowestThresholdWithPrecision(0.99, 1 / 3.0)).isEqualTo(0.9);
    }

    @Test
    void draws_a_roc_curve_from_the_origin_to_the_corner() {
        double[][] curve = new RankedScores(SCORES, LABELS).rocCurve(100);

        assertThat(curve[0]).containsExactly(0, 0);
        assertThat(curve[curve.length - 1]).containsExactly(1, 1);
    }

    @Test
    void has_no_auc_without_both_classes() {
        assertThat(new RankedScores(new double[] {0.1, 0.2}, new boolean[] {true, true}).rocAuc()).isNaN();
    }
}
