package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue 15, item 7: cached thread reads answered by {@link ThreadHits} ahead of Javalin behave as Javalin's route
 * did: gzip when accepted, 304 without a body, timed in the metrics, dropped on a new comment, and everything
 * that is not a signed-out read of a cached page (other methods, other routes, misses, signed-in readers) still
 * reaches Javalin.
 */
class ThreadHitsTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static String threadPath(String url) {
        return "/api/v1/threads?site=demo&url=" + ApiClient.encode(url) + "&sort=oldest";
    }

    private static ApiClient writer(String email) {
        ApiClient writer = server.client();
        writer.signUp(email, "Writer");
        return writer;
    }

    private static Response send(String path, String header, String value) {
        return server.client().send(HttpRequest.newBuilder(server.client().uri(path)).header(header, value).GET());
    }

    @Test
    void a_hit_sends_the_gzip_copy_to_clients_that_accept_it_and_the_plain_bytes_to_others() throws IOException {
        String url = server.baseUrl() + "/news/hits-gzip";
        writer("gzip@hits.example").post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "A remark long enough to be worth compressing. " + "More words. ".repeat(120)));
        server.client().get(threadPath(url)); // the miss that fills the cache

        Response plain = server.client().get(threadPath(url));
        Response gzip = send(threadPath(url), "Accept-Encoding", "gzip");

        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.headers().get("Vary")).containsExactly("Origin", "Accept-Encoding");
        assertThat(gzip.header("Content-Length")).isEqualTo(Integer.toString(gzip.body().length));
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(plain.json().get("comments")).hasSize(1);
    }

    @Test
    void a_hit_for_a_known_etag_is_304_without_a_body_and_is_timed_like_every_request() {
        String url = server.baseUrl() + "/news/hits-etag";
        String etag = server.client().get(threadPath(url)).header("ETag");
        double before200 = count(200);
        double before304 = count(304);

        Response notModified = send(threadPath(url), "If-None-Match", etag);
        Response again = server.client().get(threadPath(url));

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("Content-Type")).isNull();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(count(304)).isEqualTo(before304 + 1);
        assertThat(count(200)).isGreaterThanOrEqualTo(before200 + 1);
    }

    @Test
    void a_new_comment_drops_the_cached_page_so_the_next_read_shows_it() {
        String url = server.baseUrl() + "/news/hits-invalidated";
        ApiClient writer = writer("invalidated@hits.example");
        writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "The first remark."));
        server.client().get(threadPath(url));
        Response hit = server.client().get(threadPath(url));
        assertThat(hit.json().get("comments")).hasSize(1);

        writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "The second remark."));
        Response after = server.client().get(threadPath(url));

        assertThat(after.json().get("comments")).hasSize(2);
        assertThat(after.header("ETag")).isNotEqualTo(hit.header("ETag"));
    }

    @Test
    void a_signed_in_reader_with_a_held_comment_sees_it_though_the_page_is_cached() {
        ApiClient admin = admin();
        String url = server.baseUrl() + "/news/hits-held";
        ApiClient writer = writer("held@hits.example");
        admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true));
        try {
            assertThat(writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", "Held back."))
                    .json().get("status").asText()).isEqualTo("pending");
        } finally {
            admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", false));
        }
        server.client().get(threadPath(url));
        assertThat(server.client().get(threadPath(url)).json().get("comments")).isEmpty();

        Response own = writer.get(threadPath(url));

        assertThat(own.json().get("comments")).hasSize(1);
        assertThat(own.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void other_methods_and_routes_on_the_same_query_still_reach_javalin() {
        String url = server.baseUrl() + "/news/hits-routes";
        String query = threadPath(url).substring("/api/v1/threads".length());
        server.client().get(threadPath(url));
        server.client().get(threadPath(url));

        Response post = server.client().post(threadPath(url), Map.of());
        Response viewer = server.client().get("/api/v1/threads/viewer" + query);
        Response unknown = server.client().get("/api/v1/threadsx" + query);

        assertThat(post.status()).isIn(404, 405);
        assertThat(post.json().get("error").asText()).isNotBlank();
        assertThat(viewer.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("not_found");
    }

    private static ApiClient admin() {
        var jdbi = server.server().database().jdbi();
        new Accounts(new AccountStore(jdbi), Clock.systemUTC())
                .create("admin@hits.example", "correct horse battery", "Admin", Role.ADMIN);
        ApiClient admin = server.client();
        assertThat(admin.post("/api/v1/auth/login",
                Map.of("email", "admin@hits.example", "password", "correct horse battery")).status()).isEqualTo(200);
        return admin;
    }

    /** The number of timed GET /api/v1/threads requests with {@code status}, from /metrics (0 if none yet). */
    private static double count(int status) {
        String metrics = server.client().get("/metrics").text();
        Matcher matcher = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*route=\"/api/v1/threads\""
                + ",status=\"" + status + "\"[^}]*\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
