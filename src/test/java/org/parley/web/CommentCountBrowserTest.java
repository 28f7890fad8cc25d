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

/** The comment-count script on the demo's article list, as a visitor's browser runs it, in English and Polish. */
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

    /** Issue 14: the words take the language's CLDR plural form; Polish 5 is "many", neither "one" nor "few". */
    @Test
    void the_count_in_polish_takes_the_many_form() {
        browser.get(SERVER.baseUrl() + "/articles");
        WebElement count = browser.findElement(By.cssSelector("[data-parley-count-url]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> count.getText().equals("5 comments"));

        browser.executeScript("const script = Object.assign(document.createElement('script'), {src: '/count.js'});"
                + " script.dataset.parleySite = 'demo'; script.dataset.parleyLang = 'pl';"
                + " document.body.append(script);");

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> count.getText().equals("5 komentarzy"));
    }
}
