package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

/** The comment-count script on the demo's article list, as a visitor's browser runs it. */
class CommentCountBrowserTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ChromeDriver browser = Browser.open();

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void the_article_list_shows_how_many_comments_each_article_has() {
        browser.get(SERVER.baseUrl() + "/articles");
        By count = By.cssSelector("[data-parley-count-url]");

        String shown = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(count).stream()
                .findFirst().map(WebElement::getText).filter(text -> text.matches("\\d+ comments?")).orElse(null));
        assertThat(browser.findElement(count).getAttribute("data-parley-count-url")).isEqualTo(SERVER.demoArticleUrl());
        assertThat(shown).isEqualTo("5 comments");
    }
}
