package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.moderation.Reason;
import org.parley.site.SiteSettings;
import org.parley.problem.Problem;
import org.parley.story.Story;
import org.parley.story.StoryStatus;

class GuestAuthorTest {

    private final Account guest = new Account("g1", "gus@news.example (guest)", "Gus", Role.GUEST, Instant.EPOCH);
    private final Account reader = new Account("a1", "ada@news.example", "Ada", Role.READER, Instant.EPOCH);
    private final Story story = new Story("s1", "daily", "https://news.example/a", "A", StoryStatus.OPEN, 0, false);

    @Test
    void readers_pass_whatever_the_site_says_about_guests() {
        assertThat(new GuestAuthor().check(PhaseTesting.submission(reader, story, "Hi.", guests("pending"))))
                .isEmpty();
    }

    @Test
    void a_guest_is_held_on_a_pending_site_and_passes_on_a_published_one() {
        assertThat(new GuestAuthor().check(PhaseTesting.submission(guest, story, "Hi.", guests("pending")))
                .orElseThrow().reasons()).extracting(Reason::code).containsExactly("user.guest");
        assertThat(new GuestAuthor().check(PhaseTesting.submission(guest, story, "Hi.", guests("published"))))
                .isEmpty();
    }

    @Test
    void a_guest_is_refused_where_guests_are_off() {
        assertThatThrownBy(() -> new GuestAuthor().check(PhaseTesting.submission(guest, story, "Hi.",
                SiteSettings.defaults()))).isInstanceOfSatisfying(Problem.class,
                problem -> assertThat(problem.code()).isEqualTo("not_signed_in"));
    }

    private static SiteSettings guests(String mode) {
        return SiteSettings.of(Map.of("guestComments", mode));
    }
}
