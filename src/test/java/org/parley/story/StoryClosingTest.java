package org.parley.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the site's rule closes a story: counted from the first comment, or from a later reopening. */
class StoryClosingTest {

    private static final Instant FIRST = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void the_rule_counts_from_the_first_comment_and_never_closes_a_story_without_one() {
        assertThat(StoryClosing.closesAt(new StoryStore.Timeline(FIRST, null), 3))
                .contains(FIRST.plus(Duration.ofDays(3)));
        assertThat(StoryClosing.closesAt(new StoryStore.Timeline(null, null), 3)).isEmpty();
        assertThat(StoryClosing.closesAt(new StoryStore.Timeline(FIRST, null), 0)).isEmpty();
    }

    @Test
    void a_reopening_after_the_first_comment_starts_the_days_again_and_an_earlier_one_does_not() {
        Instant reopened = FIRST.plus(Duration.ofDays(5));
        assertThat(StoryClosing.closesAt(new StoryStore.Timeline(FIRST, reopened), 3))
                .contains(reopened.plus(Duration.ofDays(3)));
        assertThat(StoryClosing.closesAt(new StoryStore.Timeline(FIRST, FIRST.minusSeconds(60)), 3))
                .contains(FIRST.plus(Duration.ofDays(3)));
    }

    @Test
    void a_story_is_closed_from_its_closing_time_on_or_whenever_a_moderator_closed_it() {
        Instant closesAt = FIRST.plus(Duration.ofDays(3));
        assertThat(StoryClosing.status(StoryStatus.OPEN, closesAt, closesAt.minusMillis(1)))
                .isEqualTo(StoryStatus.OPEN);
        assertThat(StoryClosing.status(StoryStatus.OPEN, closesAt, closesAt)).isEqualTo(StoryStatus.CLOSED);
        assertThat(StoryClosing.status(StoryStatus.OPEN, null, closesAt)).isEqualTo(StoryStatus.OPEN);
        assertThat(StoryClosing.status(StoryStatus.CLOSED, null, FIRST)).isEqualTo(StoryStatus.CLOSED);
    }
}
