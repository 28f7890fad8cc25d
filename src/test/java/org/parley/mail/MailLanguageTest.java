package org.parley.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.account.Role;
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.MailServer;
import org.parley.testing.Mailbox;
import org.parley.testing.Response;
import org.parley.testing.TickingClock;

/**
 * Review follow-up: mails speak the language of the site they are about, through a real SMTP server. A reply
 * notice and a digest take their site's language, an account mail the language of the reader's last site; a
 * language without mail texts falls back to English. Counted texts take the language's CLDR plural form.
 */
class MailLanguageTest {

    private static final String TURKISH = "https://haber.example";
    private static final String GERMAN = "https://zeitung.example";
    private static final String POLISH = "https://gazeta.example";
    private static final String JAPANESE = "https://shimbun.example";

    @RegisterExtension
    static final MailServer server = new MailServer();
    private static final Mailbox mailbox = server.mailbox();
    private static final TickingClock clock = server.clock();

    @BeforeAll
    static void sites() {
        assertThat(server.admin().post("/api/v1/admin/sites", Map.of("id", "haber", "name", "Haber",
                "origins", List.of(TURKISH), "language", "tr")).status()).isEqualTo(201);
        assertThat(server.admin().post("/api/v1/admin/sites", Map.of("id", "zeitung", "name", "Zeitung",
                "origins", List.of(GERMAN), "language", "de")).status()).isEqualTo(201);
        assertThat(server.admin().post("/api/v1/admin/sites", Map.of("id", "gazeta", "name", "Gazeta",
                "origins", List.of(POLISH), "language", "pl")).status()).isEqualTo(201);
        assertThat(server.admin().post("/api/v1/admin/sites", Map.of("id", "shimbun", "name", "Shimbun",
                "origins", List.of(JAPANESE), "language", "ja")).status()).isEqualTo(201);
    }

    @Test
    void a_reply_notice_on_a_turkish_site_arrives_in_turkish() {
        MimeMessage mail = replyNotice("haber", TURKISH + "/gundem/kopru", "Ayşe", "Mehmet",
                "Köprünün bakımı ne zaman biter?", "Belediye mart sonunu söylüyor.",
                "Mehmet yorumunuza yanıt verdi");
        assertThat(Mailbox.text(mail)).startsWith("Merhaba Ayşe,")
                .contains("Mehmet, \"Köprü bakımı uzuyor\" başlıklı yazıdaki yorumunuza yanıt verdi:",
                        "Belediye mart sonunu söylüyor.", "Tartışmanın tamamını okuyun:",
                        "Bu e-postaları artık almak istemiyorsanız")
                .doesNotContain("replied", "Hello");
    }

    @Test
    void a_site_in_a_language_without_mail_texts_gets_english() {
        MimeMessage mail = replyNotice("shimbun", JAPANESE + "/chiiki/hashi", "Haruto", "Yui",
                "When will the bridge reopen?", "The council says at the end of March.",
                "Yui replied to your comment");
        assertThat(Mailbox.text(mail)).startsWith("Hello Haruto,");
    }

    @Test
    void a_reply_notice_on_a_german_site_arrives_in_german() {
        MimeMessage mail = replyNotice("zeitung", GERMAN + "/lokal/bruecke", "Jonas", "Lena",
                "Wann wird die Brücke wieder geöffnet?", "Der Rat sagt: Ende März.",
                "Lena hat auf Ihren Kommentar geantwortet");
        assertThat(Mailbox.text(mail)).startsWith("Hallo Jonas,")
                .contains("Lena hat auf Ihren Kommentar zu „Köprü bakımı uzuyor“ geantwortet:",
                        "Der Rat sagt: Ende März.", "Zur Diskussion:", "abzubestellen")
                .doesNotContain("replied", "Hello");
    }

    /**
     * Issue 14: a counted text takes the CLDR plural form of its language. A digest of a Polish site lists twenty
     * items and counts the rest: 22 held comments leave two, the "few" form ("2 komentarze"), which neither an
     * English one/other choice nor Java's ChoiceFormat could pick.
     */
    @Test
    void a_digest_of_a_polish_sites_queue_counts_the_rest_in_the_polish_plural() {
        String moderatorId = server.account("moderator-pl@languages.example", "Kasia", Role.READER).id();
        new ModeratorAccess(server.jdbi()).assign(moderatorId, "gazeta");
        ApiClient moderator = server.signIn("moderator-pl@languages.example");
        assertThat(moderator.patch("/api/v1/me", Map.of("notifyQueue", true)).status()).isEqualTo(200);
        moderator.patch("/api/v1/moderation/sites/gazeta/settings", Map.of("premoderation", true));
        ApiClient writer = server.client();
        writer.signUp("autor@languages.example", "Autor");
        for (int i = 1; i <= 22; i++) {
            Response held = writer.post("/api/v1/comments", Map.of("site", "gazeta",
                    "url", POLISH + "/kraj/most", "body", "Remont mostu, uwaga numer " + i + "."));
            assertThat(held.json().get("status").asText()).isEqualTo("pending");
        }
        clock.advance(Duration.ofMinutes(16));

        MimeMessage digest = mailbox.awaitSubject("moderator-pl@languages.example",
                "Nowe w Twoich kolejkach moderacji: 22");
        assertThat(Mailbox.text(digest)).startsWith("Dzień dobry, Kasia,")
                .contains("wstrzymany do sprawdzenia", "... i jeszcze 2 komentarze.", "Otwórz panel:");
        moderator.patch("/api/v1/moderation/sites/gazeta/settings", Map.of("premoderation", false));
    }

    @Test
    void counted_mail_texts_follow_each_languages_plural_rules() {
        MailTexts texts = new MailTexts(() -> "https://comments.example");
        Locale polish = Locale.forLanguageTag("pl");
        assertThat(List.of(1, 2, 5, 12, 22, 25).stream().map(n -> texts.plural(polish, "digest.more", n, n)))
                .containsExactly("... i jeszcze 1 komentarz.", "... i jeszcze 2 komentarze.",
                        "... i jeszcze 5 komentarzy.", "... i jeszcze 12 komentarzy.",
                        "... i jeszcze 22 komentarze.", "... i jeszcze 25 komentarzy.");
        assertThat(texts.plural(Locale.GERMAN, "digest.more", 1, 1)).isEqualTo("... und 1 weiterer.");
        assertThat(texts.plural(Locale.GERMAN, "digest.more", 3, 3)).isEqualTo("... und 3 weitere.");
        // Arabic has no mail texts: the English fallback counts in English, with English digits.
        assertThat(texts.plural(Locale.forLanguageTag("ar"), "digest.more", 3, 3)).isEqualTo("... and 3 more.");
    }

    /** The notice a verified author who opted in gets when another reader replies on the site's story. */
    private static MimeMessage replyNotice(String site, String url, String authorName, String replierName,
            String comment, String reply, String subject) {
        String authorEmail = "author-" + site + "@languages.example";
        ApiClient author = verifiedReader(authorEmail, authorName);
        author.patch("/api/v1/me", Map.of("notifyReplies", true));
        String parent = post(author, site, url, null, comment);
        ApiClient replier = server.client();
        replier.signUp("replier-" + site + "@languages.example", replierName);
        post(replier, site, url, parent, reply);
        return mailbox.awaitSubject(authorEmail, subject);
    }

    @Test
    void a_password_reset_speaks_the_language_of_the_readers_last_site() {
        ApiClient reader = verifiedReader("deniz@languages.example", "Deniz");
        post(reader, "haber", TURKISH + "/spor/derbi", null, "Derbi çok çekişmeli geçti.");
        server.client().post("/api/v1/auth/password-reset", Map.of("email", "deniz@languages.example"));
        MimeMessage turkish = mailbox.awaitSubject("deniz@languages.example", "Yeni bir parola belirleyin");
        assertThat(Mailbox.text(turkish)).startsWith("Merhaba Deniz,").contains("bir saat geçerlidir");

        clock.advance(Duration.ofSeconds(1));
        post(reader, "demo", server.baseUrl() + "/news/derby", null, "Also, the referee was fair.");
        server.client().post("/api/v1/auth/password-reset", Map.of("email", "deniz@languages.example"));
        MimeMessage english = mailbox.awaitSubject("deniz@languages.example", "Choose a new password");
        assertThat(Mailbox.text(english)).startsWith("Hello Deniz,");
    }

    @Test
    void a_digest_of_a_turkish_sites_queue_arrives_in_turkish() {
        String moderatorId = server.account("moderator@languages.example", "Selin", Role.READER).id();
        new ModeratorAccess(server.jdbi()).assign(moderatorId, "haber");
        ApiClient moderator = server.signIn("moderator@languages.example");
        assertThat(moderator.patch("/api/v1/me", Map.of("notifyQueue", true)).status()).isEqualTo(200);
        moderator.patch("/api/v1/moderation/sites/haber/settings", Map.of("premoderation", true));
        ApiClient writer = server.client();
        writer.signUp("yazar@languages.example", "Yazar");
        Response held = writer.post("/api/v1/comments", Map.of("site", "haber", "url", TURKISH + "/ekonomi/butce",
                "body", "Bütçe görüşmeleri uzayacak gibi."));
        assertThat(held.json().get("status").asText()).isEqualTo("pending");
        clock.advance(Duration.ofMinutes(16));

        MimeMessage digest = mailbox.awaitSubject("moderator@languages.example",
                "Moderasyon kuyruklarınızda 1 yeni yorum");
        assertThat(Mailbox.text(digest)).startsWith("Merhaba Selin,").contains("inceleme için bekletiliyor",
                "Bütçe görüşmeleri uzayacak gibi.", "Yönetim panelini açın:");
        moderator.patch("/api/v1/moderation/sites/haber/settings", Map.of("premoderation", false));
    }

    private static ApiClient verifiedReader(String email, String name) {
        return server.verifiedReader(email, name);
    }

    private static String post(ApiClient client, String site, String url, String parentId, String body) {
        Map<String, Object> request = new HashMap<>(Map.of("site", site, "url", url, "body", body,
                "title", "Köprü bakımı uzuyor"));
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        Response response = client.post("/api/v1/comments", request);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("comment").get("id").asText();
    }
}
