package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

/** The pages mailed links open speak the language asked for in the address, and English otherwise. */
class AccountPagesBrowserTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ChromeDriver browser = Browser.open();
    private final WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void the_reset_page_speaks_turkish_when_asked() {
        browser.get(SERVER.baseUrl() + "/account/reset?token=whatever&lang=tr");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Yeni bir parola seçin"));
        assertThat(browser.getTitle()).isEqualTo("Yeni bir parola seçin");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("tr");
        assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText())
                .isEqualTo("Yeni parolayı kaydet");

        submitDifferentPasswords();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "İki parola birbirini tutmuyor."));
    }

    @Test
    void the_reset_page_speaks_english_by_default_and_for_an_unknown_language() {
        browser.get(SERVER.baseUrl() + "/account/reset?token=whatever&lang=xx");
        submitDifferentPasswords();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "The two passwords differ."));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Choose a new password");
    }

    @Test
    void the_verify_and_unsubscribe_pages_speak_turkish_when_asked() {
        browser.get(SERVER.baseUrl() + "/account/verify?token=whatever&lang=tr");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "E-posta adresinizi doğrulayın"));
        wait.until(driver -> !driver.findElement(By.id("status")).getText().isEmpty()
                && !driver.findElement(By.id("status")).getText().equals("Doğrulanıyor…"));
        assertThat(browser.findElement(By.id("status")).getAttribute("class")).isEqualTo("error");

        browser.get(SERVER.baseUrl() + "/account/unsubscribe?token=whatever&lang=tr");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Abonelikten çık"));
        assertThat(browser.findElement(By.tagName("p")).getText())
                .isEqualTo("Bu bağlantının geldiği e-postalar durdurulsun mu? Giriş yapmanız gerekmez.");
    }

    private void submitDifferentPasswords() {
        browser.findElement(By.id("password")).sendKeys("a long enough passphrase");
        browser.findElement(By.id("repeat")).sendKeys("another long passphrase");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
