package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.testing.Browser;
import org.parley.testing.HostPages;
import org.parley.testing.TestServer;

/**
 * The widget on a publisher's pages, another origin than Parley's: it picks its language from the script tag's
 * {@code data-parley-lang}, else the host page's {@code <html lang>}, and shows the demo thread in it, relative times
 * included; and it works under a strict Content-Security-Policy (scripts, styles and
 * connections only from the page itself and Parley, nothing inline) without a single violation.
 */
class WidgetOnHostPagesBrowserTest {

    @RegisterExtension
    @Order(1)
    static final TestServer SERVER = new TestServer();

    @RegisterExtension
    @Order(2)
    static final HostPages HOST = new HostPages();

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void publishPages() {
        HOST.allowOn(SERVER, "demo");
        String parley = SERVER.baseUrl();
        HOST.html("/strict", HostPages.widgetPage(SERVER, "en", ""), Map.of("Content-Security-Policy",
                "script-src 'self' " + parley + "; style-src 'self' " + parley + "; connect-src " + parley));
        HOST.html("/tr-by-attribute", HostPages.widgetPage(SERVER, "en", "data-parley-lang=\"tr\""), Map.of());
        HOST.html("/tr-by-page", HostPages.widgetPage(SERVER, "tr-TR", ""), Map.of());
        HOST.html("/de-by-page", HostPages.widgetPage(SERVER, "de", "data-parley-lang=\"ja\""), Map.of());
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void the_script_tag_asks_for_turkish() {
        assertSpeaksTurkish(new WidgetPage(browser).open(HOST.url("/tr-by-attribute")));
    }

    @Test
    void the_host_pages_language_is_turkish() {
        assertSpeaksTurkish(new WidgetPage(browser).open(HOST.url("/tr-by-page")));
    }

    @Test
    void a_language_the_widget_lacks_gives_way_to_the_pages() {
        WidgetPage widget = new WidgetPage(browser).open(HOST.url("/de-by-page"));

        assertThat(widget.textOf("heading")).matches("\\d+ Kommentare");
        assertThat(widget.textOf("open-login")).isEqualTo("Anmelden");
    }

    @Test
    void a_reader_signs_up_and_posts_under_a_strict_policy_without_violations() {
        WidgetPage dana = new WidgetPage(browser).open(HOST.url("/strict"))
                .signUp("Dana Ilić", "dana@example.org", "a long enough password");
        dana.post("Posted from a page that allows no inline scripts or styles.");
        dana.open("open-account", "account-menu");

        assertThat(violations()).isEmpty();
        browser.executeScript("document.body.setAttribute('style', 'color: red')");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .withMessage("the page's listener sees an inline style blocked").until(d -> !violations().isEmpty());
        assertThat(violations()).singleElement().asString().startsWith("style-src");
    }

    @SuppressWarnings("unchecked")
    private List<Object> violations() {
        return (List<Object>) browser.executeScript("return window.violations");
    }

    private static void assertSpeaksTurkish(WidgetPage widget) {
        assertThat(widget.textOf("heading")).matches("\\d+ yorum");
        assertThat(widget.textAt("label.sort")).startsWith("Sıralama");
        assertThat(widget.textOf("open-login")).isEqualTo("Giriş yap");
        assertThat(widget.textOf("open-signup")).isEqualTo("Kaydol");
        assertThat(widget.textAt("time")).matches("şimdi|.* önce");
        widget.open("open-login", "forgot-password");
        assertThat(widget.textOf("forgot-password")).isEqualTo("Parolanızı mı unuttunuz?");
    }
}
