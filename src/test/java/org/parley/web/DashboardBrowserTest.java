package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * The moderation dashboard at /admin in a real browser: an admin signs in through its form and works the queues,
 * the settings and the overview, while readers post through the API. The demo site premoderates, so every
 * reader's comment waits in the pending queue.
 */
class DashboardBrowserTest {

    private static final String ADMIN_EMAIL = "chief@example.org";
    private static final String ADMIN_PASSWORD = "a long admin password";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static ApiClient admin;
    private static ApiClient reader;
    private static String readerId;

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void premoderateTheDemoSite() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create(ADMIN_EMAIL, ADMIN_PASSWORD, "Chief Moderator", Role.ADMIN);
        admin = SERVER.client();
        assertThat(admin.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("premoderation", true)).status())
                .isEqualTo(200);
        reader = SERVER.client();
        readerId = reader.signUp("rosa@example.org", "Rosa Quintero").get("id").asText();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void an_admin_approves_a_held_comment_with_the_keyboard_and_the_thread_shows_it_published() {
        String text = "The monitoring station should publish its readings every day.";
        String commentId = post(text);

        DashboardPage dashboard = signedIn("").openQueue("pending");
        dashboard.pressOn(text, "a");
        dashboard.waitUntilGone(text);

        assertThat(dashboard.queueStatus()).isEqualTo("Approved the comment.");
        assertThat(statusInThread(commentId)).isEqualTo("published");
    }

    /** Issue 4, item 7: the whole path of a nudged comment, from the reader's widget to the moderator's keyboard. */
    @Test
    void a_nudged_reader_posts_anyway_and_the_comment_published_by_keyboard_shows_on_the_reader_page() {
        String text = "That is a stupid argument.";
        ChromeDriver readerBrowser = Browser.open();
        try {
            WidgetPage nina = new WidgetPage(readerBrowser).open(SERVER.demoArticleUrl())
                    .signUp("Nina Berg", "nina@example.org", ADMIN_PASSWORD);
            assertThat(nina.postNudged(text)).contains("Post anyway");
            String commentId = nina.postAnyway(text);
            assertThat(nina.isAwaitingReview(commentId)).isTrue();

            DashboardPage dashboard = signedIn("").openQueue("pending");
            dashboard.pressOn(text, "a");
            dashboard.waitUntilGone(text);

            nina.open(SERVER.demoArticleUrl());
            assertThat(nina.waitForComment(text)).isEqualTo(commentId);
            assertThat(nina.isAwaitingReview(commentId)).isFalse();
        } finally {
            readerBrowser.quit();
        }
    }

    @Test
    void an_admin_rejects_a_held_comment_with_the_button_and_finds_it_in_the_rejected_queue() {
        String text = "Quotas written in a capital far from the river never hold.";
        String commentId = post(text);

        DashboardPage dashboard = signedIn("#view=queue&queue=pending").openQueue("pending");
        dashboard.decide(text, "reject");
        dashboard.waitUntilGone(text);
        dashboard.openQueue("rejected");

        assertThat(dashboard.itemAttribute(text, "data-comment-id")).isEqualTo(commentId);
        assertThat(statusInThread(commentId)).as("a rejected comment leaves the public thread").isNull();
    }

    @Test
    void a_comment_posted_while_the_pending_queue_is_open_appears_without_a_reload() {
        DashboardPage dashboard = signedIn("").openQueue("pending");
        dashboard.markPage();
        String text = "Posted while a moderator has the queue open.";
        String commentId = post(text);

        assertThat(dashboard.arrivedItemAttribute(text, "data-comment-id")).isEqualTo(commentId);
        assertThat(dashboard.isMarkedPage()).as("the same page, not reloaded").isTrue();
    }

    @Test
    void a_moderator_warns_the_author_from_the_user_panel() {
        String text = "The upstream dams were never the real problem.";
        post(text);

        DashboardPage dashboard = signedIn("").openQueue("pending");
        dashboard.openUser(text);

        assertThat(dashboard.warn("Please keep to the article's topic.")).contains("Last warning");
        assertThat(admin.get("/api/v1/moderation/users/" + readerId).json().get("warning").asText())
                .isEqualTo("Please keep to the article's topic.");
    }

    @Test
    void two_comments_selected_with_x_are_approved_together_from_the_bulk_bar() {
        String first = "Both sides should publish the gauge data.";
        String second = "And the commission should meet in public.";
        String firstId = post(first);
        String secondId = post(second);

        DashboardPage dashboard = signedIn("").openQueue("pending");
        dashboard.waitForItem(second);
        dashboard.pressOn(first, "x");
        dashboard.pressOn(second, "x");
        dashboard.waitForText("bulk-count", "2 comments selected");
        dashboard.clickOn("bulk-approve");
        dashboard.waitUntilGone(first);
        dashboard.waitUntilGone(second);

        assertThat(statusInThread(firstId)).isEqualTo("published");
        assertThat(statusInThread(secondId)).isEqualTo("published");
    }

    @Test
    void an_approved_comment_is_featured_from_the_approved_queue_and_stays_there() {
        String text = "The neutral chair is the detail that matters most.";
        String commentId = post(text);
        admin.post("/api/v1/moderation/comments/" + commentId + "/decision", Map.of("action", "approve"));

        DashboardPage dashboard = signedIn("").openQueue("approved");
        dashboard.decide(text, "feature");

        assertThat(dashboard.offersAction(text, "unfeature")).isTrue();
        assertThat(dashboard.queueStatus()).isEqualTo("Featured the comment.");
        assertThat(featuredInThread(commentId)).isTrue();
    }

    @Test
    void a_reader_who_signs_in_is_told_that_they_moderate_no_site() {
        String note = new DashboardPage(browser, SERVER.baseUrl())
                .signInTurnedAway("rosa@example.org", "correct horse battery");

        assertThat(note).contains("Rosa Quintero").contains("moderates no site");
        assertThat(browser.findElements(By.cssSelector("[data-testid=queue-items]"))).isEmpty();
    }

    @Test
    void the_settings_form_saves_a_changed_link_limit() {
        DashboardPage dashboard = signedIn("#view=settings");

        assertThat(dashboard.saveSetting("linkLimit", "7")).isEqualTo("Saved.");

        JsonNode settings = admin.get("/api/v1/moderation/sites/demo/settings").json().get("settings");
        assertThat(settings.get("linkLimit").asInt()).isEqualTo(7);
        assertThat(settings.get("premoderation").asBoolean()).as("fields left alone keep their values").isTrue();
    }

    @Test
    void the_overview_draws_its_charts_with_text_alternatives() {
        post("A comment so that today has a bar in the chart.");

        DashboardPage dashboard = signedIn("#view=overview");
        dashboard.waitFor("chart-per-day");

        assertThat(dashboard.all("[data-testid=chart-per-day] svg rect.bar")).isNotEmpty();
        assertThat(dashboard.all("[data-testid=chart-per-day] svg title").get(0).getAttribute("textContent"))
                .isEqualTo("Comments per day by status");
        assertThat(dashboard.all("[data-testid=chart-categories] svg rect.bar.rejected")).hasSize(5);
        assertThat(dashboard.all("[data-testid=chart-per-day] table.visually-hidden tbody tr")).hasSize(30);
        assertThat(dashboard.waitForAtLeast("[data-testid=busiest] li", 1)).isPositive();
        assertThat(dashboard.textOf("overturn-rate")).isNotBlank();
    }

    @Test
    void the_dashboard_speaks_turkish_when_asked_and_keeps_the_language_picked_in_the_header() {
        String text = "Kıyıdaki ölçüm istasyonu her gün veri yayımlamalı.";
        post(text);

        DashboardPage dashboard = signedIn("?lang=tr#view=queue&queue=pending").openQueue("pending");
        assertThat(dashboard.textOf("tab-queue")).startsWith("Kuyruklar");
        assertThat(dashboard.textOf("queue-tab-pending")).startsWith("Bekleyenler");
        assertThat(dashboard.textOf("sign-out")).isEqualTo("Çıkış yap");
        dashboard.decide(text, "approve");
        assertThat(dashboard.queueStatus()).isEqualTo("Yorum onaylandı.");

        dashboard.chooseLanguage("en");
        assertThat(dashboard.textOf("tab-queue")).startsWith("Queues");
        dashboard.chooseLanguage("tr");
        browser.navigate().refresh();
        assertThat(dashboard.textOf("tab-queue")).as("picked in the header, kept").startsWith("Kuyruklar");
    }

    private DashboardPage signedIn(String hash) {
        return new DashboardPage(browser, SERVER.baseUrl()).signIn(hash, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Posts a comment as the reader; premoderation holds it. Answers its id. */
    private static String post(String text) {
        Response response = reader.post("/api/v1/comments",
                Map.of("site", "demo", "url", SERVER.demoArticleUrl(), "body", text));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("status").asText()).isEqualTo("pending");
        return response.json().get("comment").get("id").asText();
    }

    /** The comment's status in the public thread, or null when the thread does not show it. */
    private static String statusInThread(String commentId) {
        JsonNode comment = inThread(commentId);
        return comment == null ? null : comment.get("status").asText();
    }

    private static boolean featuredInThread(String commentId) {
        JsonNode comment = inThread(commentId);
        return comment != null && comment.get("featured").asBoolean();
    }

    /** The top-level comment as the public thread shows it, or null. */
    private static JsonNode inThread(String commentId) {
        JsonNode thread = SERVER.client().get("/api/v1/threads?site=demo&limit=200&url="
                + ApiClient.encode(SERVER.demoArticleUrl())).json();
        return StreamSupport.stream(thread.get("comments").spliterator(), false)
                .filter(comment -> comment.get("id").asText().equals(commentId))
                .findFirst().orElse(null);
    }

    @Test
    void an_admin_asks_for_a_site_model_and_is_told_the_site_needs_more_decisions_first() {
        DashboardPage dashboard = signedIn("#view=models");
        dashboard.clickOn("train-model");

        String status = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> {
                    String text = dashboard.textOf("models-status");
                    return text.contains("decisions") ? text : null;
                });
        assertThat(status).contains("decisions");
        assertThat(dashboard.waitFor("tab-models")).isNotNull(); // waits until it shows
    }
}
