package org.parley.notice;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Role;
import org.parley.mail.LinkTokens;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;

/**
 * Issue 13 (notice and action): a signed-out reader's notice is acknowledged by mail, reaches the site's notices
 * queue, and its notifier hears the decision, its reasons and the link to contest it, through a real SMTP server
 * and in the site's language.
 */
class NoticeMailTest {

    private static final String TURKISH = "https://haber.example";

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();
    private static ApiClient moderator;

    @BeforeAll
    static void setUp() {
        assertThat(server.admin().post("/api/v1/admin/sites", Map.of("id", "haber", "name", "Haber",
                "origins", List.of(TURKISH), "language", "tr")).status()).isEqualTo(201);
        String id = server.account("moderator@notices.example", "Mira", Role.READER).id();
        new ModeratorAccess(server.jdbi()).assign(id, "demo");
        new ModeratorAccess(server.jdbi()).assign(id, "haber");
        moderator = server.signIn("moderator@notices.example");
    }

    private static String comment(String site, String url, String body) {
        ApiClient author = server.client();
        author.signUp("author-" + Math.abs(body.hashCode()) + "@notices.example", "Author");
        Response posted = author.post("/api/v1/comments", Map.of("site", site, "url", url, "body", body,
                "title", "The market"));
        assertThat(posted.json().get("status").asText()).as(posted.toString()).isEqualTo("published");
        return posted.json().get("comment").get("id").asText();
    }

    private static String notice(String commentId, String email) {
        Response sent = server.client().post("/api/v1/notices", Map.of("commentId", commentId,
                "category", "defamation", "explanation", "It says the baker sells stolen flour, which is untrue.",
                "name", "Nora", "email", email, "goodFaith", true));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.json().get("notice").get("id").asText();
    }

    @Test
    void a_signed_out_notifier_gets_a_receipt_then_the_decision_with_its_reasons_and_the_appeal_link() {
        String commentId = comment("demo", server.baseUrl() + "/news/market", "The baker sells stolen flour.");
        String id = notice(commentId, "nora@notifier.example");

        MimeMessage receipt = mailbox.awaitSubject("nora@notifier.example", "We received your notice " + id);
        assertThat(Mailbox.text(receipt)).startsWith("Hello Nora,").contains("Legal category: Defamation",
                "The baker sells stolen flour.");

        Response queue = moderator.get("/api/v1/moderation/notices?site=demo");
        assertThat(queue.json().get("notices").toString()).contains(id);
        Instant before = Instant.now();
        assertThat(moderator.post("/api/v1/moderation/notices/" + id + "/decision", Map.of("action", "remove",
                "reason", "An unproven accusation of a crime against a named person.")).status()).isEqualTo(200);

        MimeMessage outcome = mailbox.awaitSubject("nora@notifier.example", "Our decision on your notice " + id);
        assertThat(Mailbox.text(outcome)).contains("Decision: the comment has been removed",
                "Reasons: An unproven accusation of a crime against a named person.", "within six months");
        String token = Mailbox.token(Mailbox.link(outcome, "/account/appeal?token="));
        LinkTokens tokens = LinkTokens.load(server.jdbi(), Instant.now());
        assertThat(tokens.check(token, "notice-appeal", before)).contains(List.of(id));
        assertThat(tokens.check(token, "notice-appeal", before.plus(NoticeMails.APPEAL_WINDOW).plusSeconds(60)))
                .isEmpty();
    }

    @Test
    void a_notice_on_a_turkish_site_is_answered_in_turkish() {
        String commentId = comment("haber", TURKISH + "/pazar", "Fırıncı çalıntı un satıyor.");
        String id = notice(commentId, "nur@notifier.example");
        MimeMessage receipt = mailbox.awaitSubject("nur@notifier.example", id + " numaralı bildiriminizi aldık");
        assertThat(Mailbox.text(receipt)).startsWith("Merhaba Nora,").contains("Hukuki kategori: Hakaret");
        assertThat(moderator.post("/api/v1/moderation/notices/" + id + "/decision", Map.of("action", "dismiss",
                "reason", "Eleştiri, suçlama değil.")).status()).isEqualTo(200);
        MimeMessage outcome = mailbox.awaitSubject("nur@notifier.example", "bildiriminiz hakkındaki kararımız");
        assertThat(Mailbox.text(outcome)).contains("yorum yerinde kalıyor", "Eleştiri, suçlama değil.",
                "/account/appeal?token=");
    }
}
