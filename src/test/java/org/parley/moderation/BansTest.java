package org.parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.testing.Fixtures;
import org.parley.testing.TestDatabase;
import org.parley.webhook.Outbox;

/** A reader's standing as the moderators' user panel shows it, asked of {@code Bans} since issue 12. */
class BansTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Fixtures fixtures;
    private Bans bans;
    private Account moderator;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database());
        bans = new Bans(fixtures.accounts, fixtures.moderation, new Outbox(Clock.systemUTC()), Clock.systemUTC());
        moderator = fixtures.accounts.create("mod@daily.example", "correct horse battery", "Mod", Role.ADMIN);
    }

    @Test
    void a_reader_in_good_standing_has_no_ban_no_warning_and_their_record() {
        Account reader = fixtures.reader();
        fixtures.submissions.post(reader, fixtures.story(), null, "A calm remark on the harbour plans.", false);

        Bans.Standing standing = bans.standing(reader.id());

        assertThat(standing.bannedUntil()).isNull();
        assertThat(standing.warning()).isNull();
        assertThat(standing.record()).isEqualTo(new QueueItem.AuthorRecord(1, 0, 0));
    }

    @Test
    void a_suspension_in_force_and_a_warning_show_in_the_standing_until_lifted() {
        Account reader = fixtures.reader();
        var until = Clock.systemUTC().instant().plus(Duration.ofDays(2));
        bans.ban(moderator, reader.id(), "Cooling off.", until);
        bans.warn(moderator, reader.id(), "Please keep to the topic.");

        assertThat(bans.standing(reader.id()).bannedUntil())
                .isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(bans.standing(reader.id()).warning()).isEqualTo("Please keep to the topic.");

        bans.lift(moderator, reader.id());

        assertThat(bans.standing(reader.id()).bannedUntil()).isNull();
    }
}
