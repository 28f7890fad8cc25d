package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training on a tiny data set written for this test. */
class TrainerTest {

    private static final Trainer.Options OPTIONS = new Trainer.Options(16, 20, 0.5, 1e-6, 7L, java.util.Map.of());

    @Test
    void learns_to_tell_insults_from_civil_remarks() {
        Classifier classifier = new Trainer(OPTIONS, Progress.NONE).train(tinyData(), List.of());

        assertThat(classifier.score("what a dimwit you are").derogatory())
                .isGreaterThan(classifier.score("what a lovely morning it is").derogatory() + 0.3);
    }

    @Test
    void leaves_a_head_untouched_when_no_example_labels_it() {
        List<LabeledText> derogatoryOnly = List.of(example("you dimwit", "", "", "", "1", ""),
                example("a lovely morning", "", "", "", "0", ""));
        Classifier classifier = new Trainer(OPTIONS, Progress.NONE).train(derogatoryOnly, List.of());

        assertThat(classifier.score("what a dimwit you are").aggressive()).isEqualTo(0.5);
    }

    @Test
    void gives_the_same_model_for_the_same_data() {
        Classifier first = new Trainer(OPTIONS, Progress.NONE).train(tinyData(), List.of());
        Classifier second = new Trainer(OPTIONS, Progress.NONE).train(tinyData(), List.of());

        assertThat(first.modelVersion()).isEqualTo(second.modelVersion());
    }

    @Test
    void fills_in_what_labels_imply_and_masks_the_rest() {
        LabeledText civil = example("a calm remark", "0", "", "", "", "");
        LabeledText insult = example("an insult", "", "", "", "1", "");
        LabeledText profaneInsult = example("a profane insult", "1", "0", "", "1", "");

        assertThat(civil.impliedLabels()).containsExactly(0, 0, 0, 0, 0);
        assertThat(insult.impliedLabels()).containsExactly(-1, -1, 1, -1, 1);
        assertThat(profaneInsult.impliedLabels()).containsExactly(-1, -1, 1, -1, 1);
    }

    /** Labels in the order uncivil, rude, aggressive, derogatory, discriminatory; empty is unknown. */
    private static LabeledText example(String text, String uncivil, String rude, String aggressive, String derogatory,
            String discriminatory) {
        byte[] labels = {label(rude), label(aggressive), label(derogatory), label(discriminatory), label(uncivil)};
        return new LabeledText("test", text, labels, "", Split.TRAIN);
    }

    private static byte label(String cell) {
        return cell.isEmpty() ? LabeledText.UNKNOWN : Byte.parseByte(cell);
    }

    static List<LabeledText> tinyData() {
        List<LabeledText> data = new ArrayList<>();
        String[] insults = {"you dimwit", "what a dimwit", "dimwit writer", "you are a dimwit", "total dimwit here"};
        String[] civil = {"what a lovely morning", "a good article", "thanks for writing", "lovely morning here",
            "a morning walk"};
        for (String text : insults) {
            data.add(example(text, "1", "", "", "1", ""));
        }
        for (String text : civil) {
            data.add(example(text, "0", "0", "", "0", "0"));
        }
        return data;
    }
}
