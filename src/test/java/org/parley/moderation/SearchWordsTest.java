package org.parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.problem.Problem;

class SearchWordsTest {

    @Test
    void only_letters_digits_and_marks_make_words_and_each_is_quoted_for_fts5() {
        SearchWords words = SearchWords.of("NEAR(\"old\" quay)* AND well-known 'x' ^col:3d");
        assertThat(words.words()).containsExactly("NEAR", "old", "quay", "AND", "well", "known", "x", "col", "3d");
        assertThat(words.fts5()).isEqualTo("\"NEAR\" \"old\" \"quay\" \"AND\" \"well\" \"known\" \"x\" \"col\" \"3d\"");
        assertThat(words.plain()).isEqualTo("NEAR old quay AND well known x col 3d");
    }

    @Test
    void turkish_letters_and_combining_marks_stay_inside_words_and_case_is_left_to_the_database() {
        assertThat(SearchWords.of("İstanbul'da ağaç e\u0301te").words())
                .containsExactly("İstanbul", "da", "ağaç", "e\u0301te");
    }

    @Test
    void punctuation_alone_is_no_word_and_repeats_count_once() {
        assertThat(SearchWords.of("\" * - ( ) :").isEmpty()).isTrue();
        assertThat(SearchWords.of(null).isEmpty()).isTrue();
        assertThat(SearchWords.of("ferry ferry ferry").words()).containsExactly("ferry");
    }

    @Test
    void too_many_words_or_characters_are_a_400_naming_q() {
        assertThatThrownBy(() -> SearchWords.of("a b c d e f g h i j k l m")).isInstanceOf(Problem.class)
                .hasMessageContaining("12 words");
        assertThatThrownBy(() -> SearchWords.of("x".repeat(201))).isInstanceOf(Problem.class)
                .hasMessageContaining("200 characters");
    }
}
