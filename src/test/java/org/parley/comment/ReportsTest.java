package org.parley.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;
import org.parley.testing.TickingClock;

/** Readers' reports of comments, on a real database: who may report what, and what a report may say. */
class ReportsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final TickingClock clock = new TickingClock();
    private Fixtures fixtures;
    private Reports reports;
    private Threads threads;
    private Account ada;
    private Account ben;
    private Story story;
    private Comment comment;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database(), clock);
        reports = new Reports(fixtures.comments, clock);
        threads = new Threads(fixtures.comments, fixtures.rules);
        ada = fixtures.reader();
        ben = fixtures.reader();
        story = fixtures.story();
        comment = fixtures.comment(ada, story);
    }

    @Test
    void a_report_is_listed_for_the_reader_who_made_it() {
        reports.report(ben.id(), comment.id(), ReportReason.SPAM, "  ");

        assertThat(threads.listReported(ben.id(), story.id())).containsExactly(comment.id());
    }

    @Test
    void an_author_cannot_report_their_own_comment() {
        assertThatThrownBy(() -> reports.report(ada.id(), comment.id(), ReportReason.RUDE, null))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.code()).isEqualTo("own_comment"));
        assertThat(threads.listReported(ada.id(), story.id())).isEmpty();
    }

    @Test
    void a_note_longer_than_the_limit_is_refused_on_its_field() {
        String note = "x".repeat(Reports.MAX_NOTE_LENGTH + 1);

        assertThatThrownBy(() -> reports.report(ben.id(), comment.id(), ReportReason.OTHER, note))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("note"));
        assertThat(threads.listReported(ben.id(), story.id())).isEmpty();
    }

    @Test
    void reporting_a_removed_comment_is_not_found() {
        new Comments(fixtures.comments).remove(ada.id(), false, comment.id());

        assertThatThrownBy(() -> reports.report(ben.id(), comment.id(), ReportReason.RUDE, null))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("comment_not_found"));
    }
}
