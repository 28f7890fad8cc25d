package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.TestDatabase;

/** Signed link tokens: one key per database, shared by every instance; tampered, stale or misused tokens fail. */
class LinkTokensTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void two_instances_on_one_database_sign_alike() {
        LinkTokens first = LinkTokens.load(db.database().jdbi(), now);
        LinkTokens second = LinkTokens.load(db.database().jdbi(), now.plusSeconds(5));
        String token = first.sign("verify", now.plus(Duration.ofHours(1)), "account", "a@b.example");
        assertThat(second.check(token, "verify", now)).contains(List.of("account", "a@b.example"));
    }

    @Test
    void a_token_fails_when_tampered_expired_or_used_for_another_purpose() {
        LinkTokens tokens = LinkTokens.load(db.database().jdbi(), now);
        String token = tokens.sign("reset", now.plus(Duration.ofHours(1)), "account", "print");
        assertThat(tokens.check(token, "reset", now)).isPresent();
        assertThat(tokens.check(token, "verify", now)).isEmpty();
        assertThat(tokens.check(token, "reset", now.plus(Duration.ofHours(1)))).isEmpty();
        String otherPayload = tokens.sign("reset", now.plus(Duration.ofHours(1)), "other", "print");
        String spliced = otherPayload.substring(0, otherPayload.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(tokens.check(spliced, "reset", now)).isEmpty();
        assertThat(tokens.check("not a token", "reset", now)).isEmpty();
        assertThat(tokens.check(null, "reset", now)).isEmpty();
    }

    @Test
    void a_token_without_expiry_stays_valid() {
        LinkTokens tokens = LinkTokens.load(db.database().jdbi(), now);
        String token = tokens.sign("unsubscribe", null, "account", "replies");
        assertThat(tokens.check(token, "unsubscribe", now.plus(Duration.ofDays(3650)))).isPresent();
    }
}
