package org.parley.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.comment.CommentEvent;
import org.parley.problem.Problem;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/** A moderator's story changes, a use case of its own since issue 12 took them out of the API layer. */
class StoryChangesTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private StoryChanges changes;
    private final List<CommentEvent> announced = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database());
        changes = new StoryChanges(fixtures.storyStore, java.time.Clock.systemUTC());
        // As the server wires it: the change is recorded on its transaction and announced after the commit.
        changes.onChange((handle, storyId) -> fixtures.events.record(handle, CommentEvent.storyChanged(storyId)));
        fixtures.events.subscribe(announced::add);
    }

    @Test
    void closing_a_story_and_premoderating_it_is_one_change_announced_once() {
        Story story = fixtures.story();

        Story changed = changes.change(story.id(), new StoryChanges.Change("closed", true));

        assertThat(changed.status()).isEqualTo(StoryStatus.CLOSED);
        assertThat(changed.premoderated()).isTrue();
        assertThat(fixtures.storyStore.findById(story.id()).orElseThrow().status()).isEqualTo(StoryStatus.CLOSED);
        assertThat(announced).containsExactly(CommentEvent.storyChanged(story.id()));
    }

    @Test
    void a_field_left_out_stays_as_it_was() {
        Story story = fixtures.story();
        changes.change(story.id(), new StoryChanges.Change(null, true));

        Story changed = changes.change(story.id(), new StoryChanges.Change("open", null));

        assertThat(changed.premoderated()).isTrue();
        assertThat(changed.status()).isEqualTo(StoryStatus.OPEN);
    }

    @Test
    void an_unknown_status_changes_nothing_and_announces_nothing() {
        Story story = fixtures.story();

        assertThatThrownBy(() -> changes.change(story.id(), new StoryChanges.Change("archived", true)))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("status"));

        assertThat(fixtures.storyStore.findById(story.id()).orElseThrow().premoderated()).isFalse();
        assertThat(announced).isEmpty();
    }
}
