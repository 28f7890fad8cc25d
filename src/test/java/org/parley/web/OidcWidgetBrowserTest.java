package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.parley.account.AccountStore;
import org.parley.account.Accounts;
import org.parley.account.Role;
import org.parley.site.OidcClient;
import org.parley.site.SiteStore;
import org.parley.testing.ApiClient;
import org.parley.testing.Browser;
import org.parley.testing.OidcProvider;
import org.parley.testing.TestServer;

/**
 * Sign-in with an OpenID provider in a real browser (issue 14's "done when"): the widget's log-in form offers the
 * site's provider, a click goes through a real provider on loopback ({@link OidcProvider}), and the reader lands
 * back on the article signed in and posts; an admin offers a provider in the dashboard's settings, the secret never
 * shown, and the thread answer the widget reads names it.
 */
class OidcWidgetBrowserTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @RegisterExtension
    static final OidcProvider PROVIDER = new OidcProvider("parley-widget", "the widget test's client secret");

    private final ChromeDriver browser = Browser.open();

    @BeforeAll
    static void offerTheProvider() {
        new SiteStore(SERVER.server().database().jdbi()).saveOidcClients("demo", List.of(new OidcClient("test",
                PROVIDER.issuer(), PROVIDER.clientId(), PROVIDER.clientSecret())));
    }

    @AfterEach
    void closeTheBrowser() {
        browser.quit();
    }

    @Test
    void aReaderSignsInWithTheProviderFromTheWidgetAndPosts() {
        PROVIDER.signInAs(new OidcProvider.User("widget-reader", "Grace Provider", "grace@example.org", true));
        String article = SERVER.demoArticleUrl();
        WidgetPage page = new WidgetPage(browser).open(article);
        assertThat(page.providerButtons()).contains("Sign in with test");
        assertThat(page.textOf("open-signup")).isNotBlank(); // the sign-up form stays

        page.open(article).signInWith("test", article);

        String comment = page.post("Signed in with my provider from the widget.");
        assertThat(page.author(comment)).isEqualTo("Grace Provider");
    }

    @Test
    void aReaderWithAPasswordLinksTheProviderFromTheAccountMenuAndLaterSignsInWithIt() {
        PROVIDER.signInAs(new OidcProvider.User("linking-reader", "Name At The Provider", "linda@example.org", true));
        String article = SERVER.demoArticleUrl();
        WidgetPage page = new WidgetPage(browser).open(article)
                .signUp("Linda Password", "linda@example.org", "a long enough password");

        page.linkWith("test", article).logOut().signInWith("test", article);

        String comment = page.post("Signed in with the provider I linked to my account.");
        assertThat(page.author(comment)).isEqualTo("Linda Password");
    }

    @Test
    void anAdminOffersGoogleInTheDashboardTheSecretStaysHiddenAndTheThreadNamesIt() {
        new Accounts(new AccountStore(SERVER.server().database().jdbi()), Clock.systemUTC())
                .create("chief@oidc.example", "a long admin password", "Chief", Role.ADMIN);
        DashboardPage dashboard = new DashboardPage(browser, SERVER.baseUrl())
                .signIn("", "chief@oidc.example", "a long admin password");
        dashboard.openTab("settings");
        assertThat(dashboard.oidcRedirectUri()).isEqualTo(SERVER.baseUrl() + "/api/v1/auth/oidc/callback");

        String line = dashboard.saveOidcProvider("google", "1234.apps.example", "a secret nobody reads back");
        assertThat(line).contains("google").contains("1234.apps.example").contains("https://accounts.google.com")
                .contains("secret set");
        assertThat(browser.getPageSource()).doesNotContain("a secret nobody reads back");

        // A story no one has read yet, so that no cached thread page predates the change.
        assertThat(SERVER.client().get("/api/v1/threads?site=demo&url=" + ApiClient.encode(SERVER.baseUrl()
                + "/another-story")).json().get("site").get("oidc").toString()).contains("google", "test");
    }
}
