package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.site.SiteSettings;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.story.StoryStatus;

class BodyLengthTest {

    private final Account author = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);
    private final Story story = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);

    @Test
    void the_limit_counts_characters_not_bytes_and_one_more_is_refused_on_the_body_field() {
        BodyLength phase = new BodyLength(10);
        assertThat(phase.check(PhaseTesting.submission(author, story, "ééééééééé🙂", SiteSettings.defaults())))
                .isEmpty();
        assertThatThrownBy(() -> phase.check(PhaseTesting.submission(author, story, "abcdefghijk",
                SiteSettings.defaults())))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("body_too_long");
                    assertThat(problem.field()).isEqualTo("body");
                });
    }

    @Test
    void a_body_with_no_words_is_refused() {
        assertThatThrownBy(() -> new BodyLength(10).check(PhaseTesting.submission(author, story, "   ",
                SiteSettings.defaults())))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.code()).isEqualTo("body_empty"));
    }
}
