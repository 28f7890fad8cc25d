package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.appeal.AppealsApiTest;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Statements of reasons and appeals in real browsers: the author of a comment the classifier refuses reads why
 * in the widget and appeals there; a moderator decides an appeal in the dashboard's appeals queue.
 */
class AppealsBrowserTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    /** A body the shipped model rejects outright (see PerspectiveApiTest). */
    private static final String REFUSED = AppealsApiTest.REJECTED_BODY;

    private final ChromeDriver browser = Browser.open();

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void the_author_of_a_refused_comment_reads_why_in_the_widget_and_appeals() {
        WidgetPage reader = new WidgetPage(browser).open(SERVER.demoArticleUrl())
                .signUp("Olga Berg", "olga@appeals.example", "a long enough password");
        String commentId = reader.postRefused(REFUSED);

        String statement = reader.why(commentId);
        assertThat(statement).contains("Not published: it breaks the community guidelines.",
                "Detected and decided by automated means", "You can appeal until", "out-of-court");
        assertThat(statement).containsAnyOf("idiot", "garbage", "stupid", "worthless");

        assertThat(reader.appeal(commentId, "I was quoting a character in the story."))
                .isEqualTo("Your appeal is being reviewed.");
        String stored = SERVER.server().database().jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT reason FROM appeals WHERE comment_id = :id AND status = 'open'")
                .bind("id", commentId).mapTo(String.class).one());
        assertThat(stored).isEqualTo("I was quoting a character in the story.");

        reader.open(SERVER.demoArticleUrl());
        assertThat(reader.why(commentId)).contains("Your appeal is being reviewed.");
    }

    @Test
    void a_moderator_upholds_an_appeal_in_the_dashboards_queue_and_the_comment_is_published() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create("judge@appeals.example", "a long admin password", "Judge", Role.ADMIN);
        ApiClient author = SERVER.client();
        author.signUp("piet@appeals.example", "Piet");
        Response posted = author.post("/api/v1/comments", Map.of("site", "demo", "url", SERVER.demoArticleUrl(),
                "body", REFUSED));
        String commentId = posted.json().get("comment").get("id").asText();
        String appealId = author.post("/api/v1/appeals", Map.of("commentId", commentId,
                "reason", "Sarcasm among friends.")).json().get("appeal").get("id").asText();

        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("#view=appeals", "judge@appeals.example", "a long admin password");
        assertThat(dashboard.appeal(appealId)).contains(REFUSED, "Sarcasm among friends.", "pipeline", "Piet");
        dashboard.decideAppeal(appealId, "upheld", "Read as banter between regulars.");

        String status = SERVER.server().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT status FROM comments WHERE id = :id").bind("id", commentId).mapTo(String.class).one());
        assertThat(status).isEqualTo("published");
    }
}
