package org.parley.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;
import org.parley.testing.TickingClock;

/** A decision can be appealed for six months (183 days) and no longer; the statement says until when. */
class AppealWindowTest {

    private static final TickingClock clock = new TickingClock();

    @RegisterExtension
    static final TestServer server = new TestServer(settings -> settings.withRateLimits(false), clock);

    @Test
    void an_appeal_is_refused_once_six_months_have_passed_since_the_decision() {
        ApiClient author = server.client();
        author.signUp("late@window.example", "Late");
        Response posted = author.post("/api/v1/comments", Map.of("site", "demo", "url", server.demoArticleUrl(),
                "body", AppealsApiTest.REJECTED_BODY));
        String commentId = posted.json().get("comment").get("id").asText();
        String openUntil = author.get("/api/v1/comments/" + commentId + "/statement").json().get("statement")
                .get("redress").get("appeal").get("openUntil").asText();

        clock.advance(Duration.ofDays(184));
        ApiClient later = server.client();
        assertThat(later.post("/api/v1/auth/login", Map.of("email", "late@window.example",
                "password", "correct horse battery")).status()).isEqualTo(200);
        assertThat(later.get("/api/v1/comments/" + commentId + "/statement").json().get("statement")
                .get("redress").get("appeal").get("open").asBoolean()).isFalse();
        Response refused = later.post("/api/v1/appeals", Map.of("commentId", commentId, "reason", "Too late?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asText()).isEqualTo("appeal_window_closed");
        assertThat(openUntil).isLessThan(clock.instant().toString());
    }
}
