package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;
import org.parley.testing.TickingClock;

/** A reader's private "I disagree", on a real database: the reader's alone, never counted, never announced. */
class DisagreementsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TickingClock clock = new TickingClock();
    private final List<CommentEvent> announced = new ArrayList<>();
    private Fixtures fixtures;
    private Disagreements disagreements;
    private Account ada;
    private Account ben;
    private Story story;
    private Comment comment;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database(), clock);
        disagreements = new Disagreements(fixtures.comments, clock);
        ada = fixtures.reader();
        ben = fixtures.reader();
        story = fixtures.story();
        comment = fixtures.comment(ada, story);
        fixtures.events.subscribe(announced::add);
    }

    @Test
    void a_disagreement_is_listed_for_its_reader() {
        assertThat(disagreements.toggle(ben.id(), comment.id())).isTrue();

        assertThat(disagreements.list(ben.id(), story.id())).containsExactly(comment.id());
    }

    @Test
    void a_second_toggle_takes_the_disagreement_back() {
        disagreements.toggle(ben.id(), comment.id());

        assertThat(disagreements.toggle(ben.id(), comment.id())).isFalse();
        assertThat(disagreements.list(ben.id(), story.id())).isEmpty();
    }

    @Test
    void another_reader_does_not_see_the_disagreement() {
        disagreements.toggle(ben.id(), comment.id());

        assertThat(disagreements.list(ada.id(), story.id())).isEmpty();
    }

    @Test
    void a_disagreement_changes_no_count_and_announces_nothing() {
        disagreements.toggle(ben.id(), comment.id());

        Comment after = fixtures.comments.find(comment.id()).orElseThrow();
        assertThat(after.respectCount()).isEqualTo(comment.respectCount());
        assertThat(announced).isEmpty();
    }

    @Test
    void disagreeing_with_a_removed_comment_is_not_found() {
        new Comments(fixtures.comments).remove(ada.id(), false, comment.id());

        assertThatThrownBy(() -> disagreements.toggle(ben.id(), comment.id()))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("comment_not_found"));
    }
}
