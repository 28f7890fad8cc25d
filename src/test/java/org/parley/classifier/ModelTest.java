package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {

    @Test
    void reads_back_what_it_wrote(@TempDir Path dir) throws Exception {
        Classifier shipped = Classifier.loadDefault();
        Path copy = dir.resolve("model.bin");
        shipped.save(copy);

        Classifier reloaded = Classifier.load(copy);

        assertThat(reloaded.modelVersion()).isEqualTo(shipped.modelVersion());
        String text = "You absolute clown, this is rubbish.";
        assertThat(reloaded.score(text)).isEqualTo(shipped.score(text));
        assertThat(reloaded.thresholds().hold(Category.UNCIVIL)).isEqualTo(shipped.thresholds().hold(Category.UNCIVIL));
    }

    @Test
    void names_the_shipped_model_by_a_short_content_hash() {
        String version = Classifier.loadDefault().modelVersion();

        assertThat(version).matches("[0-9a-f]{12}");
        assertThat(Classifier.defaultModelVersion()).isEqualTo(version);
    }

    @Test
    void ships_a_model_within_the_size_budget() throws Exception {
        try (var in = Classifier.class.getResourceAsStream(Classifier.DEFAULT_MODEL)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes().length).isLessThanOrEqualTo(16 * 1024 * 1024);
        }
    }

    @Test
    void keeps_threshold_bands_in_order() {
        Thresholds thresholds = Classifier.loadDefault().thresholds();

        for (Category category : Category.values()) {
            assertThat(thresholds.nudge(category)).isLessThanOrEqualTo(thresholds.hold(category));
            assertThat(thresholds.hold(category)).isLessThanOrEqualTo(thresholds.reject(category));
        }
    }

    @Test
    void refuses_a_file_that_is_not_a_model(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a model at all, just some words");

        assertThatThrownBy(() -> Classifier.load(file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scores_every_category_between_zero_and_one() {
        Scores scores = Classifier.loadDefault().score("");

        for (Category category : Category.values()) {
            assertThat(scores.get(category)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void answers_the_same_from_many_threads() throws Exception {
        Classifier classifier = Classifier.loadDefault();
        String text = "You are a complete idiot and a liar.";
        Scores expected = classifier.score(text);

        var results = java.util.stream.IntStream.range(0, 200).parallel()
                .mapToObj(i -> classifier.classify(i % 2 == 0 ? text : "A calm and civil reply.").scores())
                .toList();

        for (int i = 0; i < results.size(); i += 2) {
            assertThat(results.get(i)).isEqualTo(expected);
        }
    }
}
