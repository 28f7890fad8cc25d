package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.Mailbox;
import org.parley.testing.TestServer;

/**
 * Sign-up confirmed by mail as a reader meets it: on a server that sends mail (a real SMTP server in the test), the
 * widget's sign-up says "check your inbox"; the mailed link confirms the address and leads back to the article,
 * where the reader logs in with the password they chose.
 */
class SignupByMailBrowserTest {

    private static final Mailbox mailbox = new Mailbox();

    @RegisterExtension
    static final TestServer SERVER = new TestServer(
            settings -> settings.withRateLimits(false).withMail(mailbox.settings()), Clock.systemUTC());

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void startMail() {
        mailbox.start();
    }

    @AfterAll
    static void stopMail() {
        mailbox.close();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void signing_up_in_the_widget_says_check_your_inbox_and_the_mailed_link_leads_back_to_log_in() {
        WidgetPage widget = new WidgetPage(browser).open(SERVER.demoArticleUrl()).open("open-signup", "signup-form");
        widget.fill("signup-displayName", "Inès Duarte");
        widget.fill("signup-email", "ines@mailed.example");
        widget.fill("signup-password", "a long enough password");
        widget.open("signup-submit", "signup-form");
        widget.waitForTextAt("[data-testid=signup-form] [data-testid=error]",
                "Check your inbox: we sent a mail to this address. Follow its link, then log in.");
        assertThat(widget.textOf("open-login")).as("no session before the link").isEqualTo("Log in");

        String link = Mailbox.link(mailbox.awaitSubject("ines@mailed.example", "Confirm your e-mail address"),
                "/account/verify?token=");
        browser.get(SERVER.baseUrl() + link);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBe(By.id("status"),
                "Thank you, Inès Duarte: your e-mail address is confirmed."));
        browser.findElement(By.id("return")).click();

        WidgetPage back = new WidgetPage(browser).open(browser.getCurrentUrl()).open("open-login", "login-form");
        back.fill("login-email", "ines@mailed.example");
        back.fill("login-password", "a long enough password");
        back.open("login-submit", "logout");
        assertThat(back.textOf("logout")).isEqualTo("Log out");
    }
}
