package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.HostPages;
import org.parley.testing.TestServer;

/**
 * A person in Chromium with the demo site's proof of work on {@code always}: signing up and posting as a guest
 * take no step beyond the usual form (the widget fetches the challenge, ALTCHA's solver finds the number, and the
 * form goes again by itself), on Parley's page and on a publisher's, and each spends one challenge; the honeypot
 * is out of sight and out of the tab order; a moderator sets the mode in the dashboard.
 */
class ChallengeBrowserTest {

    @RegisterExtension
    @Order(1)
    static final TestServer SERVER = new TestServer();

    @RegisterExtension
    @Order(2)
    static final HostPages HOST = new HostPages();

    private static ApiClient admin;
    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void alwaysAsk() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create("admin@challenge-browser.example", "correct horse battery", "Admin", Role.ADMIN);
        admin = SERVER.client();
        assertThat(admin.post("/api/v1/auth/login", Map.of("email", "admin@challenge-browser.example",
                "password", "correct horse battery")).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challenge", "always",
                "guestComments", "published")).status()).isEqualTo(200);
        HOST.allowOn(SERVER, "demo");
        String parley = SERVER.baseUrl();
        HOST.html("/open", HostPages.widgetPage(SERVER, "en", ""), Map.of());
        HOST.html("/strict", HostPages.widgetPage(SERVER, "en", ""), Map.of("Content-Security-Policy",
                "script-src 'self' " + parley + "; style-src 'self' " + parley + "; connect-src " + parley));
    }

    /**
     * On a publisher's page (another origin) the solver runs as a blob worker where the page allows it, and on the
     * page's thread where its policy refuses blob workers: either way the person only fills in the form.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/open", "/strict"})
    void a_person_signs_up_on_a_publishers_page(String page) {
        long before = spent();
        new WidgetPage(browser).open(HOST.url(page))
                .signUp("Host Reader", "reader" + page.substring(1) + "@challenge-browser.example",
                        "a long enough password");
        assertThat(spent()).isEqualTo(before + 1);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void a_person_signs_up_and_posts_with_the_usual_form_and_the_proof_of_work_runs_by_itself() {
        long before = spent();
        WidgetPage reader = new WidgetPage(browser).open(SERVER.demoArticleUrl());
        reader.signUp("Petra Person", "petra@challenge-browser.example", "a long enough password");
        assertThat(spent()).as("one challenge solved and spent").isEqualTo(before + 1);
        String id = reader.post("Signed up without noticing the check.");
        assertThat(reader.text(id)).isEqualTo("Signed up without noticing the check.");
    }

    @Test
    void a_guest_posts_after_the_proof_of_work_and_the_honeypots_stay_out_of_sight_and_reach() {
        WidgetPage guest = new WidgetPage(browser).open(SERVER.demoArticleUrl());
        assertThat(guest.honeypot("comment-form")).isEqualTo("-1 true false");
        long before = spent();
        String id = guest.postAsGuest("Gwen Guest", "gwen@challenge-browser.example", "A guest's word, checked.");
        assertThat(guest.text(id)).isEqualTo("A guest's word, checked.");
        assertThat(spent()).isEqualTo(before + 1);
        guest.openSignUp();
        assertThat(guest.honeypot("signup-form")).isEqualTo("-1 true false");
    }

    @Test
    void a_moderator_sets_the_mode_and_the_work_in_the_settings_form() {
        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("#view=settings", "admin@challenge-browser.example", "correct horse battery");
        assertThat(dashboard.saveChoiceAndNumber("challenge", "threshold", "challengeComplexity", "80000"))
                .isEqualTo("Saved.");
        var settings = admin.get("/api/v1/moderation/sites/demo/settings").json().get("settings");
        assertThat(settings.get("challenge").asText()).isEqualTo("threshold");
        assertThat(settings.get("challengeComplexity").asInt()).isEqualTo(80_000);
        assertThat(admin.patch("/api/v1/moderation/sites/demo/settings", Map.of("challenge", "always",
                "challengeComplexity", 50_000)).status()).isEqualTo(200);
    }

    private static long spent() {
        return SERVER.server().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM spent_challenges").mapTo(Long.class).one());
    }
}
