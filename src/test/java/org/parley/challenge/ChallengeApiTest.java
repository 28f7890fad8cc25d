package org.parley.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * The proof of work on the demo site set to {@code always}: each guarded form (both sign-ups, a guest comment, a
 * password reset) is refused without a solution, with a wrong one and with one spent before, and taken with a fresh
 * one; the honeypot; the settings' checks and who may change them. Rate limits are off, as in most API tests, so
 * only {@code always} asks (threshold mode is in {@link ChallengeThresholdTest}).
 */
class ChallengeApiTest {

    private static final TickingClock clock = new TickingClock();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestServer server = new TestServer(settings -> settings.withRateLimits(false), clock);

    private static ApiClient admin;

    @BeforeAll
    static void admin() {
        new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC())
                .create("admin@challenge.example", "correct horse battery", "Admin", Role.ADMIN);
        admin = server.client();
        assertThat(admin.post("/api/v1/auth/login", Map.of("email", "admin@challenge.example",
                "password", "correct horse battery")).status()).isEqualTo(200);
    }

    @AfterEach
    void backToDefaults() {
        settings(Map.of("challenge", "threshold", "guestComments", "off"));
    }

    @Test
    void a_challenge_is_alcha_shaped_at_the_sites_complexity_and_one_a_second_per_address() {
        settings(Map.of("challengeComplexity", 20_000));
        try {
            Response first = challenge("demo");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Cache-Control")).isEqualTo("no-store");
            JsonNode body = first.json();
            assertThat(body.get("algorithm").asText()).isEqualTo("SHA-256");
            assertThat(body.get("maxnumber").asLong()).isEqualTo(20_000);
            assertThat(body.get("challenge").asText()).matches("[0-9a-f]{64}");
            assertThat(body.get("salt").asText()).contains("expires=");
            assertThat(body.get("signature").asText()).isNotBlank();

            Response tooSoon = server.client().get("/api/v1/challenge?site=demo");
            assertThat(tooSoon.status()).isEqualTo(429);
            assertThat(tooSoon.header("Retry-After")).isEqualTo("1");

            assertThat(server.client().get("/api/v1/challenge?site=nowhere").status()).isEqualTo(404);
        } finally {
            settings(Map.of("challengeComplexity", 50_000));
        }
    }

    @Test
    void sign_up_on_always_is_refused_without_with_a_wrong_and_with_a_spent_solution() {
        settings(Map.of("challenge", "always"));
        Response without = server.client().post("/api/v1/auth/signup", signup("una@challenge.example", null));
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().get("error").asText()).isEqualTo("challenge_required");
        assertThat(without.json().get("message").asText()).isNotBlank();

        Response wrong = server.client().post("/api/v1/auth/signup",
                signup("una@challenge.example", wrongNumber(solved())));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("error").asText()).isEqualTo("challenge_failed");
        Response garbage = server.client().post("/api/v1/auth/signup", signup("una@challenge.example", "%%%"));
        assertThat(garbage.json().get("error").asText()).isEqualTo("challenge_failed");
        assertThat(logIn("una@challenge.example")).isEqualTo(401);

        String solution = solved();
        Response taken = server.client().post("/api/v1/auth/signup", signup("una@challenge.example", solution));
        assertThat(taken.status()).isEqualTo(201);
        Response replayed = server.client().post("/api/v1/auth/signup", signup("dos@challenge.example", solution));
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.json().get("error").asText()).isEqualTo("challenge_replayed");
        assertThat(logIn("dos@challenge.example")).isEqualTo(401);
    }

    @Test
    void the_mailed_sign_up_a_guest_comment_and_a_reset_need_a_solution_on_always_too() {
        settings(Map.of("challenge", "always", "guestComments", "published"));
        Map<String, Object> mailed = new HashMap<>(signup("mailed@challenge.example", null));
        Response mailedWithout = server.client().post("/api/v2/auth/signup", mailed);
        assertThat(mailedWithout.json().get("error").asText()).isEqualTo("challenge_required");
        mailed.put("altcha", solved());
        assertThat(server.client().post("/api/v2/auth/signup", mailed).status()).isEqualTo(202);

        String url = server.baseUrl() + "/news/challenged-guests";
        Map<String, Object> post = new HashMap<>(Map.of("site", "demo", "url", url, "body", "A guest's first word.",
                "guest", Map.of("name", "Gita", "email", "gita@challenge.example")));
        Response guestWithout = server.client().post("/api/v1/comments", post);
        assertThat(guestWithout.status()).isEqualTo(403);
        assertThat(guestWithout.json().get("error").asText()).isEqualTo("challenge_required");
        String solution = solved();
        post.put("altcha", solution);
        assertThat(server.client().post("/api/v1/comments", post).status()).isEqualTo(201);
        Response guestReplayed = server.client().post("/api/v1/comments", post);
        assertThat(guestReplayed.json().get("error").asText()).isEqualTo("challenge_replayed");
        assertThat(thread(url).get("comments")).hasSize(1);

        Map<String, Object> reset = new HashMap<>(Map.of("email", "mailed@challenge.example", "site", "demo"));
        assertThat(server.client().post("/api/v1/auth/password-reset", reset).json().get("error").asText())
                .isEqualTo("challenge_required");
        reset.put("altcha", solved());
        assertThat(server.client().post("/api/v1/auth/password-reset", reset).status()).isEqualTo(202);
    }

    @Test
    void off_asks_for_nothing_and_a_signed_in_reader_posts_without_a_solution() {
        settings(Map.of("challenge", "off", "guestComments", "published"));
        assertThat(server.client().post("/api/v1/auth/signup", signup("free@challenge.example", null)).status())
                .isEqualTo(201);
        settings(Map.of("challenge", "always"));
        ApiClient reader = server.client();
        reader.signUp("signed-in@challenge.example", "Signed In");
        Response posted = reader.post("/api/v1/comments", Map.of("site", "demo",
                "url", server.baseUrl() + "/news/signed-in", "body", "Readers with an account are not asked."));
        assertThat(posted.status()).isEqualTo(201);
    }

    @Test
    void a_filled_honeypot_stores_nothing_refused_with_422_or_answered_as_usual_where_every_address_is() {
        settings(Map.of("challenge", "off", "guestComments", "published"));
        Map<String, Object> bot = new HashMap<>(signup("bot@challenge.example", null));
        bot.put("homepage", "http://spam.invalid/");
        Response instant = server.client().post("/api/v1/auth/signup", bot);
        assertThat(instant.status()).isEqualTo(422);
        assertThat(instant.json().get("error").asText()).isEqualTo("form_refused");
        Response mailed = server.client().post("/api/v2/auth/signup", bot);
        assertThat(mailed.status()).isEqualTo(202);
        assertThat(mailed.json().get("status").asText()).isEqualTo("check_inbox");
        assertThat(logIn("bot@challenge.example")).isEqualTo(401);
        assertThat(server.client().post("/api/v1/auth/signup", signup("bot@challenge.example", null)).status())
                .as("the address is still free").isEqualTo(201);

        String url = server.baseUrl() + "/news/honeypot";
        Response guest = server.client().post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "Buy now.", "homepage", "http://spam.invalid/",
                "guest", Map.of("name", "Bot", "email", "guestbot@challenge.example")));
        assertThat(guest.status()).isEqualTo(422);
        assertThat(guest.json().get("error").asText()).isEqualTo("form_refused");
        assertThat(thread(url).get("comments")).isEmpty();
    }

    @Test
    void the_settings_take_only_their_modes_and_ranges_and_only_from_the_sites_moderators() {
        Response mode = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challenge", "sometimes"));
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.json().get("field").asText()).isEqualTo("challenge");
        Response easy = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challengeComplexity", 10));
        assertThat(easy.json().get("field").asText()).isEqualTo("challengeComplexity");
        Response limit = admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challengeAddressLimit", 0));
        assertThat(limit.json().get("field").asText()).isEqualTo("challengeAddressLimit");

        ApiClient reader = server.client();
        reader.signUp("not-a-moderator@challenge.example", "Reader");
        assertThat(reader.patch("/api/v1/moderation/sites/demo/settings", Map.of("challenge", "off")).status())
                .isEqualTo(403);
        assertThat(server.client().patch("/api/v1/moderation/sites/demo/settings", Map.of("challenge", "off"))
                .status()).isEqualTo(401);
        JsonNode saved = admin.patch("/api/v1/moderation/sites/demo/settings",
                Map.of("challenge", "always", "challengeSiteLimit", 500)).json().get("settings");
        assertThat(saved.get("challenge").asText()).isEqualTo("always");
        assertThat(saved.get("challengeSiteLimit").asInt()).isEqualTo(500);
        assertThat(saved.get("challengeAddressLimit").asInt()).isEqualTo(3);
    }

    private static Response challenge(String site) {
        clock.advance(Duration.ofSeconds(2)); // the address's next turn (one challenge a second)
        return server.client().get("/api/v1/challenge?site=" + site);
    }

    private static String solved() {
        return AltchaSolver.solve(challenge("demo").json());
    }

    private static String wrongNumber(String solution) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getDecoder().decode(solution));
            payload.put("number", payload.get("number").asLong() + 1);
            return Base64.getEncoder().encodeToString(JSON.writeValueAsString(payload)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> signup(String email, String altcha) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", "correct horse battery",
                "displayName", "Person", "site", "demo"));
        if (altcha != null) {
            body.put("altcha", altcha);
        }
        return body;
    }

    private static int logIn(String email) {
        return server.client().post("/api/v1/auth/login", Map.of("email", email,
                "password", "correct horse battery")).status();
    }

    private static JsonNode thread(String url) {
        return server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json();
    }

    private static void settings(Map<String, Object> changes) {
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", changes).status()).isEqualTo(200);
    }
}
