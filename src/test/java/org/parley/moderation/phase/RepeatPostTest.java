package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.site.SiteSettings;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

class RepeatPostTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void the_same_text_as_the_authors_last_comment_is_refused_even_on_another_story() {
        Fixtures fixtures = new Fixtures(db.database());
        Account reader = fixtures.reader();
        fixtures.submissions.post(reader, fixtures.story(), null, "Buy cheap treaty souvenirs now", false);
        Story other = fixtures.story();

        assertThatThrownBy(() -> fixtures.submissions.post(reader, other, null, "  buy CHEAP treaty   souvenirs now ",
                false)).isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("repeat_post"));
    }

    @Test
    void another_readers_same_words_and_a_new_text_pass() {
        Fixtures fixtures = new Fixtures(db.database());
        Account first = fixtures.reader();
        Account second = fixtures.reader();
        Story story = fixtures.story();
        fixtures.submissions.post(first, story, null, "Agreed.", false);
        RepeatPost phase = new RepeatPost(fixtures.moderation);

        assertThat(phase.check(PhaseTesting.submission(second, story, "Agreed.", SiteSettings.defaults()))).isEmpty();
        assertThat(phase.check(PhaseTesting.submission(first, story, "Agreed, mostly.", SiteSettings.defaults())))
                .isEmpty();
    }
}
