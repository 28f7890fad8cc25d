package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

class ThreadsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TickingClock clock = new TickingClock();
    private Fixtures fixtures;
    private Threads threads;
    private Account ada;
    private Account ben;
    private Story story;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database(), clock);
        threads = new Threads(fixtures.comments, fixtures.rules);
        ada = fixtures.reader();
        ben = fixtures.reader();
        story = fixtures.story();
    }

    private Comment post(Account author, String parentId, String body) {
        return fixtures.submissions.post(author, story, parentId, body, false).comment();
    }

    private long commentCount() {
        return fixtures.storyStore.findById(story.id()).orElseThrow().commentCount();
    }

    @Test
    void replies_nest_under_their_parents_oldest_first_with_reply_counts() {
        Comment top = post(ada, null, "The treaty draft reads well.");
        Comment first = post(ben, top.id(), "Which part convinced you?");
        Comment second = post(ada, top.id(), "The monitoring clause.");
        post(ada, first.id(), "The joint commission.");

        ThreadPage page = threads.page(story.id(), Sort.NEWEST, null, 20);

        assertThat(page.comments()).hasSize(1);
        ThreadComment root = page.comments().get(0);
        assertThat(root.replyCount()).isEqualTo(2);
        assertThat(root.replies()).extracting(ThreadComment::id).containsExactly(first.id(), second.id());
        assertThat(root.replies().get(0).replies()).hasSize(1);
        assertThat(commentCount()).isEqualTo(4);
    }

    @Test
    void a_reply_to_the_deepest_level_is_placed_beside_it_and_names_whom_it_answers() {
        Comment top = post(ada, null, "Level one.");
        Comment two = post(ben, top.id(), "Level two.");
        Comment three = post(ada, two.id(), "Level three.");
        Comment four = post(ben, three.id(), "An answer to level three.");

        assertThat(three.depth()).isEqualTo(CommentRules.MAX_DEPTH);
        assertThat(four.depth()).isEqualTo(CommentRules.MAX_DEPTH);
        assertThat(four.parentId()).isEqualTo(two.id());
        ThreadComment shown = threads.page(story.id(), Sort.NEWEST, null, 20).comments().get(0)
                .replies().get(0).replies().get(1);
        assertThat(shown.id()).isEqualTo(four.id());
        assertThat(shown.replyTo()).isEqualTo(new ThreadComment.Author(three.id(), ada.displayName()));
    }

    @Test
    void pages_follow_each_sort_without_gaps_or_repeats() {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(post(i % 2 == 0 ? ada : ben, null, "Point " + i + " about the treaty: the quotas need review.").id());
        }
        fixtures.comments.jdbi().useHandle(h -> h.execute(
                "UPDATE comments SET respect_count = 5 WHERE id = ?", posted.get(3)));

        assertThat(allPages(Sort.OLDEST)).containsExactlyElementsOf(posted);
        assertThat(allPages(Sort.NEWEST)).containsExactlyElementsOf(reversed(posted));
        List<String> respected = allPages(Sort.RESPECTED);
        assertThat(respected.get(0)).isEqualTo(posted.get(3));
        assertThat(respected).containsExactlyInAnyOrderElementsOf(posted);
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private List<String> allPages(Sort sort) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            ThreadPage page = threads.page(story.id(), sort, cursor, 3);
            page.comments().forEach(comment -> ids.add(comment.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    @Test
    void a_removed_comment_with_replies_stays_as_a_placeholder_without_author_or_text() {
        Comment top = post(ada, null, "I regret posting this earlier.");
        post(ben, top.id(), "A reply worth keeping.");

        new Comments(fixtures.comments).remove(ada.id(), false, top.id());

        ThreadComment placeholder = threads.page(story.id(), Sort.NEWEST, null, 20).comments().get(0);
        assertThat(placeholder.status()).isEqualTo("removed");
        assertThat(placeholder.author()).isNull();
        assertThat(placeholder.html()).isEmpty();
        assertThat(placeholder.replies()).hasSize(1);
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void removing_the_last_reply_of_a_placeholder_takes_the_placeholder_away_too() {
        Comment top = post(ada, null, "First.");
        Comment reply = post(ben, top.id(), "Second.");
        Comments comments = new Comments(fixtures.comments);
        comments.remove(ada.id(), false, top.id());
        comments.remove(ben.id(), false, reply.id());

        assertThat(threads.page(story.id(), Sort.NEWEST, null, 20).comments()).isEmpty();
        assertThat(commentCount()).isZero();
    }

    @Test
    void only_the_author_or_a_moderator_may_remove_a_comment() {
        Comment top = post(ada, null, "Mine.");
        Comments comments = new Comments(fixtures.comments);
        assertThatThrownBy(() -> comments.remove(ben.id(), false, top.id())).isInstanceOf(Problem.class);
        comments.remove(ben.id(), true, top.id());
        assertThat(fixtures.comments.find(top.id()).orElseThrow().status()).isEqualTo(CommentStatus.REMOVED);
    }

    @Test
    void a_reply_to_a_removed_comment_is_refused() {
        Comment top = post(ada, null, "Gone soon.");
        new Comments(fixtures.comments).remove(ada.id(), false, top.id());
        assertThatThrownBy(() -> post(ben, top.id(), "Too late."))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("parent_unavailable"));
    }

    @Test
    void respects_toggle_once_per_reader_and_never_on_ones_own_comment() {
        Comment top = post(ada, null, "Worth respecting.");
        Respects respects = new Respects(fixtures.comments, clock);

        assertThat(respects.toggle(ben.id(), top.id())).isEqualTo(new Respects.Toggled(story.id(), 1, true));
        assertThat(respects.toggle(ben.id(), top.id())).isEqualTo(new Respects.Toggled(story.id(), 0, false));
        assertThatThrownBy(() -> respects.toggle(ada.id(), top.id()))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.code()).isEqualTo("own_comment"));
    }

    @Test
    void a_reader_reports_a_comment_once() {
        Comment top = post(ada, null, "Reportable.");
        Reports reports = new Reports(fixtures.comments, clock);
        reports.report(ben.id(), top.id(), ReportReason.RUDE, "Not kind.");
        assertThatThrownBy(() -> reports.report(ben.id(), top.id(), ReportReason.SPAM, null))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("already_reported"));
        assertThat(threads.listReported(ben.id(), story.id())).containsExactly(top.id());
    }

    @Test
    void the_author_edits_within_the_window_and_not_after() {
        Comment top = post(ada, null, "First words.");
        fixtures.submissions.edit(ada, story, top, "Better words.");
        Comment edited = fixtures.comments.find(top.id()).orElseThrow();
        assertThat(edited.html()).contains("Better words.");
        assertThat(edited.editedAt()).isNotNull();

        assertThatThrownBy(() -> fixtures.submissions.edit(ben, story, edited, "Not mine."))
                .isInstanceOf(Problem.class);
        clock.advance(fixtures.rules.editWindow().plusSeconds(1));
        assertThatThrownBy(() -> fixtures.submissions.edit(ada, story, edited, "Too late."))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("edit_window_closed"));
    }

    /** A clock that moves a millisecond on every reading, so posts have distinct times, and can jump. */
    static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T12:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
