package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a comment body keeps of the characters it was sent with. */
class BodyTextTest {

    @Test
    void a_body_without_dropped_characters_is_the_same_string() {
        String body = "Köprü mart sonunda açılacak.\nThe council agrees.";

        assertThat(BodyText.neutralize(body)).isSameAs(body);
    }

    @Test
    void a_right_to_left_override_is_dropped() {
        // U+202E before reversed letters shows readers a word the civility check never reads.
        assertThat(BodyText.neutralize("You are \u202Ekniht\u202C wrong")).isEqualTo("You are kniht wrong");
    }

    @Test
    void isolates_and_marks_that_right_to_left_writing_needs_are_kept() {
        String body = "He wrote \u2067שלום\u2069 and left\u200F.";

        assertThat(BodyText.neutralize(body)).isEqualTo(body);
    }

    @Test
    void tabs_and_line_breaks_are_kept_and_other_control_characters_dropped() {
        assertThat(BodyText.neutralize("one\ttwo\r\nthree\u0007\u001B")).isEqualTo("one\ttwo\r\nthree");
    }
}
