package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.site.SiteSettings;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.story.StoryClosing;
import org.parley.story.StoryStatus;

class StoryClosedTest {

    private final Account author = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);

    private final StoryClosed phase = new StoryClosed(new StoryClosing(null, Clock.systemUTC()));

    @Test
    void an_open_story_takes_comments_and_a_closed_one_refuses_them() {
        Story open = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);
        Story closed = new Story("s2", "daily", "https://news.example/b", "B", StoryStatus.CLOSED, 3, false);
        assertThat(phase.check(PhaseTesting.submission(author, open, "Hello.", SiteSettings.defaults())))
                .isEmpty();
        assertThatThrownBy(() -> phase.check(
                PhaseTesting.submission(author, closed, "Hello.", SiteSettings.defaults())))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.code()).isEqualTo("story_closed"));
    }
}
