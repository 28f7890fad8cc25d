package org.parley.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.classifier.Category;
import org.parley.comment.Comment;
import org.parley.comment.CommentStatus;
import org.parley.moderation.Bans;
import org.parley.moderation.DecisionAction;
import org.parley.moderation.Decisions;
import org.parley.problem.Problem;
import org.parley.site.ModeratorAccess;
import org.parley.site.SiteSettings;
import org.parley.story.Story;
import org.parley.testing.Fixtures;
import org.parley.testing.ManualClock;
import org.parley.testing.TestDatabase;
import org.parley.webhook.Outbox;

/**
 * The transparency report counts what the pipeline and the moderators did, by type, ground and category, who
 * decided, how long people took, and how often they overturned the automated means; on both databases.
 */
class TransparencyReportsTest {

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final ManualClock clock = new ManualClock();
    private Fixtures fixtures;
    private Decisions decisions;
    private Bans bans;
    private TransparencyReports reports;
    private Account moderator;
    private Story story;

    @BeforeEach
    void setUp() {
        clock.advance(Duration.between(clock.instant(), START));
        fixtures = new Fixtures(db.database(), clock);
        decisions = new Decisions(fixtures.comments, fixtures.storyStore, fixtures.moderation,
                new ModeratorAccess(db.database().jdbi()), clock);
        bans = new Bans(fixtures.accounts, fixtures.moderation, new Outbox(clock), clock);
        reports = new TransparencyReports(db.database().jdbi(), clock);
        moderator = fixtures.accounts.create("mod@news.example", "correct horse battery", "Mod", Role.ADMIN);
        story = fixtures.story();
        fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("bannedWords", List.of("grifter"))));
    }

    /** Posts as a reader who sends the comment again after a nudge: what the pipeline does is stored, never sent back. */
    private Comment post(String body) {
        return fixtures.submissions.post(fixtures.reader(), story, null, body, true).comment();
    }

    private TransparencyReport november() {
        return reports.report(Fixtures.SITE, new Period(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
    }

    @Test
    void restrictions_are_counted_by_type_ground_category_and_who_decided() {
        Comment banned = post("The councillor is a grifter and everyone knows it.");
        assertThat(banned.status()).isEqualTo(CommentStatus.REJECTED);
        Comment published = post("The bypass will cost more than the council admits.");
        clock.advance(Duration.ofHours(3));
        decisions.decide(moderator, published.id(), DecisionAction.REJECT, "Needlessly rude to the mayor.",
                Category.RUDE);

        TransparencyReport.Actions actions = november().actions();

        assertThat(actions.total()).isEqualTo(2);
        assertThat(actions.byType()).containsEntry("rejected", 1L).containsEntry("reject", 1L)
                .containsEntry("held", 0L);
        assertThat(actions.byGround()).containsEntry("guidelines", 2L).containsEntry("illegal", 0L);
        assertThat(actions.byCategory()).containsEntry("rude", 1L).containsEntry("other", 1L);
        assertThat(actions.automatedDecision()).isEqualTo(1);
        assertThat(actions.humanDecision()).isEqualTo(1);
        assertThat(actions.automatedShare()).isEqualTo(0.5);
        assertThat(actions.automatedDetection()).as("the word list read the first; nothing flagged the second")
                .isEqualTo(1);
    }

    @Test
    void the_overturn_rate_counts_people_going_the_other_way_from_the_automated_means() {
        fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("suspectWords", List.of("crook"))));
        Comment suspect = post("Only a crook would sign a contract like this one.");
        Comment other = post("Another crook on the board, another scandal.");
        Comment fine = post("The board should publish the contract in full.");
        assertThat(suspect.status()).isEqualTo(CommentStatus.PENDING);
        clock.advance(Duration.ofHours(2));
        decisions.decide(moderator, suspect.id(), DecisionAction.APPROVE, null);
        clock.advance(Duration.ofHours(2));
        decisions.decide(moderator, other.id(), DecisionAction.REJECT, null);
        decisions.decide(moderator, fine.id(), DecisionAction.REJECT, null);

        TransparencyReport report = november();

        assertThat(report.automatedOverturns().decisions()).isEqualTo(3);
        assertThat(report.automatedOverturns().overturned()).as("the approval of a held comment, the rejection of a"
                + " published one").isEqualTo(2);
        assertThat(report.actions().medianHoursToHumanDecision()).as("held for 2 and for 4 hours").isEqualTo(3.0);
        assertThat(report.actions().byType()).containsEntry("held", 2L).containsEntry("reject", 2L);
    }

    @Test
    void holds_by_policy_are_neither_automated_detection_nor_overturned_when_approved() {
        fixtures.sites.saveSettings(Fixtures.SITE, SiteSettings.of(Map.of("premoderation", true)));
        Comment held = post("The library opens late on Sundays.");
        decisions.decide(moderator, held.id(), DecisionAction.APPROVE, null);

        TransparencyReport report = november();

        assertThat(report.actions().byType()).containsEntry("held", 1L);
        assertThat(report.actions().automatedDetection()).isZero();
        assertThat(report.automatedOverturns().decisions()).isZero();
    }

    @Test
    void notices_appeals_and_account_restrictions_are_counted_with_their_median_times() {
        Comment comment = post("The new harbour plan floods the old quarter.");
        var jdbi = db.database().jdbi();
        long now = clock.instant().toEpochMilli();
        long hour = Duration.ofHours(1).toMillis();
        jdbi.useHandle(handle -> {
            insertNotice(handle, "n1", comment.id(), "defamation", "actioned", now, now + 4 * hour);
            insertNotice(handle, "n2", comment.id(), "defamation", "dismissed", now, now + 10 * hour);
            insertNotice(handle, "n3", comment.id(), "illegal_hate_speech", "open", now, null);
            insertAppeal(handle, "a1", comment.id(), "upheld", now, now + 5 * hour);
            insertAppeal(handle, "a2", comment.id(), "open", now, null);
        });
        Account reader = fixtures.reader();
        bans.ban(moderator, reader.id(), "Spam in every thread.", clock.instant().plus(Duration.ofDays(7)));

        TransparencyReport report = november();

        assertThat(report.notices().received()).isEqualTo(3);
        assertThat(report.notices().byCategory()).containsEntry("defamation", 2L)
                .containsEntry("illegal_hate_speech", 1L);
        assertThat(report.notices().byStatus()).containsEntry("open", 1L).containsEntry("actioned", 1L)
                .containsEntry("dismissed", 1L);
        assertThat(report.notices().medianHoursToAction()).isEqualTo(7.0);
        assertThat(report.appeals()).isEqualTo(new TransparencyReport.Appeals(2, 1, 1, 0, 5.0));
        assertThat(report.accountRestrictions()).isEqualTo(new TransparencyReport.AccountRestrictions(1, 0));
    }

    @Test
    void only_the_period_counts_and_the_csv_carries_every_figure() {
        post("A grifter wrote this in November.");
        clock.advance(Duration.ofDays(40));
        post("A grifter wrote this in December.");

        TransparencyReport report = november();
        String csv = ReportCsv.of(report);

        assertThat(report.actions().total()).isEqualTo(1);
        assertThat(csv).startsWith("section,item,value\n")
                .contains("actions_by_type,rejected,1\n")
                .contains("notices,median_hours_to_action,\n")
                .contains("report,from,2026-11-01\n");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(3));
    }

    @Test
    void a_period_is_whole_days_and_refuses_bad_dates() {
        Period period = Period.of("2026-11-01", "2026-11-30", Clock.systemUTC());
        assertThat(period.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Period.of(null, "2026-11-30", Clock.systemUTC()).from()).isEqualTo("2026-06-02");
        assertThatThrownBy(() -> Period.of("2026-11-31", null, Clock.systemUTC())).isInstanceOf(Problem.class)
                .hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> Period.of("2026-12-01", "2026-11-01", Clock.systemUTC()))
                .isInstanceOf(Problem.class).hasMessageContaining("before it starts");
    }

    private static void insertNotice(org.jdbi.v3.core.Handle handle, String id, String commentId, String category,
            String status, long at, Long decidedAt) {
        handle.createUpdate("""
                        INSERT INTO notices (id, site_id, comment_id, category, explanation, notifier_name,
                            notifier_email, good_faith, status, decided_at, created_at)
                        VALUES (:id, :site, :comment, :category, 'It names a private person falsely.', 'Ada',
                            'ada@example.org', 1, :status, :decided, :at)""")
                .bind("id", id).bind("site", Fixtures.SITE).bind("comment", commentId).bind("category", category)
                .bind("status", status).bind("decided", decidedAt).bind("at", at)
                .execute();
    }

    private static void insertAppeal(org.jdbi.v3.core.Handle handle, String id, String commentId, String status,
            long at, Long decidedAt) {
        handle.createUpdate("""
                        INSERT INTO appeals (id, site_id, comment_id, reason, contested_action, status, decided_at,
                            created_at)
                        VALUES (:id, :site, :comment, 'I quoted the minister.', 'rejected', :status, :decided, :at)""")
                .bind("id", id).bind("site", Fixtures.SITE).bind("comment", commentId).bind("status", status)
                .bind("decided", decidedAt).bind("at", at)
                .execute();
    }
}
