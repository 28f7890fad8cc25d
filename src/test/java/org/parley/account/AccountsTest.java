package org.parley.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.problem.Problem;
import org.parley.problem.ProblemKind;
import org.parley.testing.ManualClock;
import org.parley.testing.TestDatabase;

class AccountsTest {

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private Accounts accounts;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(new AccountStore(db.database().jdbi()), Clock.systemUTC());
    }

    @Test
    void sign_up_stores_a_reader_with_a_lower_cased_email_and_starts_a_session() {
        SignedIn signedIn = accounts.signUp("  Ada@Example.ORG ", "a long enough password", "Ada");
        assertThat(signedIn.account().email()).isEqualTo("ada@example.org");
        assertThat(signedIn.account().role()).isEqualTo(Role.READER);
        Session session = accounts.findSession(signedIn.sessionToken()).orElseThrow();
        assertThat(session.account().id()).isEqualTo(signedIn.account().id());
        assertThat(session.csrf()).isEqualTo(signedIn.csrf());
    }

    @Test
    void the_session_token_itself_is_never_stored() {
        SignedIn signedIn = accounts.signUp("ada@example.org", "a long enough password", "Ada");
        long matches = db.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM sessions WHERE token_hash = :token").bind("token", signedIn.sessionToken())
                .mapTo(Long.class).one());
        assertThat(matches).isZero();
    }

    /** Issue "Parley 6", item 3: an address someone signed up with by mail and never confirmed is freed again. */
    @Test
    void sign_ups_by_mail_left_unconfirmed_for_a_week_are_purged_and_no_other_account() {
        ManualClock clock = new ManualClock();
        AccountStore store = new AccountStore(db.database().jdbi());
        Accounts timed = new Accounts(store, clock);
        Account stale = timed.newReader("stale@example.org", "a long enough password", "Stale");
        store.jdbi().useHandle(handle -> AccountStore.insert(handle, stale, "", true));
        Account instant = timed.create("instant@example.org", "a long enough password", "Instant", Role.READER);
        clock.advance(Duration.ofDays(6));
        Account recent = timed.newReader("recent@example.org", "a long enough password", "Recent");
        store.jdbi().useHandle(handle -> AccountStore.insert(handle, recent, "", true));
        clock.advance(Duration.ofDays(1).plusMinutes(1));

        assertThat(timed.purgeUnconfirmedSignups()).isEqualTo(1);

        assertThat(timed.findAccount(stale.id())).isEmpty();
        assertThat(timed.findAccount(recent.id())).isPresent();
        assertThat(timed.findAccount(instant.id())).isPresent();
        assertThat(timed.signUp("stale@example.org", "a long enough password", "Owner").account().email())
                .as("the address is free again").isEqualTo("stale@example.org");
    }

    @Test
    void a_taken_email_is_a_conflict_on_the_email_field() {
        accounts.signUp("ada@example.org", "a long enough password", "Ada");
        assertThatThrownBy(() -> accounts.signUp("ADA@example.org", "another long password", "Ada Two"))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(problem.code()).isEqualTo("email_taken");
                    assertThat(problem.field()).isEqualTo("email");
                });
    }

    @Test
    void a_password_under_ten_characters_is_refused() {
        assertThatThrownBy(() -> accounts.signUp("ada@example.org", "short", "Ada"))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("password"));
    }

    @Test
    void a_malformed_email_is_refused() {
        for (String email : new String[] {"ada", "ada@", "@example.org", "ada@example", "a da@example.org"}) {
            assertThatThrownBy(() -> accounts.signUp(email, "a long enough password", "Ada"))
                    .as(email)
                    .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("email"));
        }
    }

    @Test
    void an_empty_display_name_is_refused() {
        assertThatThrownBy(() -> accounts.signUp("ada@example.org", "a long enough password", "   "))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.field()).isEqualTo("displayName"));
    }

    @Test
    void log_in_with_the_right_password_starts_a_new_session_and_a_wrong_one_is_refused() {
        SignedIn first = accounts.signUp("ada@example.org", "a long enough password", "Ada");
        SignedIn second = accounts.logIn("ADA@example.org", "a long enough password");
        assertThat(second.sessionToken()).isNotEqualTo(first.sessionToken());
        assertThat(second.csrf()).isNotEqualTo(first.csrf());
        assertThatThrownBy(() -> accounts.logIn("ada@example.org", "not the password"))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.kind()).isEqualTo(ProblemKind.UNAUTHENTICATED));
        assertThatThrownBy(() -> accounts.logIn("nobody@example.org", "a long enough password"))
                .isInstanceOf(Problem.class);
    }

    @Test
    void log_out_revokes_the_session() {
        SignedIn signedIn = accounts.signUp("ada@example.org", "a long enough password", "Ada");
        accounts.logOut(accounts.findSession(signedIn.sessionToken()).orElseThrow());
        assertThat(accounts.findSession(signedIn.sessionToken())).isEmpty();
    }

    @Test
    void passwords_are_stored_as_argon2id_hashes() {
        String hash = Passwords.hash("a long enough password");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(Passwords.matches("a long enough password", hash)).isTrue();
        assertThat(Passwords.matches("a long enough passworD", hash)).isFalse();
        assertThat(Passwords.matches("anything", "not a hash")).isFalse();
    }

    @Test
    void expired_sessions_end_and_are_purged() {
        java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
        Clock early = Clock.fixed(start, java.time.ZoneOffset.UTC);
        Clock late = Clock.fixed(start.plus(java.time.Duration.ofDays(31)), java.time.ZoneOffset.UTC);
        AccountStore store = new AccountStore(db.database().jdbi());
        SignedIn signedIn = new Accounts(store, early).signUp("old@example.org", "a long enough password", "Old");
        Accounts later = new Accounts(store, late);
        assertThat(later.findSession(signedIn.sessionToken())).isEmpty();
        assertThat(later.purgeExpiredSessions()).isEqualTo(1);
    }
}
