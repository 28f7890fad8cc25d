package org.parley.moderation.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.site.SiteSettings;
import org.parley.problem.Problem;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;

class BannedUserTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    @Test
    void a_suspended_author_is_refused_until_the_suspension_ends() {
        Fixtures fixtures = new Fixtures(db.database());
        Account reader = fixtures.reader();
        BannedUser phase = new BannedUser(fixtures.moderation);
        var submission = PhaseTesting.submission(reader, fixtures.story(), "Hello.", SiteSettings.defaults());
        assertThat(phase.check(submission)).isEmpty();

        fixtures.moderation.ban(reader.id(), Instant.now().plus(Duration.ofDays(1)), "Cooling off.");
        assertThatThrownBy(() -> phase.check(submission))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("user_banned");
                    assertThat(problem.getMessage()).contains("suspended until");
                });

        fixtures.moderation.ban(reader.id(), Instant.now().minusSeconds(1), "Over.");
        assertThat(phase.check(submission)).isEmpty();
    }
}
