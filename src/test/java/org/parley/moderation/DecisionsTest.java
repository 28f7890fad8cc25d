package org.parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.Comment;
import org.parley.comment.CommentChange;
import org.parley.comment.CommentEvent;
import org.parley.comment.CommentStatus;
import org.parley.comment.ReportReason;
import org.parley.comment.Reports;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteSettings;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

/**
 * Moderators' decisions and readers' reports, heard as the server hears them: each change once inside its
 * transaction and once after its commit, from the comment store alone (issue 12).
 */
class DecisionsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private Decisions decisions;
    private final List<CommentEvent> announced = new ArrayList<>();
    private final List<CommentChange> heard = new ArrayList<>();
    private Account moderator;
    private Story story;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.systemUTC();
        fixtures = new Fixtures(db.database(), clock);
        decisions = new Decisions(fixtures.comments, fixtures.storyStore, fixtures.moderation,
                new ModeratorAccess(db.database().jdbi()), clock);
        fixtures.events.subscribe(announced::add);
        fixtures.comments.onChange((handle, commentId, changes) -> heard.addAll(changes));
        moderator = fixtures.accounts.create("mod@news.example", "correct horse battery", "Mod", Role.ADMIN);
        story = fixtures.story();
    }

    private void holdEverything() {
        fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("premoderation", true)));
    }

    @Test
    void approving_a_held_comment_publishes_it_once_inside_and_once_after_the_transaction() {
        holdEverything();
        Comment held = fixtures.submissions.post(fixtures.reader(), story, null, "Worth a second look.", false)
                .comment();
        heard.clear();
        announced.clear();

        Comment decided = decisions.decide(moderator, held.id(), DecisionAction.APPROVE, null);

        assertThat(decided.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(heard).containsExactly(CommentChange.PUBLISHED);
        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.PUBLISHED, story.id(), held.id()));
    }

    @Test
    void approving_a_published_comment_again_is_announced_as_an_edit() {
        Comment comment = fixtures.submissions.post(fixtures.reader(), story, null, "A calm remark.", false)
                .comment();
        announced.clear();

        decisions.decide(moderator, comment.id(), DecisionAction.APPROVE, null);

        assertThat(announced).containsExactly(new CommentEvent(CommentEvent.Type.EDITED, story.id(), comment.id()));
    }

    @Test
    void reports_reaching_the_hold_threshold_take_the_comment_out_of_the_thread() {
        fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("reportsToHold", 2)));
        Comment comment = fixtures.submissions.post(fixtures.reader(), story, null, "A calm remark.", false)
                .comment();
        Reports reports = new Reports(fixtures.comments, Clock.systemUTC());
        ReportThresholds thresholds = new ReportThresholds(fixtures.comments, fixtures.storyStore, fixtures.sites,
                fixtures.moderation, Clock.systemUTC());
        announced.clear();

        reports.report(fixtures.reader().id(), comment.id(), ReportReason.RUDE, null);
        boolean heldAfterOne = thresholds.apply(comment.id());
        reports.report(fixtures.reader().id(), comment.id(), ReportReason.RUDE, null);
        boolean heldAfterTwo = thresholds.apply(comment.id());

        assertThat(heldAfterOne).isFalse();
        assertThat(heldAfterTwo).isTrue();
        assertThat(fixtures.comments.find(comment.id()).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
        assertThat(announced).extracting(CommentEvent::type).containsExactly(CommentEvent.Type.REPORTED,
                CommentEvent.Type.REPORTED, CommentEvent.Type.REMOVED);
    }
}
