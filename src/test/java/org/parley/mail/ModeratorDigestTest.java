package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.TickingClock;
import org.parley.testing.Response;

/** Moderators' digests: opt-in, staff only, one mail per interval listing everything new in their queues. */
class ModeratorDigestTest {

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();
    private static final TickingClock clock = server.clock();

    private static ApiClient moderator;

    @BeforeAll
    static void moderator() {
        new ModeratorAccess(server.jdbi()).assign(server.account("mod@digest.example", "Mo", Role.READER).id(), "demo");
        moderator = server.signIn("mod@digest.example");
    }

    @Test
    void held_comments_arrive_batched_in_one_digest_per_interval_with_a_one_click_unsubscribe() {
        Response optIn = moderator.patch("/api/v1/me", Map.of("notifyQueue", true));
        assertThat(optIn.status()).isEqualTo(200);
        assertThat(optIn.json().get("user").get("notifyQueue").asBoolean()).isTrue();
        moderator.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true));

        String url = server.baseUrl() + "/news/digest";
        ApiClient writer = server.client();
        writer.signUp("writer@digest.example", "Writer");
        hold(writer, url, "First held thought about the tram line.");
        hold(writer, url, "Second held thought about the bus lanes.");
        clock.advance(Duration.ofMinutes(16));

        MimeMessage first = mailbox.awaitSubject("mod@digest.example", "New in your moderation queues: 2");
        assertThat(Mailbox.text(first)).contains("tram line").contains("bus lanes").contains("held for review")
                .contains(server.baseUrl() + "/admin/");
        assertThat(Mailbox.header(first, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        hold(writer, url, "Third held thought about the cycle paths.");
        clock.advance(Duration.ofMinutes(16));
        MimeMessage second = mailbox.awaitSubject("mod@digest.example", "New in your moderation queues: 1");
        assertThat(Mailbox.text(second)).contains("cycle paths").doesNotContain("tram line");
        assertThat(mailbox.to("mod@digest.example")).hasSize(2);

        String unsubscribe = Mailbox.link(second, "/account/unsubscribe?token=");
        assertThat(server.client().post(unsubscribe, Map.of()).status()).isEqualTo(200);
        assertThat(moderator.get("/api/v1/me").json().get("user").get("notifyQueue").asBoolean()).isFalse();
        moderator.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", false));
    }

    @Test
    void readers_cannot_ask_for_digests() {
        ApiClient reader = server.client();
        reader.signUp("curious@digest.example", "Curious");
        Response refused = reader.patch("/api/v1/me", Map.of("notifyQueue", true));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("not_moderator");
    }

    private static void hold(ApiClient writer, String url, String body) {
        Response posted = writer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", body));
        assertThat(posted.json().get("status").asText()).isEqualTo("pending");
    }
}
