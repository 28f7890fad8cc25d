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
}
