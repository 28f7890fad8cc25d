package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class EventStreamTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    /** Opens a stream and returns a future of the first data line that follows an event line of that name. */
    private static CompletableFuture<String> firstEvent(HttpRequest request, String eventName) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).startsWith(":");
        return CompletableFuture.supplyAsync(() -> {
            try (lines) {
                boolean named = false;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("event: " + eventName)) {
                        named = true;
                    } else if (named && line.startsWith("data: ")) {
                        return line.substring("data: ".length());
                    }
                }
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void a_reader_of_the_thread_hears_a_new_comment_as_it_is_published() throws Exception {
        String url = server.baseUrl() + "/news/live";
        CompletableFuture<String> event = firstEvent(HttpRequest.newBuilder(server.client().uri(
                "/api/v1/stream?site=demo&url=" + ApiClient.encode(url))).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(),
                "comment.published");
        ApiClient writer = server.client();
        writer.signUp("live@stream.example", "Live");
        String id = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "Posted while you were reading.")).json().get("comment").get("id").asText();

        assertThat(event.get(15, TimeUnit.SECONDS)).contains(id).contains("Posted while you were reading.");
    }

    @Test
    void a_moderator_hears_that_a_queue_changed_when_a_comment_is_held() throws Exception {
        var jdbi = server.server().database().jdbi();
        new Accounts(new AccountStore(jdbi), Clock.systemUTC())
                .create("watcher@stream.example", "correct horse battery", "Watcher", Role.ADMIN);
        ApiClient admin = server.client();
        admin.post("/api/v1/auth/login", Map.of("email", "watcher@stream.example", "password", "correct horse battery"));
        String cookie = admin.get("/api/v1/me").status() == 200 ? cookieOf(admin) : null;
        CompletableFuture<String> event = firstEvent(HttpRequest.newBuilder(server.client().uri(
                "/api/v1/moderation/stream?site=demo")).header("Cookie", cookie).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20))
                .build(), "queue.changed");
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true));
        ApiClient writer = server.client();
        writer.signUp("held@stream.example", "Held");
        String id = writer.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", "Please check me first.")).json().get("comment").get("id").asText();
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", false));

        assertThat(event.get(15, TimeUnit.SECONDS)).contains(id).contains("comment.held");
    }

    @Test
    void a_stream_for_an_unknown_site_is_a_json_404_and_the_moderators_stream_needs_a_moderator() {
        Response unknown = server.client().get("/api/v1/stream?site=nosuchsite&url="
                + ApiClient.encode(server.demoArticleUrl()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("site_not_found");
        assertThat(server.client().get("/api/v1/moderation/stream?site=demo").status()).isEqualTo(401);
    }

    private static String cookieOf(ApiClient client) {
        return client.cookieHeader();
    }

    /** The event blocks ("id", "event", "data" lines) of a stream, read until {@code count} have arrived. */
    private static List<Map<String, String>> events(HttpRequest request, int count) throws Exception {
        return events(request, count, null);
    }

    /** The event blocks of a stream, read until {@code count} have arrived or one's data contains {@code text}. */
    private static List<Map<String, String>> events(HttpRequest request, int count, String text) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<Map<String, String>> events = new java.util.ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            Map<String, String> block = new java.util.HashMap<>();
            for (String line = lines.readLine(); line != null && events.size() < count; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (block.containsKey("event")) {
                        events.add(block);
                        if (text != null && block.getOrDefault("data", "").contains(text)) {
                            break;
                        }
                    }
                    block = new java.util.HashMap<>();
                } else if (!line.startsWith(":") && line.contains(": ")) {
                    block.put(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2));
                }
            }
        }
        return events;
    }

    @Test
    void a_reader_who_reconnects_with_the_last_event_id_gets_what_it_missed() throws Exception {
        String url = server.baseUrl() + "/news/reconnect";
        String stream = "/api/v1/stream?site=demo&url=" + ApiClient.encode(url);
        ApiClient writer = server.client();
        writer.signUp("reconnect@stream.example", "Reconnect");
        CompletableFuture<List<Map<String, String>>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return events(HttpRequest.newBuilder(server.client().uri(stream))
                        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(), 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String seen = null;
        for (int attempt = 0; seen == null && attempt < 50; attempt++) {
            // The stream may not be subscribed yet when the first post lands; post until one event arrives.
            writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Heard live, take " + attempt));
            try {
                seen = first.get(200, TimeUnit.MILLISECONDS).get(0).get("id");
            } catch (java.util.concurrent.TimeoutException stillWaiting) {
                seen = null;
            }
        }
        assertThat(seen).isNotNull();
        String missedId = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "Posted while the reader was away.")).json().get("comment").get("id").asText();

        String lastSeen = seen;
        List<Map<String, String>> replayed = CompletableFuture.supplyAsync(() -> {
            try {
                return events(HttpRequest.newBuilder(server.client().uri(stream))
                        .header("Accept", "text/event-stream").header("Last-Event-ID", lastSeen)
                        .timeout(Duration.ofSeconds(20)).build(), 50, missedId);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(15, TimeUnit.SECONDS);

        Map<String, String> last = replayed.get(replayed.size() - 1);
        assertThat(last.get("event")).isEqualTo("comment.published");
        assertThat(last.get("data")).contains(missedId);
        assertThat(replayed).extracting(event -> event.get("id")).doesNotContain(lastSeen);
    }
}
