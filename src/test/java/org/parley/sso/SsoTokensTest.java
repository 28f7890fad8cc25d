package org.parley.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.problem.Problem;
import org.parley.site.SsoKeys;
import org.parley.testing.PublisherTokens;

/**
 * The checks on a publisher's sign-in token, without HTTP or a database: tokens minted with Nimbus as a publisher
 * mints them, HS256 against the site's secret and RS256 against its public key, at a fixed instant.
 */
class SsoTokensTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String SECRET = "a publisher secret of more than thirty-two characters";
    private static final KeyPair RSA = PublisherTokens.rsaKeys();
    private static final SsoKeys HS256_ONLY = new SsoKeys(SECRET, null);
    private static final SsoKeys RS256_ONLY = new SsoKeys(null, PublisherTokens.pem(RSA));

    private static Map<String, Object> claims() {
        return PublisherTokens.claims("user-17", "Reader Seventeen", NOW);
    }

    private static void assertRefused(SsoKeys keys, String token, String messagePart) {
        assertThatThrownBy(() -> SsoTokens.verify(keys, token, NOW))
                .isInstanceOfSatisfying(Problem.class, problem -> {
                    assertThat(problem.code()).isEqualTo("sso_invalid");
                    assertThat(problem.getMessage()).containsIgnoringCase(messagePart);
                });
    }

    @Test
    void an_hs256_token_signed_with_the_sites_secret_gives_its_claims() {
        Map<String, Object> claims = claims();
        claims.put("email", "seventeen@publisher.example");

        SsoTokens.Claims verified = SsoTokens.verify(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), NOW);

        assertThat(verified).isEqualTo(new SsoTokens.Claims("user-17", "Reader Seventeen",
                "seventeen@publisher.example"));
    }

    @Test
    void an_rs256_token_signed_with_the_publishers_private_key_is_accepted() {
        SsoTokens.Claims verified = SsoTokens.verify(RS256_ONLY, PublisherTokens.rs256(RSA, claims()), NOW);

        assertThat(verified.subject()).isEqualTo("user-17");
        assertThat(verified.email()).isNull();
    }

    @Test
    void a_site_with_both_keys_takes_either_algorithm() {
        SsoKeys both = new SsoKeys(SECRET, PublisherTokens.pem(RSA));

        assertThat(SsoTokens.verify(both, PublisherTokens.hs256(SECRET, claims()), NOW).subject()).isEqualTo("user-17");
        assertThat(SsoTokens.verify(both, PublisherTokens.rs256(RSA, claims()), NOW).subject()).isEqualTo("user-17");
    }

    @Test
    void an_hs256_token_signed_with_another_secret_is_refused() {
        String token = PublisherTokens.hs256("another secret, also more than thirty-two characters", claims());

        assertRefused(HS256_ONLY, token, "signature does not match the site's SSO secret");
    }

    @Test
    void an_rs256_token_signed_with_another_private_key_is_refused() {
        String token = PublisherTokens.rs256(PublisherTokens.rsaKeys(), claims());

        assertRefused(RS256_ONLY, token, "signature does not match the site's SSO public key");
    }

    @Test
    void an_hs256_token_is_refused_by_a_site_that_only_has_a_public_key() {
        // Algorithm confusion: the public key, known to anyone, must never serve as an HMAC secret.
        String token = PublisherTokens.hs256(PublisherTokens.pem(RSA), claims());

        assertRefused(RS256_ONLY, token, "this site expects RS256");
    }

    @Test
    void an_rs256_token_is_refused_by_a_site_that_only_has_a_secret() {
        assertRefused(HS256_ONLY, PublisherTokens.rs256(RSA, claims()), "this site expects HS256");
    }

    @Test
    void an_unsigned_token_is_refused() {
        assertRefused(HS256_ONLY, PublisherTokens.unsigned(claims()), "alg: none");
    }

    @Test
    void a_token_expired_longer_ago_than_the_clock_skew_is_refused() {
        Map<String, Object> claims = claims();
        claims.put("exp", NOW.minus(SsoTokens.CLOCK_SKEW).minusSeconds(1).getEpochSecond());

        assertRefused(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), "expired");
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_still_accepted() {
        Map<String, Object> claims = claims();
        claims.put("exp", NOW.minus(SsoTokens.CLOCK_SKEW).plusSeconds(1).getEpochSecond());

        assertThat(SsoTokens.verify(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), NOW).subject())
                .isEqualTo("user-17");
    }

    @Test
    void a_token_without_an_expiry_is_refused() {
        Map<String, Object> claims = claims();
        claims.remove("exp");

        assertRefused(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), "lacks the exp");
    }

    @Test
    void a_token_not_valid_before_a_later_time_is_refused() {
        Map<String, Object> claims = claims();
        claims.put("nbf", NOW.plus(Duration.ofMinutes(5)).getEpochSecond());

        assertRefused(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), "not valid before");
    }

    @Test
    void a_token_issued_in_the_future_is_refused() {
        Map<String, Object> claims = claims();
        claims.put("iat", NOW.plus(Duration.ofMinutes(5)).getEpochSecond());

        assertRefused(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), "issued in the future");
    }

    @Test
    void a_token_without_a_subject_is_refused() {
        Map<String, Object> claims = claims();
        claims.remove("sub");

        assertRefused(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), "lacks the sub");
    }

    @Test
    void a_token_without_a_name_is_refused() {
        Map<String, Object> claims = claims();
        claims.put("name", "  ");

        assertRefused(HS256_ONLY, PublisherTokens.hs256(SECRET, claims), "lacks the name");
    }

    @Test
    void text_that_is_not_a_jwt_is_refused() {
        assertRefused(HS256_ONLY, "not.a-token", "not a JWT");
    }
}
