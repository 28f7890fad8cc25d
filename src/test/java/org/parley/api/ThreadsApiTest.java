package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class ThreadsApiTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static ApiClient writer;

    @BeforeAll
    static void signUp() {
        writer = server.client();
        writer.signUp("writer@threads.example", "Writer");
    }

    private static String threadPath(String url, String extra) {
        return "/api/v1/threads?site=demo&url=" + ApiClient.encode(url) + extra;
    }

    @Test
    void the_demo_article_has_a_thread_with_site_guidelines_story_and_nested_comments() {
        Response response = server.client().get(threadPath(server.demoArticleUrl(), ""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode json = response.json();
        assertThat(json.get("site").get("id").asText()).isEqualTo("demo");
        assertThat(json.get("site").get("guidelines").asText()).startsWith("Comments are a resource for other readers.");
        JsonNode story = json.get("story");
        assertThat(story.get("id").asText()).isNotBlank();
        assertThat(story.get("site").asText()).isEqualTo("demo");
        assertThat(story.get("url").asText()).isEqualTo(server.demoArticleUrl());
        assertThat(story.get("title").asText()).isNotBlank();
        assertThat(story.get("status").asText()).isEqualTo("open");
        assertThat(story.get("commentCount").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(json.get("comments").size()).isGreaterThanOrEqualTo(3);
        assertThat(json.has("nextCursor")).isTrue();
        boolean anyReplies = false;
        for (JsonNode comment : json.get("comments")) {
            anyReplies |= comment.get("replies").size() > 0;
        }
        assertThat(anyReplies).isTrue();
    }

    @Test
    void a_thread_is_paged_by_cursor_with_every_top_level_comment_once() {
        String url = server.baseUrl() + "/news/paged";
        for (int i = 0; i < 5; i++) {
            writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Numbered remark " + i));
        }
        Set<String> seen = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = server.client().get(threadPath(url, "&sort=oldest&limit=2" + cursor)).json();
            page.get("comments").forEach(comment -> assertThat(seen.add(comment.get("id").asText())).isTrue());
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void bad_parameters_are_400_naming_the_field() {
        ApiClient reader = server.client();
        assertThat(reader.get("/api/v1/threads?site=demo").json().get("field").asText()).isEqualTo("url");
        assertThat(reader.get(threadPath(server.demoArticleUrl(), "&limit=201")).json().get("field").asText())
                .isEqualTo("limit");
        assertThat(reader.get(threadPath(server.demoArticleUrl(), "&sort=loudest")).json().get("field").asText())
                .isEqualTo("sort");
        assertThat(reader.get(threadPath(server.demoArticleUrl(), "&cursor=forged")).status()).isEqualTo(400);
        assertThat(reader.get(threadPath("ftp://files.example/x", "")).status()).isEqualTo(400);
    }

    @Test
    void an_unchanged_thread_answers_304_to_its_etag_and_a_new_comment_changes_it() {
        String url = server.baseUrl() + "/news/etag";
        Response first = server.client().get(threadPath(url, ""));
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        Response again = server.client().send(HttpRequest.newBuilder(server.client().uri(threadPath(url, "")))
                .header("If-None-Match", etag).GET());
        assertThat(again.status()).isEqualTo(304);

        writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "A change."));
        Response changed = server.client().send(HttpRequest.newBuilder(server.client().uri(threadPath(url, "")))
                .header("If-None-Match", etag).GET());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("comments")).hasSize(1);
    }

    @Test
    void large_threads_are_sent_gzipped_to_clients_that_accept_it() throws IOException {
        Response response = server.client().send(HttpRequest.newBuilder(
                        server.client().uri(threadPath(server.demoArticleUrl(), ""))).header("Accept-Encoding", "gzip")
                .GET());
        assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes())).contains("\"story\"");
        }
    }

    @Test
    void a_cached_read_answers_exactly_as_the_first_read_did() {
        String url = server.baseUrl() + "/news/cached";
        writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Cached " + "words ".repeat(300)));
        String etag = server.client().get(threadPath(url, "&sort=oldest")).header("ETag");
        List<Map<String, String>> variants = List.of(Map.of(), Map.of("Accept-Encoding", "gzip"),
                Map.of("Origin", server.baseUrl()), Map.of("Origin", "https://attacker.example"),
                Map.of("If-None-Match", etag));
        int variant = 0;
        for (Map<String, String> headers : variants) {
            // A query string not asked before reaches ThreadsApi; the same again is a hit for ThreadHits.
            String path = threadPath(url, "&sort=oldest&variant=" + variant++);
            Response first = sendWith(path, headers);
            Response again = sendWith(path, headers);
            assertThat(again.status()).as("status with %s", headers).isEqualTo(first.status());
            assertThat(withoutDate(again.headers())).as("headers with %s", headers)
                    .isEqualTo(withoutDate(first.headers()));
            assertThat(again.body()).as("body with %s", headers).isEqualTo(first.body());
        }
        assertThat(server.client().get("/metrics").text())
                .contains("route=\"/api/v1/threads\",status=\"200\"")
                .contains("route=\"/api/v1/threads\",status=\"304\"");
    }

    private static Response sendWith(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.client().uri(path)).GET();
        headers.forEach(request::header);
        return server.client().send(request);
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> rest = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rest.putAll(headers);
        rest.remove("Date");
        return rest;
    }

    @Test
    void counts_answer_for_many_urls_at_once_with_zero_for_unknown_ones() {
        String url = server.baseUrl() + "/news/counted";
        writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Counted."));
        String unknown = server.baseUrl() + "/news/never-commented";
        Response response = server.client().get("/api/v1/counts?site=demo&url=" + ApiClient.encode(url)
                + "&url=" + ApiClient.encode(unknown));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("counts").get(url).asLong()).isEqualTo(1);
        assertThat(response.json().get("counts").get(unknown).asLong()).isZero();
    }

    @Test
    void viewer_needs_a_session() {
        assertThat(server.client().get("/api/v1/threads/viewer?site=demo&url=" + ApiClient.encode(
                server.demoArticleUrl())).status()).isEqualTo(401);
    }

    @Test
    void an_unknown_api_route_is_a_json_404() {
        Response response = server.client().get("/api/v1/nothing-here");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("error").asText()).isEqualTo("not_found");
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void health_answers_ok_and_metrics_speak_prometheus() {
        Response health = server.client().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        Response metrics = server.client().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void cors_admits_the_sites_origins_with_credentials_and_no_others() {
        String allowed = server.baseUrl();
        Response preflight = server.client().send(HttpRequest.newBuilder(server.client().uri("/api/v1/comments"))
                .header("Origin", allowed)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(allowed);
        assertThat(preflight.headers().get("access-control-allow-origin")).as("browsers refuse a doubled header")
                .hasSize(1);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("X-Parley-CSRF");

        Response foreign = server.client().send(HttpRequest.newBuilder(server.client().uri("/api/v1/counts?site=demo"
                + "&url=" + ApiClient.encode(allowed + "/"))).header("Origin", "https://attacker.example").GET());
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void the_demo_article_page_carries_its_canonical_url_and_the_widget_script_tag() {
        Response page = server.client().get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.text()).contains("<link rel=\"canonical\" href=\"" + server.demoArticleUrl() + "\"")
                .contains("data-parley-site=\"demo\"").contains("id=\"parley-thread\"");
    }
}
