package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue 13, notice and action, in real browsers: a signed-out reader reports a comment as illegal content from the
 * widget, the notice shows in the dashboard's notices queue, and a moderator removes the comment from there.
 */
class NoticeBrowserTest {

    private static final String ADMIN_EMAIL = "legal@example.org";
    private static final String ADMIN_PASSWORD = "a long admin password";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static ApiClient author;
    private final ChromeDriver reader = Browser.open();
    private ChromeDriver moderator;

    @BeforeAll
    static void accounts() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create(ADMIN_EMAIL, ADMIN_PASSWORD, "Legal Desk", Role.ADMIN);
        author = SERVER.client();
        author.signUp("gossip@example.org", "Gossip");
    }

    @AfterEach
    void closeBrowsers() {
        reader.quit();
        if (moderator != null) {
            moderator.quit();
        }
    }

    @Test
    void a_signed_out_readers_notice_reaches_the_notices_queue_and_the_moderator_removes_the_comment() {
        String text = "The pharmacist on Elm Street poisons his customers on purpose.";
        Response posted = author.post("/api/v1/comments", Map.of("site", "demo", "url", SERVER.demoArticleUrl(),
                "body", text));
        assertThat(posted.json().get("status").asText()).isEqualTo("published");
        String commentId = posted.json().get("comment").get("id").asText();

        WidgetPage widget = new WidgetPage(reader).open(SERVER.demoArticleUrl());
        String confirmation = widget.reportIllegal(commentId, "defamation",
                "A false accusation of a crime against a pharmacist we can all identify.", "Paula Notifier",
                "paula@example.org");
        assertThat(confirmation).startsWith("Thank you. We received your notice ");

        moderator = Browser.open();
        DashboardPage dashboard = new DashboardPage(moderator, SERVER.baseUrl())
                .signIn("#view=notices", ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(dashboard.noticeText(text)).contains("Defamation", "A false accusation of a crime",
                "Paula Notifier · paula@example.org");
        assertThat(confirmation).contains(dashboard.noticeAttribute(text, "data-notice-id"));
        dashboard.decideNotice(text, "remove", "An unproven accusation of a crime against an identifiable person.");
        assertThat(dashboard.waitUntilNoNotice(text)).isEqualTo("The comment was removed; 1 notice(s) decided.");

        assertThat(SERVER.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(SERVER.demoArticleUrl()))
                .text()).doesNotContain("pharmacist on Elm Street");
    }

    @Test
    void a_signed_in_reader_sends_a_notice_without_retyping_name_and_e_mail() {
        String text = "Here is the private home address of the council member, go and visit.";
        Response posted = author.post("/api/v1/comments", Map.of("site", "demo", "url", SERVER.demoArticleUrl(),
                "body", text));
        String commentId = posted.json().get("comment").get("id").asText();

        WidgetPage widget = new WidgetPage(reader).open(SERVER.demoArticleUrl())
                .signUp("Sam Signed", "sam@example.org", ADMIN_PASSWORD);
        assertThat(widget.reportIllegal(commentId, "privacy_violation", "It publishes a home address.", null, null))
                .startsWith("Thank you. We received your notice ");

        ApiClient admin = SERVER.client();
        admin.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        String queue = admin.get("/api/v1/moderation/notices?site=demo").text();
        assertThat(queue).contains("It publishes a home address.", "Sam Signed", "sam@example.org");
    }
}
