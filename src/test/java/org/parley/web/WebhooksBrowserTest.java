package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;
import org.parley.testing.WebhookReceiver;

/**
 * The dashboard's webhooks screen in a real browser: an admin adds a hook for a real receiver, sees the secret
 * once, sees the delivery of a reader's comment in the log, and re-sends it.
 */
class WebhooksBrowserTest {

    private static final String ADMIN_EMAIL = "hooks-admin@example.org";
    private static final String ADMIN_PASSWORD = "a long admin password";

    // The receiver listens on loopback: this server allows private receivers, as on-premise setups do.
    @RegisterExtension
    static final TestServer SERVER = new TestServer(
            settings -> settings.withRateLimits(false).withWebhookAllowPrivate(true), Clock.systemUTC());
    @RegisterExtension
    final WebhookReceiver receiver = new WebhookReceiver();

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void admin() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create(ADMIN_EMAIL, ADMIN_PASSWORD, "Hooks Admin", Role.ADMIN);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void an_admin_adds_a_hook_sees_its_delivery_and_sends_it_again() {
        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("#view=webhooks", ADMIN_EMAIL, ADMIN_PASSWORD);
        dashboard.typeInto("webhook-url", receiver.url());
        dashboard.clickOn("webhook-event-comment-created");
        dashboard.clickOn("webhook-save");

        String secret = dashboard.textOf("webhook-secret");
        assertThat(secret).startsWith("whsec_");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=webhook-row]")).size() == 1);
        assertThat(dashboard.textOf("webhook-rows")).contains(receiver.url(), "comment.created");

        ApiClient reader = SERVER.client();
        reader.signUp("hooked@example.org", "Hooked Reader");
        reader.post("/api/v1/comments", Map.of("site", "demo", "url", SERVER.demoArticleUrl(),
                "body", "A comment the newsroom's receiver should hear of."));
        String deliveryId = receiver.next().header("X-Parley-Delivery");

        dashboard.clickOn("webhook-deliveries");
        String delivered = "[data-delivery='" + deliveryId + "'][data-status=delivered]";
        assertThat(wait.<String>until(d -> d.findElements(By.cssSelector(delivered)).stream().findFirst()
                .map(row -> row.findElement(By.cssSelector("[data-testid=delivery-code]")).getText() + " "
                        + row.findElement(By.cssSelector("[data-testid=delivery-attempts]")).getText())
                .orElse(null))).isEqualTo("200 1");

        wait.until(d -> d.findElements(By.cssSelector(delivered)).stream().findFirst().map(row -> {
            row.findElement(By.cssSelector("[data-testid=delivery-resend]")).click();
            return true;
        }).orElse(null));

        assertThat(receiver.next().header("X-Parley-Delivery")).isEqualTo(deliveryId);
        wait.until(d -> d.findElements(By.cssSelector("[data-delivery='" + deliveryId + "'][data-status=delivered]"
                        + " [data-testid=delivery-attempts]"))
                .stream().anyMatch(attempts -> attempts.getText().equals("2")));
        assertThat(dashboard.textOf("webhooks-status")).isEqualTo("Queued to be sent again.");
    }
}
