package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.CommentStatus;
import org.parley.moderation.GuidelineNudge;
import org.parley.moderation.Reason;
import org.parley.site.SiteSettings;
import org.parley.moderation.Submission;
import org.parley.moderation.Verdict;
import org.parley.story.Story;
import org.parley.story.StoryStatus;
import org.parley.testing.Fixtures;

class CivilityTest {

    private static final String INSULT = "Shut up, you pathetic moron, nobody wants your worthless opinion.";
    private static final String CIVIL = "I disagree with the minister's plan: the quotas ignore the dry season.";

    private final Account author = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);
    private final Story story = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);
    private final Civility civility = new Civility(Fixtures.CLASSIFIER);

    /** Site thresholds for derogatory: nudge 0.3, hold 0.5, reject as given. */
    private static SiteSettings derogatoryBands(double reject) {
        return SiteSettings.of(Map.of("thresholds",
                Map.of("derogatory", Map.of("nudge", 0.3, "hold", 0.5, "reject", reject))));
    }

    private Submission submission(String text, boolean revised, SiteSettings settings) {
        return new Submission(author, story, null, null, text, text, revised, Instant.EPOCH, settings,
                Fixtures.CLASSIFIER.classify(text), Fixtures.CLASSIFIER.modelVersion());
    }

    @Test
    void civil_disagreement_passes_under_the_shipped_thresholds() {
        assertThat(civility.check(submission(CIVIL, false, SiteSettings.defaults()))).isEmpty();
    }

    @Test
    void a_first_insulting_submission_is_sent_back_with_categories_and_spans_on_the_words() {
        assertThatThrownBy(() -> civility.check(submission(INSULT, false, derogatoryBands(0.9999))))
                .isInstanceOfSatisfying(GuidelineNudge.class, nudge -> {
                    assertThat(nudge.categories()).containsKey("derogatory");
                    assertThat(nudge.getMessage()).contains("insults or a personal attack");
                    assertThat(nudge.spans()).isNotEmpty().allSatisfy(span ->
                            assertThat(INSULT.substring(span.start(), span.end())).isNotBlank());
                });
    }

    @Test
    void sent_again_as_it_was_it_waits_for_a_moderator_with_a_civility_reason() {
        Verdict verdict = civility.check(submission(INSULT, true, derogatoryBands(0.9999))).orElseThrow();
        assertThat(verdict.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(verdict.reasons()).extracting(Reason::code).contains("civility.derogatory");
    }

    @Test
    void over_the_reject_band_it_is_rejected_even_the_first_time() {
        Verdict verdict = civility.check(submission(INSULT, false, derogatoryBands(0.6))).orElseThrow();
        assertThat(verdict.status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(verdict.reasons()).extracting(Reason::code).contains("civility.derogatory");
    }
}
