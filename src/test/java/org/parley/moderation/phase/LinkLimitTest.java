package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.comment.CommentStatus;
import org.parley.site.SiteSettings;
import org.parley.moderation.Verdict;
import org.parley.story.Story;
import org.parley.story.StoryStatus;

class LinkLimitTest {

    private final Account author = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);
    private final Story story = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);

    @Test
    void two_links_pass_and_a_third_holds_the_comment_with_the_spam_links_reason() {
        String two = "See https://a.example/1 and http://b.example/2.";
        String three = two + " Also www.c.example.";
        LinkLimit phase = new LinkLimit();

        assertThat(phase.check(PhaseTesting.submission(author, story, two, SiteSettings.defaults()))).isEmpty();
        Verdict verdict = phase.check(PhaseTesting.submission(author, story, three, SiteSettings.defaults()))
                .orElseThrow();
        assertThat(verdict.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(verdict.reasons().get(0).code()).isEqualTo("spam.links");
    }

    @Test
    void the_site_sets_its_own_limit() {
        SiteSettings strict = SiteSettings.of(Map.of("linkLimit", 0));
        assertThat(new LinkLimit().check(PhaseTesting.submission(author, story, "https://a.example", strict)))
                .isPresent();
    }
}
