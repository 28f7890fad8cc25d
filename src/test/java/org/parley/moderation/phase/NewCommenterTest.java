package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.moderation.Reason;
import org.parley.site.SiteSettings;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

class NewCommenterTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private static final String EDGY = "Honestly this take is stupid.";

    @Test
    void off_by_default_and_a_civil_first_comment_always_passes() {
        Fixtures fixtures = new Fixtures(db.database());
        Account reader = fixtures.reader();
        NewCommenter phase = new NewCommenter(fixtures.moderation);
        assertThat(phase.check(PhaseTesting.submission(reader, fixtures.story(), EDGY, SiteSettings.defaults())))
                .isEmpty();
        SiteSettings strict = SiteSettings.of(Map.of("newCommenterComments", 3, "newCommenterBar", 0.0));
        SiteSettings lenient = SiteSettings.of(Map.of("newCommenterComments", 3, "newCommenterBar", 1.0));
        assertThat(phase.check(PhaseTesting.submission(reader, fixtures.story(), EDGY, lenient))).isEmpty();
        assertThat(phase.check(PhaseTesting.submission(reader, fixtures.story(), EDGY, strict)).orElseThrow()
                .reasons()).extracting(Reason::code).containsExactly("user.new");
    }

    @Test
    void an_account_past_its_first_comments_is_no_longer_new() {
        Fixtures fixtures = new Fixtures(db.database());
        Account reader = fixtures.reader();
        var story = fixtures.story();
        fixtures.submissions.post(reader, story, null, "The first of my remarks on the treaty.", true);
        SiteSettings firstOnly = SiteSettings.of(Map.of("newCommenterComments", 1, "newCommenterBar", 0.0));
        assertThat(new NewCommenter(fixtures.moderation).check(
                PhaseTesting.submission(reader, story, EDGY, firstOnly))).isEmpty();
    }
}
