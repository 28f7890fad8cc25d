package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.TickingClock;
import org.parley.testing.Response;

/** Account mail through a real SMTP server: verification, password reset, reply notices and unsubscribing. */
class AccountMailTest {

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();
    private static final TickingClock clock = server.clock();

    @Test
    void sign_up_mails_a_link_that_verifies_the_address() {
        ApiClient reader = server.client();
        JsonNode user = reader.signUp("verify@mail.example", "Vera");
        assertThat(user.get("emailVerified").asBoolean()).isFalse();

        MimeMessage mail = mailbox.awaitSubject("verify@mail.example", "Confirm your e-mail address");
        assertThat(Mailbox.text(mail)).startsWith("Hello Vera,");
        assertThat(Mailbox.header(mail, "List-Unsubscribe")).isNull();
        String link = Mailbox.link(mail, "/account/verify?token=");

        Response page = server.client().get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");

        Response verified = server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link)));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("user").get("emailVerified").asBoolean()).isTrue();
        assertThat(reader.get("/api/v1/me").json().get("user").get("emailVerified").asBoolean()).isTrue();

        Response forged = server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link) + "x"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("error").asText()).isEqualTo("token_invalid");
        assertThat(forged.json().get("field").asText()).isEqualTo("token");
    }

    @Test
    void resending_the_verification_sends_a_second_link() {
        ApiClient reader = server.client();
        reader.signUp("again@mail.example", "Again");
        mailbox.awaitSubject("again@mail.example", "Confirm");
        assertThat(reader.post("/api/v1/auth/verify/resend", Map.of()).status()).isEqualTo(202);
        mailbox.await("again@mail.example", message -> mailbox.to("again@mail.example").size() == 2);
    }

    @Test
    void a_reset_answers_202_for_any_address_mails_only_accounts_and_its_link_works_once() {
        ApiClient reader = server.client();
        reader.signUp("forgetful@mail.example", "Forgetful");

        Response unknown = server.client().post("/api/v1/auth/password-reset", Map.of("email", "nobody@mail.example"));
        Response known = server.client().post("/api/v1/auth/password-reset", Map.of("email", "Forgetful@mail.example"));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.text()).isEqualTo(known.text());

        MimeMessage mail = mailbox.awaitSubject("forgetful@mail.example", "Choose a new password");
        assertThat(new MailQueue(server.jdbi()).listFor("nobody@mail.example")).isEmpty();
        assertThat(mailbox.to("nobody@mail.example")).isEmpty();
        String link = Mailbox.link(mail, "/account/reset?token=");
        assertThat(server.client().get(link).status()).isEqualTo(200);

        Response confirmed = server.client().post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(link), "password", "a brand new passphrase"));
        assertThat(confirmed.status()).isEqualTo(204);
        assertThat(reader.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(server.client().post("/api/v1/auth/login",
                Map.of("email", "forgetful@mail.example", "password", "a brand new passphrase")).status())
                .isEqualTo(200);

        Response again = server.client().post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(link), "password", "yet another passphrase"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asText()).isEqualTo("token_invalid");
    }

    @Test
    void a_reset_link_expires_after_an_hour() {
        server.client().signUp("late@mail.example", "Late");
        server.client().post("/api/v1/auth/password-reset", Map.of("email", "late@mail.example"));
        String link = Mailbox.link(mailbox.awaitSubject("late@mail.example", "Choose a new password"),
                "/account/reset?token=");
        clock.advance(Duration.ofMinutes(61));
        Response expired = server.client().post("/api/v1/auth/password-reset/confirm",
                Map.of("token", Mailbox.token(link), "password", "a brand new passphrase"));
        assertThat(expired.status()).isEqualTo(400);
    }

    @Test
    void a_published_reply_mails_the_reader_who_opted_in_with_a_one_click_unsubscribe() throws Exception {
        ApiClient author = verifiedReader("author@mail.example", "Author");
        JsonNode me = author.patch("/api/v1/me", Map.of("notifyReplies", true)).json();
        assertThat(me.get("user").get("notifyReplies").asBoolean()).isTrue();
        assertThat(author.get("/api/v1/me").json().get("user").get("notifyReplies").asBoolean()).isTrue();
        String url = server.baseUrl() + "/news/replies";
        String parent = post(author, url, null, "The council should publish its budget.");
        post(author, url, parent, "Answering myself does not mail me.");

        ApiClient replier = server.client();
        replier.signUp("replier@mail.example", "Replier");
        post(replier, url, parent, "It did, on page four of the annex.");

        MimeMessage mail = mailbox.awaitSubject("author@mail.example", "Replier replied to your comment");
        assertThat(Mailbox.text(mail)).contains("It did, on page four of the annex.").contains(url)
                .doesNotContain("Answering myself");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = Mailbox.header(mail, "List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<" + server.baseUrl() + "/account/unsubscribe?token=");

        HttpResponse<String> oneClick = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).as("English, marked for the account pages' script to translate")
                .contains("no more mails about replies", "data-i18n=\"unsubscribed.replies\"", "/account/account.js");
        assertThat(author.get("/api/v1/me").json().get("user").get("notifyReplies").asBoolean()).isFalse();
    }

    @Test
    void a_held_reply_mails_the_reader_when_a_moderator_approves_it() {
        ApiClient author = verifiedReader("patient@mail.example", "Patient");
        author.patch("/api/v1/me", Map.of("notifyReplies", true));
        String url = server.baseUrl() + "/news/held-replies";
        String parent = post(author, url, null, "Which roads close during the marathon?");

        server.admin().patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true));
        ApiClient replier = server.client();
        replier.signUp("runner@mail.example", "Runner");
        Response held = replier.post("/api/v1/comments", Map.of("site", "demo", "url", url, "parentId", parent,
                "body", "The river road, from six until noon."));
        server.admin().patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", false));
        assertThat(held.json().get("status").asText()).isEqualTo("pending");
        assertThat(new MailQueue(server.jdbi()).listFor("patient@mail.example"))
                .extracting(MailQueue.Entry::kind).containsOnly("verify");

        String replyId = held.json().get("comment").get("id").asText();
        assertThat(server.admin().post("/api/v1/moderation/comments/" + replyId + "/decision",
                Map.of("action", "approve")).status()).isEqualTo(200);
        MimeMessage mail = mailbox.awaitSubject("patient@mail.example", "Runner replied to your comment");
        assertThat(Mailbox.text(mail)).contains("The river road, from six until noon.");
    }

    @Test
    void an_unsubscribe_page_offers_a_form_and_a_bad_link_is_refused() {
        Response page = server.client().get("/account/unsubscribe?token=whatever");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<form method=\"post\">");
        Response refused = server.client().post("/account/unsubscribe?token=whatever", Map.of());
        assertThat(refused.status()).isEqualTo(400);
    }

    /** A signed-up reader who opened the verification link. */
    static ApiClient verifiedReader(String email, String name) {
        ApiClient reader = server.client();
        reader.signUp(email, name);
        String link = Mailbox.link(mailbox.awaitSubject(email, "Confirm"), "/account/verify?token=");
        assertThat(server.client().post("/api/v1/auth/verify", Map.of("token", Mailbox.token(link))).status())
                .isEqualTo(200);
        return reader;
    }

    private static String post(ApiClient client, String url, String parentId, String body) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("site", "demo", "url", url, "body", body));
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        Response response = client.post("/api/v1/comments", request);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("status").asText()).isEqualTo("published");
        return response.json().get("comment").get("id").asText();
    }
}
