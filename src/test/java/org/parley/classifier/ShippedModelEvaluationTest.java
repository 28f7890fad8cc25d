package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regression floor for the shipped model on OLID's official test set, run only where the shared data sets are
 * present (the system property {@code parley.shared} points at them); the full numbers come from
 * {@code parley evaluate} and live in docs/classifier.md.
 */
class ShippedModelEvaluationTest {

    @Test
    void keeps_olid_test_roc_auc_above_its_floor() throws Exception {
        Path olid = Path.of(System.getProperty("parley.shared", "../shared"), "data", "olid", "olid.csv");
        assumeTrue(Files.isRegularFile(olid), "the shared data sets are not here");
        List<LabeledText> test = LabeledCsv.read(olid).stream().filter(row -> row.split() == Split.TEST).toList();

        Evaluation evaluation = Evaluation.of(Classifier.loadDefault(), test, Progress.NONE);

        assertThat(test).hasSize(860);
        assertThat(evaluation.results().get(Category.UNCIVIL.ordinal()).ranked().rocAuc()).isGreaterThan(0.80);
    }
}
