package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentence encoder and the encoder half of a model: embeddings, the file format, the cascade and training. */
class EncoderModelTest {

    private static final Trainer.Options OPTIONS = new Trainer.Options(14, 10, 0.5, 1e-6, 7L, java.util.Map.of());

    @Test
    void embeds_a_comment_the_same_way_every_time_with_unit_length() {
        SentenceEncoder encoder = SentenceEncoder.shared();
        float[] first = encoder.embed("The council should publish the full budget before the vote.");
        float[] second = encoder.embed("The council should publish the full budget before the vote.");

        assertThat(first).hasSize(SentenceEncoder.DIMENSIONS).containsExactly(second);
        double length = 0;
        for (float v : first) {
            length += v * v;
        }
        assertThat(Math.sqrt(length)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void embeds_similar_meanings_closer_than_different_ones() {
        SentenceEncoder encoder = SentenceEncoder.shared();
        float[] tax = encoder.embed("Taxes on fuel should go down.");
        float[] fuel = encoder.embed("The duty on petrol must be cut.");
        float[] choir = encoder.embed("The school choir sang beautifully at the fair.");

        assertThat(cosine(tax, fuel)).isGreaterThan(cosine(tax, choir) + 0.2);
    }

    @Test
    void the_shipped_model_mixes_in_the_encoder_and_survives_a_round_trip(@TempDir Path dir) throws Exception {
        Classifier shipped = Classifier.loadDefault();
        Path file = dir.resolve("model.bin");
        shipped.save(file);
        Classifier loaded = Classifier.load(file);
        String text = "People like you should be locked up, you absolute disgrace.";

        assertThat(shipped.usesEncoder()).isTrue();
        assertThat(shipped.encoderSummary()).contains(SentenceEncoder.NAME);
        assertThat(loaded.modelVersion()).isEqualTo(shipped.modelVersion());
        assertThat(loaded.score(text)).isEqualTo(shipped.score(text));
    }

    @Test
    void training_with_the_encoder_adds_heads_and_chooses_a_cut() {
        List<LabeledText> data = TrainerTest.tinyData();
        List<LabeledText> train = data.stream().filter(e -> Math.floorMod(e.text().hashCode(), 3) != 0).toList();
        List<LabeledText> dev = data.stream().filter(e -> Math.floorMod(e.text().hashCode(), 3) == 0).toList();

        Classifier classifier = new Trainer(OPTIONS, Progress.NONE).withEncoder(100, new Embeddings(null))
                .train(train, dev);

        assertThat(classifier.usesEncoder()).isTrue();
        assertThat(classifier.encoderSummary()).contains("run when an n-gram score reaches");
        assertThat(classifier.score("what a dimwit you are").derogatory())
                .isGreaterThan(classifier.score("what a lovely morning it is").derogatory());
    }

    @Test
    void an_evasion_reaches_the_encoder_as_the_plain_word_does() {
        assertThat(SentenceEncoder.inputOf("You are an 1d\u200b10t!")).isEqualTo(SentenceEncoder.inputOf(
                "you are an idiot"));
    }

    @Test
    void keeps_embeddings_in_a_cache_file_for_the_next_run(@TempDir Path dir) {
        Path cache = dir.resolve("embeddings.cache");
        List<String> texts = List.of("first remark about the harbour", "second remark about the ferry");
        float[][] fresh = new Embeddings(cache).of(texts, Progress.NONE);

        float[][] cached = new Embeddings(cache).of(texts, Progress.NONE);

        assertThat(cache).isNotEmptyFile();
        assertThat(Arrays.deepEquals(fresh, cached)).isTrue();
    }

    @Test
    void refuses_a_model_file_cut_short_in_its_encoder_section() throws Exception {
        byte[] bytes = Classifier.loadDefault().toBytes();
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 100);

        assertThatThrownBy(() -> Classifier.fromBytes(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
