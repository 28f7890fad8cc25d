package org.parley.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Account;
import org.parley.account.Role;
import org.parley.account.SignedIn;
import org.parley.problem.Problem;
import org.parley.site.Site;
import org.parley.site.SsoKeys;
import org.parley.testing.Fixtures;
import org.parley.testing.ManualClock;
import org.parley.testing.PublisherTokens;
import org.parley.testing.TestDatabase;

/**
 * Publisher sign-in on a real database: which account a valid token signs in, per site, and the keys an admin
 * changes. The checks on the token itself are in {@link SsoTokensTest}.
 */
class SingleSignOnTest {

    private static final String SECRET = "a publisher secret of more than thirty-two characters";
    private static final String OTHER_SECRET = "the other site's secret, also longer than thirty-two";
    private static final String OTHER_SITE = "weekly";

    @RegisterExtension
    final TestDatabase db = new TestDatabase();

    private final ManualClock clock = new ManualClock();
    private Fixtures fixtures;
    private SsoStore store;
    private SingleSignOn sso;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(db.database(), clock);
        store = new SsoStore(db.database().jdbi());
        sso = new SingleSignOn(store, fixtures.sites, fixtures.accounts, clock);
        fixtures.sites.save(new Site(OTHER_SITE, "The Weekly Example", List.of("https://weekly.example"),
                Site.DEFAULT_GUIDELINES), clock.instant());
        fixtures.sites.saveSsoKeys(Fixtures.SITE, new SsoKeys(SECRET, null));
        fixtures.sites.saveSsoKeys(OTHER_SITE, new SsoKeys(OTHER_SECRET, null));
    }

    private String token(String secret, String subject, String name) {
        return PublisherTokens.hs256(secret, PublisherTokens.claims(subject, name, clock.instant()));
    }

    @Test
    void a_first_sign_in_makes_a_reader_without_a_password_and_starts_a_session() {
        SignedIn signedIn = sso.signIn(Fixtures.SITE, token(SECRET, "user-1", "Ayla"));

        Account account = signedIn.account();
        assertThat(account.displayName()).isEqualTo("Ayla");
        assertThat(account.role()).isEqualTo(Role.READER);
        assertThat(signedIn.sessionToken()).isNotBlank();
        assertThat(fixtures.accounts.findSession(signedIn.sessionToken())).isPresent();
    }

    @Test
    void the_tokens_email_is_kept_but_never_names_the_account() {
        Map<String, Object> claims = PublisherTokens.claims("user-1", "Ayla", clock.instant());
        claims.put("email", "ayla@publisher.example");

        Account account = sso.signIn(Fixtures.SITE, PublisherTokens.hs256(SECRET, claims)).account();

        assertThat(account.email()).endsWith(SsoStore.PLACEHOLDER_DOMAIN);
        assertThat(fixtures.accounts.findByEmail("ayla@publisher.example")).isEmpty();
    }

    @Test
    void a_second_sign_in_of_the_same_user_reaches_the_same_account_under_its_new_name() {
        String first = sso.signIn(Fixtures.SITE, token(SECRET, "user-1", "Ayla")).account().id();

        Account again = sso.signIn(Fixtures.SITE, token(SECRET, "user-1", "Ayla Demir")).account();

        assertThat(again.id()).isEqualTo(first);
        assertThat(fixtures.accounts.findAccount(first).orElseThrow().displayName()).isEqualTo("Ayla Demir");
    }

    @Test
    void the_same_user_id_on_two_sites_is_two_accounts() {
        String onDaily = sso.signIn(Fixtures.SITE, token(SECRET, "user-1", "Ayla")).account().id();

        String onWeekly = sso.signIn(OTHER_SITE, token(OTHER_SECRET, "user-1", "Ayla")).account().id();

        assertThat(onWeekly).isNotEqualTo(onDaily);
    }

    @Test
    void a_token_signed_for_another_site_is_refused() {
        String forWeekly = token(OTHER_SECRET, "user-1", "Ayla");

        assertThatThrownBy(() -> sso.signIn(Fixtures.SITE, forWeekly))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.code()).isEqualTo("sso_invalid"));
    }

    @Test
    void a_site_without_keys_refuses_every_token() {
        fixtures.sites.saveSsoKeys(OTHER_SITE, SsoKeys.none());

        assertThatThrownBy(() -> sso.signIn(OTHER_SITE, token(OTHER_SECRET, "user-1", "Ayla")))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("sso_invalid");
                    assertThat(problem.getMessage()).contains("no SSO secret or public key");
                });
        assertThat(sso.enabled(OTHER_SITE)).isFalse();
    }

    @Test
    void an_unknown_site_is_not_found() {
        assertThatThrownBy(() -> sso.signIn("nowhere", token(SECRET, "user-1", "Ayla")))
                .isInstanceOfSatisfying(Problem.class,
                        problem -> assertThat(problem.code()).isEqualTo("site_not_found"));
    }

    @Test
    void a_token_that_expired_by_the_servers_clock_is_refused() {
        String token = token(SECRET, "user-1", "Ayla");
        clock.advance(java.time.Duration.ofMinutes(10));

        assertThatThrownBy(() -> sso.signIn(Fixtures.SITE, token))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.getMessage()).contains("expired"));
    }

    @Test
    void the_display_name_loses_control_characters_and_is_cut_to_fifty_characters() {
        String name = "Ayla\u0007 " + "x".repeat(80);

        Account account = sso.signIn(Fixtures.SITE, token(SECRET, "user-1", name)).account();

        assertThat(account.displayName()).startsWith("Ayla x").hasSize(50).doesNotContain("\u0007");
    }

    @Test
    void changed_keys_keep_a_key_left_out_and_drop_one_given_as_empty() {
        String pem = PublisherTokens.pem(PublisherTokens.rsaKeys());

        SsoKeys withPublicKey = sso.changedKeys(Fixtures.SITE, null, pem);
        SsoKeys withoutSecret = sso.changedKeys(Fixtures.SITE, "", null);

        assertThat(withPublicKey).isEqualTo(new SsoKeys(SECRET, pem.strip()));
        assertThat(withoutSecret).isEqualTo(SsoKeys.none());
    }

    @Test
    void a_secret_shorter_than_256_bits_is_refused_on_its_field() {
        assertThatThrownBy(() -> sso.changedKeys(Fixtures.SITE, "too short", null))
                .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.field()).isEqualTo("ssoSecret"));
    }
}
