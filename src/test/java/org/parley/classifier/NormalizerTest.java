package org.parley.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Hello, World!                        | hello world
        1d10t                                | idiot
        $h1t and @ss                         | shit and ass
        f*ck off                             | fuck off
        sh!t                                 | shit
        b#tch                                | bitch
        stuuuupid                            | stupid
        i d i o t                            | idiot
        you are an i d i o t.                | you are an idiot
        m.o.r.o.n                            | moron
        f-u-c-k                              | fuck
        don't                                | dont
        """)
    void undoes_common_evasions(String text, String normalized) {
        assertThat(Normalizer.normalize(text).toString()).isEqualTo(normalized);
    }

    @Test
    void folds_case_width_accents_and_look_alikes() {
        assertThat(Normalizer.normalize("ÏDÎÖT \uff29\uff24\uff29\uff2f\uff34 id\u0456\u043et \u03b9diot").toString())
                .isEqualTo("idiot idiot idiot idiot");
    }

    @Test
    void drops_zero_width_and_bidi_controls() {
        assertThat(Normalizer.normalize("id\u200bi\u200do\u2060t \u202ehello\u202c").toString())
                .isEqualTo("idiot hello");
    }

    @Test
    void drops_mentions_links_entities_and_corpus_placeholders() {
        assertThat(Normalizer.normalize("RT @someone: look &amp; see https://example.org/x <user> URL").toString())
                .isEqualTo("look see");
    }

    @Test
    void keeps_numbers_and_leaves_words_without_letters_alone() {
        assertThat(Normalizer.normalize("In 2019, 15 people voted 3-1.").toString())
                .isEqualTo("in 2019 15 people voted 3 1");
    }

    @Test
    void keeps_short_everyday_words_with_one_letter() {
        assertThat(Normalizer.normalize("I am a voter, I think").toString()).isEqualTo("i am a voter i think");
    }

    @Test
    void maps_every_word_back_to_the_chars_it_came_from() {
        String text = "You are an 1d\u200b10t, a m.o.r.o.n and stuuupid.";
        NormalizedText normalized = Normalizer.normalize(text);

        assertThat(originalOf(text, normalized, 3)).isEqualTo("1d\u200b10t");
        assertThat(originalOf(text, normalized, 5)).isEqualTo("m.o.r.o.n");
        assertThat(originalOf(text, normalized, 7)).isEqualTo("stuuupid");
    }

    @Test
    void maps_spaced_letters_to_the_whole_spelled_word() {
        String text = "what an i d i o t!";
        NormalizedText normalized = Normalizer.normalize(text);

        assertThat(normalized.toString()).isEqualTo("what an idiot");
        assertThat(originalOf(text, normalized, 2)).isEqualTo("i d i o t");
    }

    @Test
    void maps_characters_outside_the_basic_plane_to_both_their_chars() {
        String text = "\ud835\udc22\ud835\udc1d\ud835\udc22\ud835\udc28\ud835\udc2d here";
        NormalizedText normalized = Normalizer.normalize(text);

        assertThat(normalized.toString()).isEqualTo("idiot here");
        assertThat(originalOf(text, normalized, 0)).isEqualTo(text.substring(0, 10));
    }

    @Test
    void gives_no_words_for_empty_or_blank_text() {
        assertThat(Normalizer.normalize("").words).isZero();
        assertThat(Normalizer.normalize(" \n\t ").words).isZero();
    }

    private static String originalOf(String text, NormalizedText normalized, int word) {
        return text.substring(normalized.originalStart(word), normalized.originalEnd(word));
    }
}
