package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
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
import org.parley.testing.TestServer;

/** The dashboard's transparency view in Chromium: the period's restrictions in figures, a chart and a CSV link. */
class TransparencyBrowserTest {

    private static final String ADMIN_EMAIL = "chief@example.org";
    private static final String ADMIN_PASSWORD = "a long admin password";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void aWordListRejectsAComment() {
        var jdbi = SERVER.server().database().jdbi();
        new Accounts(new AccountStore(jdbi), Clock.systemUTC())
                .create(ADMIN_EMAIL, ADMIN_PASSWORD, "Chief Moderator", Role.ADMIN);
        ApiClient admin = SERVER.client();
        assertThat(admin.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD))
                .status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("bannedWords", List.of("grifter")))
                .status()).isEqualTo(200);
        ApiClient reader = SERVER.client();
        reader.signUp("rosa@example.org", "Rosa Quintero");
        assertThat(reader.post("/api/v1/comments", Map.of("site", "demo", "url", SERVER.demoArticleUrl(),
                "body", "Our new treasurer is a grifter.")).json().get("status").asText()).isEqualTo("rejected");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void the_transparency_view_shows_the_periods_restriction_with_a_chart_and_a_csv_link() {
        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("#view=transparency", ADMIN_EMAIL, ADMIN_PASSWORD);

        String actions = dashboard.textOf("transparency-actions");

        assertThat(actions).contains("Restrictions\n1").contains("Decided by automated means\n1 (100%)");
        assertThat(dashboard.all("[data-testid=actions-by-type] rect.bar")).hasSize(4);
        assertThat(dashboard.all("[data-testid=actions-by-type] title").get(0).getAttribute("textContent"))
                .isEqualTo("By type");
        assertThat(dashboard.attributeOf("transparency-csv", "href"))
                .contains("/api/v1/moderation/transparency?").contains("site=demo").contains("format=csv");
        assertThat(browser.findElements(By.cssSelector("[data-testid=transparency-report] table.visually-hidden")))
                .isNotEmpty();
    }
}
