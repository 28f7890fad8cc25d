package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.ApiClient;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/** The dashboard's page and files at /admin, as a browser fetches them. */
class DashboardAssetsTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private final ApiClient browser = SERVER.client();

    /** The route /admin redirected /admin/ to itself too, since Javalin ignores trailing slashes: a loop. */
    @Test
    void the_dashboard_page_answers_at_admin_with_a_slash_and_a_bare_admin_is_sent_there() {
        Response page = browser.get("/admin/");
        Response bare = browser.get("/admin");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.text()).contains("<script type=\"module\" src=\"/admin/admin.js\"></script>");
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("/admin/");
    }

    @Test
    void the_dashboard_scripts_and_styles_are_served_from_admin() {
        for (String file : new String[] {"admin.js", "api.js", "dom.js", "queue.js", "item.js", "live.js", "users.js",
                "log.js", "settings.js", "overview.js", "charts.js", "models.js", "webhooks.js",
                "sites.js", "badges.js"}) {
            Response script = browser.get("/admin/" + file);
            assertThat(script.status()).as(file).isEqualTo(200);
            assertThat(script.header("Content-Type")).as(file).startsWith("text/javascript");
        }
        assertThat(browser.get("/admin/admin.css").header("Content-Type")).startsWith("text/css");
    }

    @Test
    void the_helpers_the_dashboard_imports_are_served_from_common() {
        Response helpers = browser.get("/common/page.js");

        assertThat(helpers.status()).isEqualTo(200);
        assertThat(helpers.header("Content-Type")).startsWith("text/javascript");
    }
}
