package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.account.Account;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Passwords;
import org.parley.account.Role;
import org.parley.store.Ids;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.TestServer;

/**
 * Issue 7, item 1, the browser's half: every payload of {@link XssCorpus} is put where readers and moderators see
 * it (a comment body, its author's display name, a report note, a story title, a moderator's decision reason) and
 * rendered in real Chromium: the widget on a publisher's page that has no Content-Security-Policy of its own (so
 * only Parley's escaping stands between the payload and the page), and the dashboard's reported queue, user panel
 * and log. A trap installed before any page script ({@code xss-trap.js}) records alert, confirm, prompt, eval, the
 * document.write, string timers, fetch and XMLHttpRequest to foreign origins, resource loads
 * to foreign origins and CSP violations; a canary HTTP server counts every request the payloads could make; a DOM scan
 * ({@code xss-scan.js}) looks for event handlers, dangerous URLs and frames. Nothing may fire. The publisher's page
 * and the canary are two small HTTP servers of the test's own on loopback.
 */
class XssBrowserTest {

    private static final int WIDGET_STORIES = 5;
    private static final String SITE = "xss";

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static HttpServer host;
    private static HttpServer canary;
    private static final List<String> canaryHits = new CopyOnWriteArrayList<>();
    private static List<String> payloads;
    private static String hostUrl;
    private static Caller admin;
    private static final String ADMIN_EMAIL = "xss-admin@example.org";

    @BeforeAll
    static void putEveryPayloadEverywhere() throws IOException {
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String html = path.matches("/article-\\d+\\.html") ? hostPage(path)
                    : path.equals("/control.html") ? controlPage() : null;
            byte[] page = html == null ? null : html.getBytes(StandardCharsets.UTF_8);
            if (page == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
            exchange.close();
        });
        host.start();
        hostUrl = "http://127.0.0.1:" + host.getAddress().getPort();
        canary = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        canary.createContext("/", exchange -> {
            canaryHits.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        canary.start();
        payloads = XssCorpus.payloads(canaryHostPort());

        var jdbi = SERVER.server().database().jdbi();
        Clock clock = Clock.systemUTC();
        new SiteStore(jdbi).save(new Site(SITE, "The XSS Gazette", List.of(hostUrl), Site.DEFAULT_GUIDELINES),
                clock.instant());
        Accounts accounts = new Accounts(new AccountStore(jdbi), clock);
        AccountStore store = new AccountStore(jdbi);
        String hash = Passwords.hash(World.PASSWORD);
        accounts.create(ADMIN_EMAIL, World.PASSWORD, "XSS Admin", Role.ADMIN);
        admin = Caller.logIn("admin", SERVER.baseUrl(), ADMIN_EMAIL, World.PASSWORD);
        Account reporterAccount = new Account(Ids.newId(), "xss-reporter@example.org", "Reporter", Role.READER,
                clock.instant());
        store.insert(reporterAccount, hash);
        Caller reporter = Caller.token("reporter", accounts.createToken(reporterAccount.id(), "xss"));
        admin.sendOk(SERVER.baseUrl(), "PATCH", "/api/v1/moderation/sites/" + SITE + "/settings",
                Map.of("reportsToQueue", 1));

        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            String name = payload.strip();
            boolean nameFits = !name.isEmpty() && name.length() <= 50
                    && name.chars().noneMatch(Character::isISOControl);
            Account author = new Account(Ids.newId(), "xss-author-" + i + "@example.org",
                    nameFits ? name : "Reader " + i, Role.READER, clock.instant());
            store.insert(author, hash);
            Caller writer = Caller.token("author " + i, accounts.createToken(author.id(), "xss"));

            String story = hostUrl + "/article-" + (i % WIDGET_STORIES) + ".html";
            String comment = post(writer, story, payload, "Quoted: " + payload);
            admin.sendOk(SERVER.baseUrl(), "POST", "/api/v1/moderation/comments/" + comment + "/decision",
                    Map.of("action", "feature", "reason", payload));
            reporter.sendOk(SERVER.baseUrl(), "POST", "/api/v1/comments/" + comment + "/reports",
                    Map.of("reason", "other", "note", payload));

            String probe = post(writer, hostUrl + "/title-" + i + ".html", payload, "A reader's remark " + i + ".");
            reporter.sendOk(SERVER.baseUrl(), "POST", "/api/v1/comments/" + probe + "/reports",
                    Map.of("reason", "spam", "note", payload));
        }
    }

    @AfterAll
    static void stopHostAndCanary() {
        if (host != null) {
            host.stop(0);
        }
        if (canary != null) {
            canary.stop(0);
        }
    }

    private static String canaryHostPort() {
        return "127.0.0.1:" + canary.getAddress().getPort();
    }

    @Test
    void no_payload_runs_in_the_widget_on_a_page_without_a_policy_nor_in_the_dashboard() {
        List<String> fired = new ArrayList<>();
        ChromeDriver browser = trapped(Browser.open());
        try {
            int comments = 0;
            for (int story = 0; story < WIDGET_STORIES; story++) {
                browser.get(hostUrl + "/article-" + story + ".html");
                comments += loadWholeThread(browser);
                fired.addAll(findings(browser, "widget, article " + story));
            }
            assertThat(comments).as("comments the widget showed").isEqualTo(payloads.size());
        } finally {
            browser.quit();
        }

        ChromeDriver dashboard = trapped(Browser.open());
        try {
            WebDriverWait wait = new WebDriverWait(dashboard, Duration.ofSeconds(20));
            dashboard.get(SERVER.baseUrl() + "/admin/#site=" + SITE + "&view=queue&queue=reported");
            // The dashboard shows its sign-in form once its message bundle has loaded.
            wait.until(d -> d.findElement(By.id("sign-in-email")).isDisplayed());
            dashboard.findElement(By.id("sign-in-email")).sendKeys(ADMIN_EMAIL);
            dashboard.findElement(By.id("sign-in-password")).sendKeys(World.PASSWORD);
            dashboard.findElement(By.cssSelector("[data-testid=sign-in-submit]")).click();
            wait.until(d -> !d.findElements(By.cssSelector("[data-testid=queue-item]")).isEmpty());
            int items = clickWhileShown(dashboard, "load-more", "queue-item");
            assertThat(items).as("reported queue items").isEqualTo(2 * payloads.size());
            fired.addAll(findings(dashboard, "dashboard, reported queue"));

            List<WebElement> authors = dashboard.findElements(By.cssSelector("[data-testid=open-user]"));
            for (int i = 0; i < Math.min(5, authors.size()); i++) {
                dashboard.findElements(By.cssSelector("[data-testid=open-user]")).get(i * 7).click();
                wait.until(d -> d.findElement(By.cssSelector("[data-testid=user-standing]")).isDisplayed());
                fired.addAll(findings(dashboard, "dashboard, user panel " + i));
                ((JavascriptExecutor) dashboard).executeScript("document.getElementById('user-panel').close()");
            }

            dashboard.get(SERVER.baseUrl() + "/admin/#site=" + SITE + "&view=log");
            wait.until(d -> !d.findElements(By.cssSelector("[data-testid=log-entry]")).isEmpty());
            int entries = clickWhileShown(dashboard, "log-more", "log-entry");
            assertThat(entries).as("log entries").isGreaterThanOrEqualTo(payloads.size());
            fired.addAll(findings(dashboard, "dashboard, log"));
        } finally {
            dashboard.quit();
        }
        canaryHits.forEach(hit -> fired.add("canary hit: " + hit));

        System.out.printf("XSS: %d payloads tried, %d executed (as comment bodies, display names, report notes, story"
                + " titles and decision reasons; widget and dashboard)%n", payloads.size(), fired.size());
        assertThat(fired).as("what the payloads managed to do").isEmpty();
    }

    /** The control: a page that does put payloads in unescaped, so the trap and the canary must see them. */
    @Test
    void the_trap_and_the_canary_catch_payloads_that_do_run() {
        ChromeDriver browser = trapped(Browser.open());
        try {
            browser.get(hostUrl + "/control.html");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !canaryHits.isEmpty());
            List<String> caught = findings(browser, "control");

            assertThat(caught).anyMatch(event -> event.contains("alert: control"))
                    .anyMatch(event -> event.contains("onerror on <img>"))
                    .anyMatch(event -> event.contains("load: http://" + canaryHostPort()));
            assertThat(canaryHits).anyMatch(hit -> hit.contains("control"));
        } finally {
            browser.quit();
            canaryHits.clear();
        }
    }

    private static String controlPage() {
        return "<!doctype html><html><head><meta charset=utf-8><title>Control</title></head><body>"
                + "<script>alert('control')</script><img src=\"http://" + canaryHostPort()
                + "/control.png\" onerror=\"void 0\"></body></html>";
    }

    private static String post(Caller writer, String url, String title, String body) {
        SERVER.client().get("/api/v1/threads?site=" + SITE + "&url=" + ApiClient.encode(url) + "&title="
                + ApiClient.encode(title));
        var posted = writer.sendOk(SERVER.baseUrl(), "POST", "/api/v1/comments", Map.of("site", SITE, "url", url,
                "body", body, "revised", true));
        String id = posted.get("comment").get("id").asText();
        if (!"published".equals(posted.get("status").asText())) {
            admin.sendOk(SERVER.baseUrl(), "POST", "/api/v1/moderation/comments/" + id + "/decision",
                    Map.of("action", "approve", "reason", title));
        }
        return id;
    }

    private static String hostPage(String path) {
        return "<!doctype html><html><head><meta charset=utf-8><title>A publisher's article</title></head><body>"
                + "<h1>An article</h1><div id=\"parley-thread\"></div><script src=\"" + SERVER.baseUrl()
                + "/embed.js\" data-parley-site=\"" + SITE + "\" data-parley-url=\"" + hostUrl + path
                + "\" async></script></body></html>";
    }

    /** Installs the trap in every document the browser opens from now on, before the page's own scripts. */
    private static ChromeDriver trapped(ChromeDriver driver) {
        String trap = resource("xss-trap.js")
                .replace("ALLOWED_ORIGINS", allowedOrigins())
                .replace("CANARY", "'" + canaryHostPort() + "'");
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", trap));
        return driver;
    }

    private static String allowedOrigins() {
        return "['" + SERVER.baseUrl() + "', '" + SERVER.baseUrl().replace("localhost", "127.0.0.1") + "', '"
                + hostUrl + "']";
    }

    /** Clicks "load more" in the widget's shadow root until it hides; answers how many comments show. */
    private static int loadWholeThread(ChromeDriver driver) {
        JavascriptExecutor js = driver;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        String count = "const root = document.getElementById('parley-thread').shadowRoot;"
                + " return root ? root.querySelectorAll('[data-testid=comment]').length : 0;";
        wait.until(d -> ((Number) js.executeScript(count)).intValue() > 0);
        for (int clicks = 0; clicks < 20; clicks++) {
            int before = ((Number) js.executeScript(count)).intValue();
            Boolean clicked = (Boolean) js.executeScript("const more = document.getElementById('parley-thread')"
                    + ".shadowRoot.querySelector('[data-testid=load-more]');"
                    + " if (!more || more.hidden) return false; more.click(); return true;");
            if (!clicked) {
                break;
            }
            wait.until(d -> ((Number) js.executeScript(count)).intValue() > before);
        }
        return ((Number) js.executeScript(count)).intValue();
    }

    /** Clicks the button with the test id until it hides; answers how many elements with {@code item} show. */
    private static int clickWhileShown(ChromeDriver driver, String button, String item) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        By items = By.cssSelector("[data-testid=" + item + "]");
        for (int clicks = 0; clicks < 40; clicks++) {
            List<WebElement> more = driver.findElements(By.cssSelector("[data-testid=" + button + "]"));
            if (more.isEmpty() || !more.get(0).isDisplayed()) {
                break;
            }
            int before = driver.findElements(items).size();
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()", more.get(0));
            wait.until(d -> d.findElements(items).size() > before);
        }
        return driver.findElements(items).size();
    }

    @SuppressWarnings("unchecked")
    private static List<String> findings(ChromeDriver driver, String where) {
        JavascriptExecutor js = driver;
        List<String> found = new ArrayList<>();
        ((List<Object>) js.executeScript("return window.__xssFired || ['no trap installed']"))
                .forEach(event -> found.add(where + ": " + event));
        ((List<Object>) js.executeScript(resource("xss-scan.js"), List.of(SERVER.baseUrl(),
                SERVER.baseUrl().replace("localhost", "127.0.0.1"), hostUrl)))
                .forEach(markup -> found.add(where + ": " + markup));
        return found;
    }

    private static String resource(String name) {
        try (InputStream in = XssBrowserTest.class.getResourceAsStream("/security/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
