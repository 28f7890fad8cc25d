package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

/**
 * The readers' community in real browsers (issue 14, item 3): a mute collapses an author's comments for the muter
 * only, a reader follows a thread from the widget, the community button counts the replies since the last look, and
 * an author's name opens their profile; an admin's staff badge shows beside the name.
 */
class CommunityBrowserTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ChromeDriver muterBrowser = Browser.open();
    private ChromeDriver otherBrowser;

    @AfterEach
    void closeBrowsers() {
        muterBrowser.quit();
        if (otherBrowser != null) {
            otherBrowser.quit();
        }
    }

    @Test
    void an_admin_gives_a_staff_badge_in_the_dashboard_and_the_thread_shows_it_beside_the_name() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create("chief@badges.example", "correct horse battery", "Chief", Role.ADMIN);
        ApiClient journalist = SERVER.client();
        journalist.signUp("jo@badges.example", "Jo Reporter");

        DashboardPage dashboard = new DashboardPage(muterBrowser, SERVER.baseUrl())
                .signIn("", "chief@badges.example", "correct horse battery");
        dashboard.openTab("sites");
        dashboard.waitFor("badge-account").sendKeys("jo@badges.example");
        new Select(dashboard.waitFor("badge-kind")).selectByValue("journalist");
        dashboard.waitFor("give-badge").click();
        new WebDriverWait(muterBrowser, Duration.ofSeconds(10)).until(d -> dashboard.all("[data-testid=badge-row]")
                .stream().map(row -> row.getText())
                .anyMatch(row -> row.contains("Jo Reporter") && row.contains("Journalist")));

        String commentId = journalist.post("/api/v1/comments", Map.of("site", "demo",
                "url", SERVER.demoArticleUrl(), "body", "Reporting from the harbour: the works end in March."))
                .json().get("comment").get("id").asText();
        WidgetPage widget = new WidgetPage(muterBrowser).open(SERVER.demoArticleUrl());
        assertThat(widget.badge(commentId)).isEqualTo("Journalist");
    }

    @Test
    void a_muted_authors_comments_collapse_for_the_muter_only_who_follows_the_thread_and_sees_new_replies() {
        String url = SERVER.demoArticleUrl();
        ApiClient loud = SERVER.client();
        loud.signUp("loud@browser.example", "Loud Larry");
        String loudComment = loud.post("/api/v1/comments", Map.of("site", "demo", "url", url,
                "body", "Everyone here is wrong about the harbour, as usual.")).json().get("comment").get("id")
                .asText();

        WidgetPage muter = new WidgetPage(muterBrowser).open(url).signUp("Quiet Quinn", "quinn@browser.example",
                "a long enough password");
        String question = muter.post("Does anyone know when the harbour works end?");
        assertThat(muter.profile(loudComment)).contains("1 comment");
        muter.mute(loudComment);
        assertThat(muter.isCollapsed(loudComment)).isTrue();
        muter.open(url);
        assertThat(muter.isCollapsed(loudComment)).as("the server keeps the mute").isTrue();
        assertThat(muter.showMuted(loudComment)).contains("wrong about the harbour");

        otherBrowser = Browser.open();
        WidgetPage other = new WidgetPage(otherBrowser).open(url).signUp("Open Olga", "olga@browser.example",
                "a long enough password");
        assertThat(other.isCollapsed(loudComment)).isFalse();
        assertThat(other.text(loudComment)).contains("wrong about the harbour");

        assertThat(muter.repliesBadge()).isEmpty();
        assertThat(muter.openCommunity()).isEmpty();
        muter.follow();
        ApiClient answerer = SERVER.client();
        answerer.signUp("answer@browser.example", "Helpful Hana");
        answerer.post("/api/v1/comments", Map.of("site", "demo", "url", url, "parentId", question,
                "body", "The harbour works end in March, says the port authority."));

        muter.open(url);
        assertThat(muter.repliesBadge()).contains("1");
        assertThat(muter.openCommunity()).singleElement().asString().contains("Helpful Hana", "end in March");
        assertThat(muter.follows()).as("the server keeps the follow").isTrue();
        muter.open(url);
        assertThat(muter.repliesBadge()).as("seen replies leave the badge").isEmpty();
    }
}
