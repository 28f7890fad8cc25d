package org.parley.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

class RateLimitsTest {

    @RegisterExtension
    static final TestServer server = new TestServer(settings -> settings.withRateLimits(true), Clock.systemUTC());

    @Test
    void repeated_failed_log_ins_for_one_email_are_429_with_retry_after() {
        ApiClient client = server.client();
        Response last = null;
        for (int attempt = 0; attempt < 11; attempt++) {
            last = client.post("/api/v1/auth/login",
                    Map.of("email", "target@limits.example", "password", "guess number " + attempt));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("error").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }

    @Test
    void a_reader_posting_in_a_burst_is_slowed_down() {
        ApiClient reader = server.client();
        reader.signUp("burst@limits.example", "Burst");
        int created = 0;
        Response last = null;
        for (int i = 0; i < 12; i++) {
            last = reader.post("/api/v1/comments", Map.of("site", "demo", "url", server.baseUrl() + "/burst",
                    "body", "Remark " + i));
            if (last.status() == 201) {
                created++;
            }
        }
        assertThat(created).isEqualTo(10);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    /** Notices need no sign-in, so the address is what limits a flood of them (and of their receipts). */
    @Test
    void an_address_sending_notices_in_a_flood_is_stopped_after_ten() {
        ApiClient author = server.client();
        author.signUp("notified@limits.example", "Notified");
        String commentId = author.post("/api/v1/comments", Map.of("site", "demo", "url", server.baseUrl()
                + "/notices", "body", "A remark someone notifies again and again.")).json().get("comment").get("id")
                .asText();
        ApiClient flooder = server.client();
        int accepted = 0;
        Response last = null;
        for (int i = 0; i < 11; i++) {
            last = flooder.post("/api/v1/notices", Map.of("commentId", commentId, "category", "other_illegal",
                    "explanation", "Notice number " + i + ".", "name", "Flood", "email", "flood" + i
                    + "@limits.example", "goodFaith", true));
            if (last.status() == 201) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("message").asText()).contains("notices from this network address");
    }
}
