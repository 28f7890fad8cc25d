package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where a new comment goes in its thread. */
class PlacementTest {

    @Test
    void a_top_level_comment_is_its_own_root() {
        assertThat(Placement.topLevel("a")).isEqualTo(new Placement(null, "a", 0, null));
    }

    @Test
    void a_reply_nests_one_level_under_its_parent() {
        Placement reply = Placement.replyTo("a", Placement.topLevel("a"));

        assertThat(reply).isEqualTo(new Placement("a", "a", 1, null));
    }

    @Test
    void a_reply_to_the_deepest_level_is_placed_beside_it_and_names_whom_it_answers() {
        Placement deepest = new Placement("b", "a", CommentRules.MAX_DEPTH, null);

        Placement reply = Placement.replyTo("c", deepest);

        assertThat(reply).isEqualTo(new Placement("b", "a", CommentRules.MAX_DEPTH, "c"));
    }
}
