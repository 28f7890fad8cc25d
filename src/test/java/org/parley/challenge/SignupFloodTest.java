package org.parley.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.AltchaSolver;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * A scripted sign-up flood from one address (issue 14, item 2): four threads sign up as fast as they can for a
 * bounded time and number of tries, solving each challenge with the ALTCHA library as soon as they are asked, on a
 * site with the proof of work on {@code always} and the rate limits off, so that the challenge alone holds them.
 * At most one account a second gets through (one challenge a second per address, each accepted once), and a
 * person at another address, who solves one challenge, signs up in the middle of the flood. It asserts counts,
 * not times; {@code bench/signup-flood.sh} runs it longer ({@code -Dparley.signupflood.seconds}) and keeps the
 * figures it prints.
 */
class SignupFloodTest {

    private static final int FLOODERS = 4;
    private static final int MAX_TRIES = 50_000;
    private static final long FLOOD_MILLIS = Long.getLong("parley.signupflood.seconds", 4) * 1000;
    private static final String FLOODER = "203.0.113.7";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TestServer server = new TestServer(settings -> settings.withRateLimits(false)
            .withTrustProxy(true), Clock.systemUTC());

    @Test
    void a_flood_from_one_address_gets_at_most_one_account_a_second_while_a_person_signs_up() throws Exception {
        new Accounts(new AccountStore(server.server().database().jdbi()), Clock.systemUTC())
                .create("admin@flood.example", "correct horse battery", "Admin", Role.ADMIN);
        ApiClient admin = server.client();
        admin.post("/api/v1/auth/login", Map.of("email", "admin@flood.example", "password", "correct horse battery"));
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challenge", "always")).status())
                .isEqualTo(200);

        AtomicInteger created = new AtomicInteger();
        AtomicInteger challenged = new AtomicInteger();
        AtomicInteger paced = new AtomicInteger();
        AtomicInteger tries = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + FLOOD_MILLIS * 1_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(FLOODERS);
        List<Future<?>> flooders = new ArrayList<>();
        for (int thread = 0; thread < FLOODERS; thread++) {
            int id = thread;
            flooders.add(pool.submit(() -> {
                int n = 0;
                ApiClient client = server.client();
                while (System.nanoTime() < deadline && tries.incrementAndGet() <= MAX_TRIES) {
                    String email = "flood" + id + "-" + n++ + "@flood.example";
                    Response first = signUp(client, FLOODER, email, null);
                    if (first.status() == 201) {
                        created.incrementAndGet();
                        continue;
                    }
                    challenged.incrementAndGet();
                    Response challenge = get(client, FLOODER, "/api/v1/challenge?site=demo");
                    if (challenge.status() == 429) {
                        paced.incrementAndGet();
                        continue;
                    }
                    if (signUp(client, FLOODER, email, AltchaSolver.solve(challenge.json())).status() == 201) {
                        created.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(Math.min(1000, FLOOD_MILLIS / 2));
        ApiClient browser = server.client();
        Response personsChallenge = get(browser, "198.51.100.20", "/api/v1/challenge?site=demo");
        Response person = signUp(browser, "198.51.100.20", "person@flood.example",
                AltchaSolver.solve(personsChallenge.json()));
        for (Future<?> flooder : flooders) {
            flooder.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("signup flood: %d tries from one address in %.1f s, %d accounts (%.2f a second),"
                        + " %d asked for a proof of work, %d challenges refused 429 (one a second), person: %d%n",
                tries.get(), seconds, created.get(), created.get() / seconds, challenged.get(), paced.get(),
                person.status());
        assertThat(person.status()).as("the person's sign-up during the flood").isEqualTo(201);
        assertThat(created.get()).as("accounts from the flood").isPositive()
                .isLessThanOrEqualTo((int) Math.ceil(seconds) + 1);
        assertThat(paced.get()).as("challenges refused for pace").isPositive();
    }

    private static Response signUp(ApiClient client, String address, String email, String altcha) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", "correct horse battery",
                "displayName", "Flood", "site", "demo"));
        if (altcha != null) {
            body.put("altcha", altcha);
        }
        try {
            return client.send(HttpRequest.newBuilder(client.uri("/api/v1/auth/signup"))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response get(ApiClient client, String address, String path) {
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("X-Forwarded-For", address).GET());
    }
}
