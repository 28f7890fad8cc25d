package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;
import org.parley.testing.TickingClock;

/** Followers of a thread: one mail an hour at most about others' new comments, and a one-click unfollow. */
class FollowerMailTest {

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();
    private static final TickingClock clock = server.clock();

    @Test
    void a_follower_gets_one_mail_for_three_comments_within_the_hour_none_for_their_own_none_after_unfollowing() {
        String url = server.baseUrl() + "/news/follow-the-budget";
        ApiClient follower = server.verifiedReader("follower@follow.example", "Fola");
        Response followed = follower.post("/api/v1/me/subscriptions", Map.of("site", "demo", "url", url));
        assertThat(followed.status()).isEqualTo(201);
        assertThat(followed.json().get("subscription").get("url").asText()).isEqualTo(url);
        ApiClient writer = server.client();
        writer.signUp("writer@follow.example", "Wren");

        post(writer, url, "The budget leaves the libraries short again.");
        post(follower, url, "My own remark, which I need no mail about.");
        clock.advance(Duration.ofMinutes(20));
        post(writer, url, "The swimming pool gets its roof at last.");
        post(writer, url, "And the night buses run twice as often.");
        clock.advance(Duration.ofMinutes(41));

        MimeMessage mail = mailbox.awaitSubject("follower@follow.example", "(3)");
        assertThat(Mailbox.subject(mail)).contains("follow-the-budget");
        assertThat(Mailbox.text(mail)).contains("libraries short").contains("swimming pool").contains("night buses")
                .contains("Wren").doesNotContain("My own remark").contains(url);
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        post(follower, url, "Another remark of mine, still no mail.");
        clock.advance(Duration.ofMinutes(61));
        post(writer, url, "One more from the writer, alone in the next mail.");
        clock.advance(Duration.ofMinutes(1));
        MimeMessage next = mailbox.awaitSubject("follower@follow.example", "(1)");
        assertThat(Mailbox.text(next)).contains("alone in the next mail").doesNotContain("libraries short")
                .doesNotContain("Another remark of mine");
        assertThat(followMails("follower@follow.example")).isEqualTo(2);

        String unfollow = Mailbox.link(next, "/account/unfollow?token=");
        assertThat(server.client().get(unfollow).status()).isEqualTo(200);
        Response done = server.client().post(unfollow, Map.of());
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text()).contains("no longer follow");
        assertThat(follower.get("/api/v1/me/subscriptions").json().get("subscriptions")).isEmpty();
        post(writer, url, "Nobody follows this one any more.");
        clock.advance(Duration.ofMinutes(61));
        // A later mail of another kind was sent in a round that queued every due follower's mail first.
        server.verifiedReader("witness@follow.example", "Witness");
        assertThat(followMails("follower@follow.example")).isEqualTo(2);
        assertThat(server.client().post("/account/unfollow?token=forged", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void unverified_readers_get_no_follower_mails() {
        String url = server.baseUrl() + "/news/follow-unverified";
        ApiClient unverified = server.client();
        unverified.signUp("unverified@follow.example", "Una");
        assertThat(unverified.post("/api/v1/me/subscriptions", Map.of("site", "demo", "url", url)).status())
                .isEqualTo(201);
        ApiClient writer = server.client();
        writer.signUp("writer2@follow.example", "Wren Two");
        post(writer, url, "A remark nobody is mailed about.");
        clock.advance(Duration.ofMinutes(61));
        server.verifiedReader("witness2@follow.example", "Witness Two");
        assertThat(followMails("unverified@follow.example")).isZero();
    }

    private static long followMails(String recipient) {
        return new MailQueue(server.jdbi()).listFor(recipient).stream().filter(mail -> mail.kind().equals("follow"))
                .count();
    }

    private static void post(ApiClient author, String url, String body) {
        Response posted = author.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", body));
        assertThat(posted.json().get("status").asText()).isEqualTo("published");
    }
}
