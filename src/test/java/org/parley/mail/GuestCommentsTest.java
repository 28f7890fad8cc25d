package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;

/**
 * Guest comments: off by default, held for a moderator when the site says {@code pending}, the address never in
 * public answers, and claimed by the reader who later signs up with it and verifies it.
 */
class GuestCommentsTest {

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();

    @Test
    void guest_comments_are_off_by_default_and_a_guest_post_is_then_401() {
        String url = server.baseUrl() + "/news/no-guests";
        assertThat(thread(url).get("site").get("guests").asBoolean()).isFalse();
        Response refused = guestPost(url, "Gus", "gus@guest.example", "May I?");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("error").asText()).isEqualTo("not_signed_in");
    }

    @Test
    void a_guest_post_passes_the_pipeline_waits_as_pending_and_is_published_on_approval() {
        setGuests("pending");
        try {
            String url = server.baseUrl() + "/news/guests";
            assertThat(thread(url).get("site").get("guests").asBoolean()).isTrue();

            Response posted = guestPost(url, "Greta Guest", "greta@guest.example", "The bridge repairs took long.");
            assertThat(posted.status()).isEqualTo(201);
            assertThat(posted.json().get("status").asText()).isEqualTo("pending");
            assertThat(posted.json().get("reasons").get(0).get("code").asText()).isEqualTo("user.guest");
            String id = posted.json().get("comment").get("id").asText();
            assertThat(posted.text()).doesNotContain("greta@guest.example");

            Response banned = guestPost(url, "Greta Guest", "greta@guest.example", "");
            assertThat(banned.status()).isEqualTo(422);

            JsonNode queue = server.admin().get("/api/v1/moderation/queue?site=demo&queue=pending").json();
            assertThat(queue.toString()).contains(id);
            assertThat(server.admin().post("/api/v1/moderation/comments/" + id + "/decision",
                    Map.of("action", "approve")).status()).isEqualTo(200);

            JsonNode thread = thread(url);
            assertThat(thread.get("comments")).hasSize(1);
            assertThat(thread.get("comments").get(0).get("author").get("displayName").asText())
                    .isEqualTo("Greta Guest");
            assertThat(thread.toString()).doesNotContain("greta@guest.example").doesNotContain("(guest)");

            Response edit = server.client().patch("/api/v1/comments/" + id, Map.of("body", "Changed."));
            assertThat(edit.status()).isEqualTo(401);
        } finally {
            setGuests("off");
        }
    }

    @Test
    void a_guest_with_a_bad_address_is_400_and_nothing_is_stored() {
        setGuests("published");
        try {
            String url = server.baseUrl() + "/news/bad-guest";
            Response bad = guestPost(url, "Nemo", "not-an-address", "Hello.");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("field").asText()).isEqualTo("email");
            Response published = guestPost(url, "Nemo", "nemo@guest.example", "Hello from a guest.");
            assertThat(published.json().get("status").asText()).isEqualTo("published");
            assertThat(thread(url).get("comments")).hasSize(1);
        } finally {
            setGuests("off");
        }
    }

    @Test
    void a_reader_who_signs_up_with_a_guest_address_and_verifies_it_claims_the_guest_comments() {
        setGuests("published");
        String url = server.baseUrl() + "/news/claims";
        String id;
        try {
            Response posted = guestPost(url, "Clara", "clara@guest.example", "I wrote this before I had an account.");
            id = posted.json().get("comment").get("id").asText();
        } finally {
            setGuests("off");
        }
        String guestId = thread(url).get("comments").get(0).get("author").get("id").asText();

        ApiClient clara = server.client();
        String accountId = clara.signUp("Clara@guest.example", "Clara Reader").get("id").asText();
        assertThat(thread(url).get("comments").get(0).get("author").get("id").asText()).isEqualTo(guestId);

        String link = Mailbox.link(mailbox.awaitSubject("clara@guest.example", "Confirm"), "/account/verify?token=");
        assertThat(server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link))).status())
                .isEqualTo(200);

        JsonNode comment = thread(url).get("comments").get(0);
        assertThat(comment.get("id").asText()).isEqualTo(id);
        assertThat(comment.get("author").get("id").asText()).isEqualTo(accountId);
        assertThat(comment.get("author").get("displayName").asText()).isEqualTo("Clara Reader");
    }

    @Test
    void guest_comments_take_only_off_pending_or_published() {
        Response wrong = server.admin().patch("/api/v1/moderation/sites/demo/settings",
                Map.of("guestComments", "always"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("field").asText()).isEqualTo("guestComments");
    }

    private static void setGuests(String mode) {
        Response changed = server.admin().patch("/api/v1/moderation/sites/demo/settings",
                Map.of("guestComments", mode));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().toString()).contains("\"guestComments\":\"" + mode + "\"");
    }

    private static Response guestPost(String url, String name, String email, String body) {
        return server.client().post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", body,
                "guest", Map.of("name", name, "email", email)));
    }

    private static JsonNode thread(String url) {
        return server.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(url)).json();
    }
}
