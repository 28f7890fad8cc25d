package org.parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.CommentStatus;
import org.parley.site.SiteSettings;
import org.parley.story.Story;
import org.parley.story.StoryStatus;
import org.parley.testing.Fixtures;

class PipelineTest {

    private final Submission submission = new Submission(
            new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH),
            new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false),
            null, null, "A civil remark.", "A civil remark.", false, Instant.EPOCH, SiteSettings.defaults(),
            Fixtures.CLASSIFIER.classify("A civil remark."), "test");
    private final List<String> ran = new ArrayList<>();

    private Phase phase(String name, Verdict verdict) {
        return submission -> {
            ran.add(name);
            return Optional.ofNullable(verdict);
        };
    }

    @Test
    void a_submission_no_phase_objects_to_is_published() {
        Verdict verdict = Pipeline.of(phase("a", null), phase("b", null)).run(submission);
        assertThat(verdict.status()).isEqualTo(CommentStatus.PUBLISHED);
        assertThat(verdict.reasons()).isEmpty();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void holds_collect_reasons_and_the_run_goes_on() {
        Verdict verdict = Pipeline.of(
                phase("new", Verdict.hold(new Reason("user.new", "New commenter."))),
                phase("links", Verdict.hold(new Reason("spam.links", "Many links."))),
                phase("last", null)).run(submission);
        assertThat(verdict.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly("user.new", "spam.links");
        assertThat(ran).containsExactly("new", "links", "last");
    }

    @Test
    void a_rejection_ends_the_run_and_keeps_earlier_reasons() {
        Verdict verdict = Pipeline.of(
                phase("hold", Verdict.hold(new Reason("user.new", "New commenter."))),
                phase("reject", Verdict.reject(new Reason("words.banned", "Banned word."))),
                phase("never", null)).run(submission);
        assertThat(verdict.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(verdict.reasons()).extracting(Reason::code).containsExactly("user.new", "words.banned");
        assertThat(ran).containsExactly("hold", "reject");
    }

    @Test
    void the_standard_pipeline_refuses_cheaply_first_then_judges_what_is_stored() {
        Pipeline standard = Pipelines.standard(null, null, org.parley.comment.CommentRules.defaults(),
                Fixtures.CLASSIFIER);
        assertThat(standard.phases()).extracting(phase -> phase.getClass().getSimpleName())
                .containsExactly("StoryClosed", "BodyLength", "BannedUser", "RepeatPost", "WordLists", "LinkLimit",
                        "Civility", "NewCommenter", "GuestAuthor", "PreModeration");
    }
}
