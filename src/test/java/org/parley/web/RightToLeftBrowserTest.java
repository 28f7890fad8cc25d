package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.Browser;
import org.parley.testing.HostPages;
import org.parley.testing.TestServer;

/**
 * Issue 14: right-to-left languages lay out mirrored, before Parley ships a bundle for one. A publisher's page mounts
 * the widget in Arabic with Arabic texts the test hands it (as embed.js hands a fetched bundle): its root takes
 * {@code dir=rtl}, replies are indented from the right and the composer's buttons run from right to left, where the
 * same page in English does the opposite. The account pages and the dashboard turn too once their shared page code
 * is given an Arabic language.
 */
class RightToLeftBrowserTest {

    @RegisterExtension
    @Order(1)
    static final TestServer SERVER = new TestServer();

    @RegisterExtension
    @Order(2)
    static final HostPages HOST = new HostPages();

    private static final String ADMIN_EMAIL = "rtl-admin@example.org";
    private static final String ADMIN_PASSWORD = "a long admin password";
    /** Arabic for the texts the test looks at; keys it lacks show as the key, which does not matter here. */
    private static final String ARABIC = "{comments: {zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان',"
            + " few: '{n} تعليقات', many: '{n} تعليقًا', other: '{n} تعليق'}, sort: 'الترتيب',"
            + " newest: 'الأحدث أولًا', oldest: 'الأقدم أولًا', respected: 'الأكثر احترامًا',"
            + " join: 'سجّل الدخول أو أنشئ حسابًا للمشاركة في النقاش.', login: 'تسجيل الدخول',"
            + " signup: 'إنشاء حساب', logout: 'تسجيل الخروج', reply: 'ردّ', post: 'نشر التعليق',"
            + " preview: 'معاينة', cancel: 'إلغاء', yours: 'تعليقك', respect: 'احترام', report: 'إبلاغ',"
            + " replyingTo: 'ردًّا على {name}', signedIn: 'دخلت باسم {name}'}";

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void publishPages() {
        HOST.allowOn(SERVER, "demo");
        HOST.html("/ar", mountedPage("ar", "Promise.resolve(" + ARABIC + ")"), Map.of());
        HOST.html("/en", mountedPage("en",
                "fetch('" + SERVER.baseUrl() + "/i18n/widget.en.json').then((response) => response.json())"), Map.of());
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create(ADMIN_EMAIL, ADMIN_PASSWORD, "Rtl Admin", Role.ADMIN);
    }

    /** A host page that mounts the widget itself on the demo thread, in the language and with the texts given. */
    private static String mountedPage(String lang, String strings) {
        String parley = SERVER.baseUrl();
        return "<!doctype html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Host</title></head>"
                + "<body><div id=\"parley-thread\"></div><script src=\"" + parley + "/widget/widget.js\"></script>"
                + "<script>Parley.mount(document.getElementById('parley-thread'), {base: '" + parley + "/', lang: '"
                + lang + "', strings: " + strings + ", site: 'demo', url: '" + SERVER.demoArticleUrl()
                + "', title: 'Host', theme: 'light', sort: 'oldest'});</script></body></html>";
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void the_widget_in_arabic_runs_right_to_left() {
        WidgetPage widget = new WidgetPage(browser).open(HOST.url("/ar"));

        assertThat(widget.direction()).isEqualTo("rtl");
        assertThat(widget.textOf("heading")).contains("تعليق");
        List<Double> parent = widget.horizontalExtent(PARENT);
        List<Double> reply = widget.horizontalExtent(REPLY);
        assertThat(reply.get(1)).as("a reply is indented from the right").isLessThan(parent.get(1) - 10);
        assertThat(reply.get(0)).as("and reaches the same left edge").isCloseTo(parent.get(0), within(1.0));

        widget.signUp("Layla Haddad", "layla@rtl.example", "a long enough password");
        assertThat(widget.horizontalExtent(SUBMIT).get(0)).as("the first button stands rightmost")
                .isGreaterThan(widget.horizontalExtent(PREVIEW).get(1));
    }

    @Test
    void the_same_widget_in_english_runs_left_to_right() {
        WidgetPage widget = new WidgetPage(browser).open(HOST.url("/en"));

        assertThat(widget.direction()).isEqualTo("ltr");
        List<Double> parent = widget.horizontalExtent(PARENT);
        List<Double> reply = widget.horizontalExtent(REPLY);
        assertThat(reply.get(0)).as("a reply is indented from the left").isGreaterThan(parent.get(0) + 10);
        assertThat(reply.get(1)).isCloseTo(parent.get(1), within(1.0));

        widget.signUp("Lena Brandt", "lena@rtl.example", "a long enough password");
        assertThat(widget.horizontalExtent(SUBMIT).get(1)).isLessThan(widget.horizontalExtent(PREVIEW).get(0));
    }

    @Test
    void an_account_page_turns_right_to_left_for_arabic() {
        browser.get(SERVER.baseUrl() + "/account/reset?token=whatever");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Choose a new password"));
        WebElement button = browser.findElement(By.cssSelector("button[type=submit]"));
        WebElement form = button.findElement(By.xpath("ancestor::form"));
        assertThat(button.getRect().getX()).as("left to right first").isEqualTo(form.getRect().getX());

        turnToArabic(wait);

        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        WebElement turned = browser.findElement(By.cssSelector("button[type=submit]"));
        WebElement turnedForm = turned.findElement(By.xpath("ancestor::form"));
        assertThat(turned.getRect().getX() + turned.getRect().getWidth())
                .isEqualTo(turnedForm.getRect().getX() + turnedForm.getRect().getWidth());
        assertThat(turned.getRect().getX()).isGreaterThan(turnedForm.getRect().getX());
    }

    @Test
    void the_dashboard_turns_right_to_left_for_arabic() {
        new DashboardPage(browser, SERVER.baseUrl()).signIn("", ADMIN_EMAIL, ADMIN_PASSWORD);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        assertThat(x("tab-overview")).as("left to right first").isLessThan(x("tab-queue"));

        turnToArabic(wait);

        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(x("tab-overview")).as("the first tab stands rightmost").isGreaterThan(x("tab-queue"));
    }

    /** Gives the page's shared code (common/page.js) the Arabic language, as an Arabic bundle would. */
    private void turnToArabic(WebDriverWait wait) {
        browser.executeScript("import('/common/page.js').then((page) => page.translatePage('ar'))");
        wait.until(driver -> "rtl".equals(browser.findElement(By.tagName("html")).getAttribute("dir")));
    }

    private int x(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]")).getRect().getX();
    }

    private static final String PARENT = "li.c:has(> ol.replies > li) > article";
    private static final String REPLY = "li.c:has(> ol.replies > li) > ol.replies > li > article";
    private static final String SUBMIT = "[data-testid=comment-form] [data-testid=submit-comment]";
    private static final String PREVIEW = "[data-testid=comment-form] [data-testid=preview-button]";
}
