package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site head learns a site's own line over the shipped model from its decisions alone: here a site whose
 * moderators reject any mention of "pineapple pizza" as rude, a line no public data set draws.
 */
class SiteHeadTrainingTest {

    private static Classifier shipped;
    private static Classifier site;

    @BeforeAll
    static void train_a_site_head() {
        shipped = Classifier.shipped();
        site = new SiteHeadTraining(shipped, Progress.NONE).train(decisions());
    }

    @Test
    void scores_the_sites_line_higher_than_the_shipped_model_does() {
        String text = "Pineapple pizza again at the town fair, what were they thinking.";

        assertThat(site.score(text).rude()).isGreaterThan(0.5).isGreaterThan(shipped.score(text).rude() + 0.3);
        assertThat(site.score("The town fair had a brass band and a cake stall.").rude()).isLessThan(0.5);
    }

    @Test
    void keeps_the_shipped_score_and_band_where_the_decisions_say_nothing() {
        String text = "I will find you and hurt you.";

        assertThat(site.score(text).aggressive()).isEqualTo(shipped.score(text).aggressive());
        assertThat(site.thresholds().nudge(Category.AGGRESSIVE)).isEqualTo(shipped.thresholds().nudge(
                Category.AGGRESSIVE));
        assertThat(site.thresholds().nudge(Category.RUDE)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void is_a_small_file_that_loads_over_the_shipped_model(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("site.bin");
        site.save(file);
        Classifier loaded = Classifier.load(file);
        String text = "Pineapple pizza at the school canteen.";

        assertThat(file.toFile().length()).isLessThan(20_000);
        assertThat(loaded.isSiteModel()).isTrue();
        assertThat(loaded.modelVersion()).isEqualTo(site.modelVersion()).isNotEqualTo(shipped.modelVersion());
        assertThat(loaded.score(text)).isEqualTo(site.score(text));
    }

    @Test
    void points_at_the_sentence_when_no_word_explains_a_nudge() {
        String text = "The fair was lovely this year. Pineapple pizza was served at every stall.";
        Classification classification = site.classify(text);

        assertThat(classification.spans()).anySatisfy(span -> {
            assertThat(span.category()).isEqualTo(Category.RUDE);
            assertThat(text.substring(span.start(), span.end())).contains("Pineapple");
        });
    }

    private static List<LabeledText> decisions() {
        List<LabeledText> examples = new ArrayList<>();
        String[] places = {"the school canteen", "the town fair", "the harbour cafe", "the office party",
            "the football ground", "the village fete", "my cousin's wedding", "the night market", "the station kiosk",
            "the hospital cafe", "the book club", "the council canteen"};
        for (String place : places) {
            examples.add(decided("Pineapple pizza was on the menu at " + place + " again.", 1));
            examples.add(decided("They served pineapple pizza at " + place + ", unbelievable.", 1));
            examples.add(decided("The menu at " + place + " had soup and fresh bread.", 0));
            examples.add(decided("We had a quiet lunch at " + place + " on Sunday.", 0));
        }
        return examples;
    }

    private static LabeledText decided(String text, int rejected) {
        byte[] labels = new byte[Category.COUNT];
        if (rejected == 1) {
            Arrays.fill(labels, LabeledText.UNKNOWN);
            labels[Category.UNCIVIL.ordinal()] = 1;
            labels[Category.RUDE.ordinal()] = 1;
        }
        return new LabeledText("decisions", text, labels, "", Split.TRAIN);
    }
}
