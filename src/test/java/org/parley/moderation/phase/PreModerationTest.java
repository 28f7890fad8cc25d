package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.moderation.Reason;
import org.parley.site.SiteSettings;
import org.parley.story.Story;
import org.parley.story.StoryStatus;

class PreModerationTest {

    private final Account author = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);
    private final Story open = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);
    private final Story premoderated = new Story("s2", "daily", "https://news.example/b", "B", StoryStatus.OPEN, 0,
            true);

    @Test
    void nothing_is_held_by_default() {
        assertThat(new PreModeration().check(PhaseTesting.submission(author, open, "Hi.", SiteSettings.defaults())))
                .isEmpty();
    }

    @Test
    void a_premoderated_site_or_story_holds_every_comment() {
        SiteSettings site = SiteSettings.of(Map.of("premoderation", true));
        assertThat(new PreModeration().check(PhaseTesting.submission(author, open, "Hi.", site)).orElseThrow()
                .reasons()).extracting(Reason::code).containsExactly("premoderation.site");
        assertThat(new PreModeration().check(PhaseTesting.submission(author, premoderated, "Hi.",
                SiteSettings.defaults())).orElseThrow().reasons()).extracting(Reason::code)
                .containsExactly("premoderation.story");
    }
}
