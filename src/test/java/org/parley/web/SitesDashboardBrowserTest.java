package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

/**
 * The dashboard's Sites view in a real browser: an admin creates a site, gives it a moderator, makes and revokes a
 * token.
 */
class SitesDashboardBrowserTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ChromeDriver browser = Browser.open();
    private final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

    {
        wait.ignoring(StaleElementReferenceException.class);
    }

    @BeforeAll
    static void createPeople() {
        Accounts accounts = new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC());
        accounts.create("chief@sites.example", "correct horse battery", "Chief", Role.ADMIN);
        accounts.create("helper@sites.example", "correct horse battery", "Helper", Role.READER);
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void anAdminCreatesASiteAssignsAModeratorAndMakesAndRevokesAToken() {
        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("", "chief@sites.example", "correct horse battery");
        dashboard.openTab("sites");
        type("site-id", "gazette");
        type("site-name", "The Gazette");
        type("site-origins", "https://www.gazette.example");
        type("site-language", "tr");
        dashboard.clickOn("site-form-submit");
        assertThat(inSiteRow("gazette", WebElement::getText))
                .contains("The Gazette", "https://www.gazette.example", "tr");
        wait.until(d -> new Select(d.findElement(By.id("site-picker"))).getOptions().stream()
                .anyMatch(option -> option.getText().equals("The Gazette")));

        inSiteRow("gazette", row -> {
            WebElement field = row.findElement(By.cssSelector("[data-testid=moderator-input]"));
            field.clear();
            field.sendKeys("helper@sites.example");
            row.findElement(By.cssSelector("[data-testid=add-moderator]")).click();
            return true;
        });
        wait.until(d -> inSiteRow("gazette", row -> row.findElement(By.cssSelector("[data-testid=moderators]"))
                .getText()).contains("Helper"));

        type("token-name", "nightly bot");
        dashboard.choose("token-site", "gazette");
        dashboard.clickOn("token-form-submit");
        String secret = wait.until(d -> d.findElements(By.cssSelector("[data-testid=token-secret] code")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(WebElement::getText).filter(code -> !code.isBlank())
                .orElse(null));
        assertThat(secret).startsWith("pt_");
        var bot = SERVER.client().withBearer(secret);
        assertThat(bot.get("/api/v1/moderation/queue?site=gazette&queue=pending").status()).isEqualTo(200);
        assertThat(bot.get("/api/v1/moderation/queue?site=demo&queue=pending").status()).isEqualTo(403);
        assertThat(inTokenRow("nightly bot", WebElement::getText)).contains("moderator", "gazette")
                .doesNotContain(secret);

        inTokenRow("nightly bot", row -> {
            row.findElement(By.cssSelector("[data-testid=revoke-token]")).click();
            return true;
        });
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=token-row]")).stream()
                .noneMatch(candidate -> candidate.getText().contains("nightly bot")));
        assertThat(bot.get("/api/v1/moderation/queue?site=gazette&queue=pending").status()).isEqualTo(401);
    }

    private void type(String testId, String text) {
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=" + testId + "]")).stream()
                .filter(WebElement::isDisplayed).findFirst().map(field -> {
                    field.clear();
                    field.sendKeys(text);
                    return true;
                }).orElse(null));
    }

    /** Does something with the site's row, looking the row up again should the list be drawn again meanwhile. */
    private <T> T inSiteRow(String site, java.util.function.Function<WebElement, T> use) {
        return wait.until(d -> d.findElements(By.cssSelector("[data-testid=site-row][data-site=" + site + "]"))
                .stream().findFirst().map(use).orElse(null));
    }

    /** Does something with the row of the token with the name, looked up again should it be drawn again. */
    private <T> T inTokenRow(String name, java.util.function.Function<WebElement, T> use) {
        return wait.until(d -> d.findElements(By.cssSelector("[data-testid=token-row]")).stream()
                .filter(candidate -> candidate.getText().contains(name)).findFirst().map(use).orElse(null));
    }
}
