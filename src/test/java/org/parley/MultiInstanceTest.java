package org.parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestPostgres;

/**
 * Two instances on one PostgreSQL database, as behind a load balancer: what is written through one reaches the
 * other's live stream and its cached thread, and a client's requests count against one rate limit whichever
 * instance takes them. Always on PostgreSQL (SQLite serves one instance).
 */
class MultiInstanceTest {

    private Server a;
    private Server b;

    @BeforeEach
    void startTwoInstances() throws Exception {
        String url = TestPostgres.cluster().newDatabase();
        a = Server.start(settings(url, Files.createTempDirectory("parley-a-")), Clock.systemUTC());
        b = Server.start(settings(url, Files.createTempDirectory("parley-b-")), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    private static Settings settings(String url, Path dataDir) {
        return Settings.builder().host("127.0.0.1").port(0).dataDir(dataDir)
                .database(url, TestPostgres.cluster().user(), TestPostgres.cluster().password())
                .rateLimits(true).build();
    }

    @Test
    void a_comment_posted_on_one_instance_reaches_the_others_stream_and_cached_thread() throws Exception {
        ApiClient onA = new ApiClient(a.publicUrl());
        ApiClient onB = new ApiClient(b.publicUrl());
        String article = a.publicUrl() + "/news/shared";
        String threadPath = "/api/v1/threads?site=demo&url=" + ApiClient.encode(article);
        assertThat(onB.get(threadPath).json().get("comments")).isEmpty();

        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(onB.uri(
                        "/api/v1/stream?site=demo&url=" + ApiClient.encode(article)))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).startsWith(":");
        CompletableFuture<String> published = CompletableFuture.supplyAsync(() -> {
            try (lines) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data: ") && line.contains("Written on A")) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        onA.signUp("writer@instances.example", "Writer");
        String id = onA.post("/api/v1/comments", Map.of("site", "demo", "url", article, "body", "Written on A."))
                .json().get("comment").get("id").asText();

        assertThat(published.get(10, TimeUnit.SECONDS)).contains(id);
        assertThat(onB.get(threadPath).json().get("comments").get(0).get("id").asText()).isEqualTo(id);
    }

    /** Log-ins for one address allow 10 attempts in 10 minutes: split over two instances, still 10, not 20. */
    @Test
    void a_flood_split_over_two_instances_meets_one_limit() {
        ApiClient onA = new ApiClient(a.publicUrl());
        ApiClient onB = new ApiClient(b.publicUrl());
        int refused = 0;
        int judged = 0;
        Response last = null;
        for (int attempt = 0; attempt < 14; attempt++) {
            last = (attempt % 2 == 0 ? onA : onB).post("/api/v1/auth/login",
                    Map.of("email", "target@instances.example", "password", "guess number " + attempt));
            if (last.status() == 429) {
                refused++;
            } else {
                assertThat(last.status()).isEqualTo(401);
                judged++;
            }
        }
        assertThat(judged).isEqualTo(10);
        assertThat(refused).isEqualTo(4);
        assertThat(last.json().get("message").asText()).contains("log-in attempts for this e-mail address");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }
}
