package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.site.SsoKeys;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.Browser;
import org.parley.testing.PublisherTokens;
import org.parley.testing.TestServer;

/**
 * Publisher sign-in in a real browser: a publisher's site on another loopback port (a small Javalin app) mints
 * HS256 tokens for its signed-in reader; the widget on its page signs in with them and posts as that reader.
 */
class SsoWidgetBrowserTest {

    private static final String SECRET = "the publisher's secret, thirty-two characters or more";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static Javalin publisher;
    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void startThePublisher() {
        publisher = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "localhost";
            config.jetty.port = 0;
            config.routes.get("/article", ctx -> page(ctx, true));
            config.routes.get("/later", ctx -> page(ctx, false));
            config.routes.get("/token", ctx -> ctx.result(token()));
            config.routes.get("/login", ctx -> ctx.html("<h1>The publisher's log-in page</h1>"));
            config.routes.get("/signed-out", ctx -> ctx.html("<h1>Signed out of the publisher</h1>"));
        }).start();
        var jdbi = SERVER.server().database().jdbi();
        SiteStore sites = new SiteStore(jdbi);
        Site demo = sites.find("demo").orElseThrow();
        List<String> origins = new ArrayList<>(demo.origins());
        origins.add(publisherUrl(""));
        sites.save(new Site(demo.id(), demo.name(), origins, demo.guidelines(), demo.language()), Instant.now());
        new SiteStore(jdbi).saveSsoKeys("demo", new SsoKeys(SECRET, null));
    }

    @AfterAll
    static void stopThePublisher() {
        publisher.stop();
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    private static String publisherUrl(String path) {
        return "http://localhost:" + publisher.port() + path;
    }

    /** The publisher's signed-in reader, as its own server vouches for them. */
    private static String token() {
        return PublisherTokens.hs256(SECRET, PublisherTokens.claims("reader-42", "Grace Publisher"));
    }

    /** An article page: with the token in the script tag, or with a button that hands one over later. */
    private static void page(Context ctx, boolean withToken) {
        ctx.html("<!doctype html><html><head><title>Publisher article</title></head><body>"
                + "<h1>An article on the publisher's site</h1>"
                + (withToken ? "" : "<button id=signin onclick=\"fetch('/token').then(r => r.text())"
                        + ".then(t => window.parley.setSsoToken(t))\">Sign in with the publisher</button>")
                + "<div id=parley-thread></div>"
                + "<script src=\"" + SERVER.baseUrl() + "/embed.js\" data-parley-site=demo"
                + " data-parley-url=\"" + publisherUrl("/article") + "\""
                + (withToken ? " data-parley-sso-token=\"" + token() + "\"" : "")
                + " data-parley-login-url=\"" + publisherUrl("/login") + "\""
                + " data-parley-logout-url=\"" + publisherUrl("/signed-out") + "\" async></script></body></html>");
    }

    @Test
    void theWidgetSignsInWithThePagesTokenAndPostsAsThePublishersReader() {
        WidgetPage page = new WidgetPage(browser).open(publisherUrl("/article"));
        String comment = page.post("Posted through the publisher's sign-in.");
        assertThat(page.author(comment)).isEqualTo("Grace Publisher");
    }

    @Test
    void setSsoTokenSignsInLaterAndTheLogInAndLogOutLinksGoToThePublishersPages() {
        WidgetPage page = new WidgetPage(browser).open(publisherUrl("/later"));
        clickInWidget("open-login");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("The publisher's log-in page");

        page.open(publisherUrl("/later"));
        browser.findElement(By.id("signin")).click();
        String comment = page.post("Signed in after the page loaded.");
        assertThat(page.author(comment)).isEqualTo("Grace Publisher");

        clickInWidget("logout");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/signed-out"));
        page.open(publisherUrl("/later"));
        assertThat(browser.executeScript("return !!document.getElementById('parley-thread').shadowRoot"
                + ".querySelector('[data-testid=open-login]')")).as("Parley's session ended too").isEqualTo(true);
    }

    private void clickInWidget(String testId) {
        browser.executeScript("document.getElementById('parley-thread').shadowRoot"
                + ".querySelector('[data-testid=" + testId + "]').click()");
    }
}
