package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BiasMetricsTest {

    @Test
    void exposes_a_model_that_scores_identity_mentions_high() {
        List<LabeledText> examples = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            add(examples, scores, "a hateful remark about muslim people " + i, 1, 0.9);
            add(examples, scores, "a kind remark about muslim people " + i, 0, 0.7);
            add(examples, scores, "a hateful remark " + i, 1, 0.6);
            add(examples, scores, "a kind remark " + i, 0, 0.1);
        }

        List<BiasMetrics.Subgroup> subgroups = BiasMetrics.of(examples, scores.toArray(double[][]::new));

        assertThat(subgroups).singleElement().satisfies(subgroup -> {
            assertThat(subgroup.term()).isEqualTo("muslim");
            assertThat(subgroup.subgroupAuc()).isEqualTo(1.0);
            assertThat(subgroup.bpsn()).isEqualTo(0.0);
            assertThat(subgroup.bnsp()).isEqualTo(1.0);
        });
    }

    private static void add(List<LabeledText> examples, List<double[]> scores, String text, int uncivil, double score) {
        byte[] labels = {-1, -1, -1, -1, (byte) uncivil};
        examples.add(new LabeledText("test", text, labels, "", Split.TEST));
        scores.add(new double[] {0, 0, 0, 0, score});
    }
}
