package org.parley.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.AltchaSolver;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;
import org.parley.testing.TickingClock;

/**
 * Threshold mode, the default, with the rate limits on and the client address read from X-Forwarded-For (a trusted
 * proxy) so that several addresses can be played: an address's first sign-ups pass without a proof of work, then
 * it is asked for one while another address is not; once the whole site is over its limit, everyone is asked; a
 * challenge works only from the address it was issued to; ten minutes later the threshold has reset.
 */
class ChallengeThresholdTest {

    private static final TickingClock clock = new TickingClock();

    @RegisterExtension
    static final TestServer server = new TestServer(settings -> settings.withTrustProxy(true), clock);

    private static ApiClient admin;

    @BeforeAll
    static void admin() {
        new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC())
                .create("admin@threshold.example", "correct horse battery", "Admin", Role.ADMIN);
        admin = server.client();
        assertThat(admin.post("/api/v1/auth/login", Map.of("email", "admin@threshold.example",
                "password", "correct horse battery")).status()).isEqualTo(200);
    }

    @Test
    void one_address_is_asked_after_its_limit_others_are_not_and_the_window_passes() {
        for (int i = 0; i < 3; i++) {
            assertThat(signUp("192.0.2.1", "first" + i + "@threshold.example", null).status()).isEqualTo(202);
        }
        Response fourth = signUp("192.0.2.1", "fourth@threshold.example", null);
        assertThat(fourth.status()).isEqualTo(403);
        assertThat(fourth.json().get("error").asText()).isEqualTo("challenge_required");
        assertThat(signUp("192.0.2.2", "other@threshold.example", null).status()).isEqualTo(202);

        Response elsewhere = signUp("192.0.2.1", "fourth@threshold.example", solve("192.0.2.3"));
        assertThat(elsewhere.json().get("error").asText()).as("issued to another address")
                .isEqualTo("challenge_failed");
        assertThat(signUp("192.0.2.1", "fourth@threshold.example", solve("192.0.2.1")).status()).isEqualTo(202);

        clock.advance(Duration.ofMinutes(11));
        assertThat(signUp("192.0.2.1", "later@threshold.example", null).status()).isEqualTo(202);
    }

    @Test
    void over_the_sites_limit_everyone_is_asked() {
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challengeSiteLimit", 2,
                "guestComments", "published")).status()).isEqualTo(200);
        try {
            String url = server.baseUrl() + "/news/threshold";
            assertThat(guestPost("198.51.100.1", url).status()).isEqualTo(201);
            assertThat(guestPost("198.51.100.2", url).status()).isEqualTo(201);
            Response third = guestPost("198.51.100.3", url);
            assertThat(third.status()).isEqualTo(403);
            assertThat(third.json().get("error").asText()).isEqualTo("challenge_required");
        } finally {
            admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challengeSiteLimit", 100,
                    "guestComments", "off"));
        }
    }

    private static String solve(String address) {
        clock.advance(Duration.ofSeconds(2));
        Response challenge = server.client().send(HttpRequest.newBuilder(server.client()
                .uri("/api/v1/challenge?site=demo")).header("X-Forwarded-For", address).GET());
        assertThat(challenge.status()).isEqualTo(200);
        return AltchaSolver.solve(challenge.json());
    }

    private static Response signUp(String address, String email, String altcha) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", "correct horse battery",
                "displayName", "Person", "site", "demo"));
        if (altcha != null) {
            body.put("altcha", altcha);
        }
        return post(address, "/api/v2/auth/signup", body);
    }

    private static Response guestPost(String address, String url) {
        return post(address, "/api/v1/comments", Map.of("site", "demo", "url", url, "body", "From " + address,
                "guest", Map.of("name", "Guest", "email", "guest@threshold.example")));
    }

    private static Response post(String address, String path, Map<String, Object> body) {
        try {
            return server.client().send(HttpRequest.newBuilder(server.client().uri(path))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
