package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * The dashboard's search view and the user panel's history in a real browser: a moderator of the demo site (not
 * an admin) searches, rejects two results at once, and reads a reader's history; readers post through the API.
 */
class SearchBrowserTest {

    private static final String MODERATOR_EMAIL = "searcher@example.org";
    private static final String PASSWORD = "a long moderator password";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static ApiClient moderator;

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void aModeratorOfTheDemoSite() {
        var jdbi = SERVER.server().database().jdbi();
        String id = new Accounts(new AccountStore(jdbi), Clock.systemUTC())
                .create(MODERATOR_EMAIL, PASSWORD, "Sam Searcher", Role.READER).id();
        new ModeratorAccess(jdbi).assign(id, "demo");
        moderator = SERVER.client();
        assertThat(moderator.post("/api/v1/auth/login", Map.of("email", MODERATOR_EMAIL, "password", PASSWORD))
                .status()).isEqualTo(200);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void a_moderator_searches_and_rejects_two_results_from_the_bulk_bar() {
        ApiClient reader = SERVER.client();
        reader.signUp("pelicans@example.org", "Pia Pelican");
        String first = "The pelican colony by the estuary has doubled.";
        String second = "Pelican counts should be published every spring.";
        String kept = "Nobody asked the pelican wardens, it seems.";
        String firstId = post(reader, first);
        String secondId = post(reader, second);
        String keptId = post(reader, kept);

        DashboardPage dashboard = signedIn();
        dashboard.search("pelican");
        dashboard.waitForItem(first);
        dashboard.waitForItem(second);
        dashboard.waitForItem(kept);
        dashboard.toggleSelection(first);
        dashboard.toggleSelection(second);
        dashboard.waitForText("bulk-count", "2 comments selected");
        dashboard.clickOn("bulk-reject");
        dashboard.waitForStatus(first, "rejected");
        dashboard.waitForStatus(second, "rejected");

        JsonNode rejected = moderator.get("/api/v1/moderation/search?site=demo&q=pelican&status=rejected").json();
        assertThat(ids(rejected)).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(ids(moderator.get("/api/v1/moderation/search?site=demo&q=pelican").json()))
                .contains(keptId).hasSize(3);
    }

    @Test
    void the_user_panel_shows_the_readers_whole_history_a_page_at_a_time() {
        ApiClient reader = SERVER.client();
        reader.signUp("historian@example.org", "Hal Historian");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            texts.add("Remark " + i + " of the historian, on bridge tolls number " + (i * 13) + ".");
            post(reader, texts.get(i));
        }

        DashboardPage dashboard = signedIn();
        dashboard.search("historian tolls 13");
        dashboard.openUser(texts.get(1));
        List<String> firstPage = dashboard.history(50);
        assertThat(firstPage.get(0)).contains(texts.get(51));
        dashboard.moreHistory();
        List<String> all = dashboard.history(52);
        assertThat(all.get(51)).contains(texts.get(0));
    }

    private DashboardPage signedIn() {
        return new DashboardPage(browser, SERVER.baseUrl()).signIn("", MODERATOR_EMAIL, PASSWORD);
    }

    private static String post(ApiClient reader, String text) {
        Response response = reader.post("/api/v1/comments",
                Map.of("site", "demo", "url", SERVER.demoArticleUrl(), "body", text));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("comment").get("id").asText();
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.get("items").forEach(item -> ids.add(item.get("comment").get("id").asText()));
        return ids;
    }
}
