package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.TestServer;

/** Issue 5, item 3: after posts, /metrics shows what the pipeline decided, its time, the queues and latencies. */
class MetricsTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static double value(String metrics, String seriesPrefix) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(seriesPrefix) + "\\S* (\\S+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(matcher.find()).as("a series starting with " + seriesPrefix).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void metrics_count_comments_by_status_and_nudges_time_the_classifier_size_the_queues_and_bucket_latencies() {
        ApiClient ada = server.client();
        ada.signUp("ada@metrics.example", "Ada");
        String url = server.baseUrl() + "/news/metrics";
        String before = server.client().get("/metrics").text();
        double publishedBefore = value(before, "parley_comments_judged_total{status=\"published\"");

        assertThat(ada.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "The bridge plan deserves a second look.")).status()).isEqualTo(201);
        assertThat(ada.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "That is a stupid argument.")).status()).isEqualTo(422);
        assertThat(ada.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "That is a stupid argument.", "revised", true)).status()).isEqualTo(201);

        String metrics = server.client().get("/metrics").text();
        assertThat(value(metrics, "parley_comments_judged_total{status=\"published\"")).isEqualTo(publishedBefore + 1);
        assertThat(value(metrics, "parley_comments_judged_total{status=\"pending\"")
                + value(metrics, "parley_comments_judged_total{status=\"rejected\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "parley_comments_nudged_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "parley_classifier_seconds_count")).isGreaterThanOrEqualTo(3);
        assertThat(metrics).contains("parley_classifier_seconds_bucket{le=");
        assertThat(metrics).containsPattern("parley_moderation_queue_size\\{queue=\"pending\",site=\"demo\"\\} \\d");
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/api/v1/comments\"[^}]*\\} \\d");
        assertThat(metrics).contains("parley_sse_streams").contains("hikaricp_connections");
    }
}
