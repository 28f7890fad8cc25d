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
import org.parley.site.ModeratorAccess;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Stories in real browsers (issue 13, item 6): a moderator of the demo site (not an admin) closes, reopens and
 * premoderates a story from the dashboard's stories view, and readers see the comments a moderator featured as
 * "Editor's picks" above the thread, whose links lead to the comment.
 */
class StoriesBrowserTest {

    private static final String MODERATOR_EMAIL = "desk@example.org";
    private static final String PASSWORD = "a long moderator password";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static ApiClient moderator;
    private static ApiClient reader;

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void aModeratorOfTheDemoSite() {
        var jdbi = SERVER.server().database().jdbi();
        String id = new Accounts(new AccountStore(jdbi), Clock.systemUTC())
                .create(MODERATOR_EMAIL, PASSWORD, "Desk Moderator", Role.READER).id();
        new ModeratorAccess(jdbi).assign(id, "demo");
        moderator = SERVER.client();
        assertThat(moderator.post("/api/v1/auth/login", Map.of("email", MODERATOR_EMAIL, "password", PASSWORD))
                .status()).isEqualTo(200);
        reader = SERVER.client();
        reader.signUp("ilse@example.org", "Ilse Varga");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void a_moderator_closes_reopens_and_premoderates_a_story_from_the_stories_view() {
        String url = SERVER.baseUrl() + "/news/harbour-plans";
        post(url, "The harbour plans look sensible to me, thanks for the clear summary.");

        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("#view=stories", MODERATOR_EMAIL, PASSWORD);
        assertThat(dashboard.storyState(url)).startsWith("open");

        dashboard.changeStory(url, "story-close", "closed");
        assertThat(threadStatus(url)).isEqualTo("closed");
        assertThat(reader.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "One more thought on the harbour.")).json().get("error").asText()).isEqualTo("story_closed");

        dashboard.changeStory(url, "story-reopen", "open");
        assertThat(threadStatus(url)).isEqualTo("open");

        dashboard.premoderateStory(url, true);
        assertThat(post(url, "Reopened: the harbour plans deserve a second look.", "pending")).isNotBlank();
        dashboard.premoderateStory(url, false);
        assertThat(post(url, "And now straight into the thread again, thank you.", "published")).isNotBlank();
    }

    @Test
    void a_featured_comment_shows_as_an_editors_pick_whose_link_leads_to_it_on_a_later_page() {
        String url = SERVER.demoArticleUrl();
        WidgetPage widget = new WidgetPage(browser).open(url);
        assertThat(widget.picks()).isEmpty();

        String picked = post(url, "The river walk finally connects both bridges, a real gain for the town.");
        for (int note = 1; note <= 20; note++) {
            post(url, "Thanks for the clear report, note " + note + " on the river walk was useful.");
        }
        assertThat(moderator.post("/api/v1/moderation/comments/" + picked + "/decision",
                Map.of("action", "feature")).status()).isEqualTo(200);

        widget.open(url);
        assertThat(widget.waitForPicks()).containsExactly(
                "Ilse Varga: The river walk finally connects both bridges, a real gain for the town.");
        assertThat(widget.followPick(0)).isEqualTo(picked);
    }

    private static String post(String url, String body) {
        return post(url, body, "published");
    }

    /** Posts as the reader and checks the status the comment got; answers its id. */
    private static String post(String url, String body, String status) {
        Response posted = reader.post("/api/v1/comments", Map.of("site", "demo", "url", url, "body", body));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().get("status").asText()).isEqualTo(status);
        return posted.json().get("comment").get("id").asText();
    }

    private static String threadStatus(String url) {
        return SERVER.client().get("/api/v1/threads?site=demo&limit=7&url=" + ApiClient.encode(url)).json()
                .get("story").get("status").asText();
    }
}
