package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bands from scores: the strongest band any of the four categories reaches, and how often bands fire. */
class BandsTest {

    private static final Thresholds BANDS = new Thresholds(
            new float[] {0.3f, 0.3f, 0.3f, 0.3f, 0.3f},
            new float[] {0.6f, 0.6f, 0.6f, 0.6f, 0.6f},
            new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f});

    @Test
    void the_strongest_band_wins_and_names_its_category() {
        Thresholds.Verdict verdict = BANDS.verdict(new Scores(0.35, 0.1, 0.7, 0.0, 0.8));

        assertThat(verdict.band()).isEqualTo(Band.HOLD);
        assertThat(verdict.category()).isEqualTo(Category.DEROGATORY);
    }

    @Test
    void the_umbrella_alone_sets_no_band() {
        Thresholds.Verdict verdict = BANDS.verdict(new Scores(0.1, 0.1, 0.1, 0.1, 0.99));

        assertThat(verdict.band()).isEqualTo(Band.NONE);
        assertThat(verdict.category()).isNull();
        assertThat(BANDS.severity(new Scores(0.1, 0.1, 0.1, 0.1, 0.99))).isNegative();
    }

    @Test
    void counts_civil_and_uncivil_rows_at_each_band() {
        List<LabeledText> examples = List.of(row("a", 0), row("b", 0), row("c", 1), row("d", 1));
        double[][] scores = {
            {0.1, 0.1, 0.1, 0.1, 0.1},
            {0.4, 0.1, 0.1, 0.1, 0.5},
            {0.1, 0.95, 0.1, 0.1, 0.9},
            {0.1, 0.1, 0.65, 0.1, 0.9},
        };

        BandRates rates = BandRates.of(examples, scores, BANDS);

        assertThat(rates.civil()).isEqualTo(2);
        assertThat(rates.civilAtLeast()[Band.NUDGE.ordinal()]).isEqualTo(0.5);
        assertThat(rates.civilAtLeast()[Band.HOLD.ordinal()]).isZero();
        assertThat(rates.uncivilAtLeast()[Band.HOLD.ordinal()]).isEqualTo(1.0);
        assertThat(rates.uncivilAtLeast()[Band.REJECT.ordinal()]).isEqualTo(0.5);
        assertThat(rates.falsePositivesAtRecall80()).isZero();
    }

    @Test
    void band_codes_are_the_contracts_names() {
        assertThat(Band.fromCode("nudge")).contains(Band.NUDGE);
        assertThat(Band.fromCode("later")).isEmpty();
        assertThat(Band.REJECT.code()).isEqualTo("reject");
    }

    private static LabeledText row(String text, int uncivil) {
        byte[] labels = new byte[Category.COUNT];
        labels[Category.UNCIVIL.ordinal()] = (byte) uncivil;
        if (uncivil == 1) {
            for (int c = 0; c < Category.UNCIVIL.ordinal(); c++) {
                labels[c] = LabeledText.UNKNOWN;
            }
        }
        return new LabeledText("test", text, labels, "", Split.TEST);
    }
}
