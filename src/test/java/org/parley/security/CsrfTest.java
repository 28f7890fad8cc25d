package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue 7, item 3: every change a session cookie can make needs the session's CSRF header. The routes come from
 * {@link RouteTable} (so from the server's own route list): each one that is not a GET (nor a pre-flight) is called
 * with the admin's cookie, who passes every other guard, and without the header; all but the few marked
 * {@link RouteTable.Row#exemptFromCsrf} (sign-up, log-in, SSO, preview, the mailed links' calls: no session
 * needed; Perspective's analyze: keyed by ?key= only) must answer 403
 * {@code csrf_mismatch} and change nothing that the same call with the header would.
 */
class CsrfTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static World world;

    @BeforeAll
    static void cast() {
        world = new World(SERVER);
    }

    @Test
    void every_cookie_authenticated_change_without_the_csrf_header_is_refused() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (RouteTable.Row row : RouteTable.ROWS) {
            if (row.method().equals("GET") || row.method().equals("OPTIONS") || row.exemptFromCsrf()) {
                continue;
            }
            Caller forged = world.admin.withoutCsrf();
            RouteTable.Call call = row.call().apply(world);
            Response response = forged.send(world.baseUrl(), row.method(), call.path(), call.body());
            checked++;
            if (response.status() != 403 || !response.text().contains("csrf_mismatch")) {
                wrong.add(row.route() + ": " + response);
            }
        }
        System.out.printf("CSRF: %d cookie-authenticated changes checked without the header%n", checked);
        assertThat(checked).isGreaterThanOrEqualTo(18);
        assertThat(wrong).as("changes a cookie could make without the CSRF header").isEmpty();
    }

    @Test
    void the_same_changes_with_an_api_token_need_no_csrf_header() {
        RouteTable.Row post = RouteTable.ROWS.stream()
                .filter(row -> row.route().equals("POST /api/v1/comments")).findFirst().orElseThrow();
        RouteTable.Call call = post.call().apply(world);

        assertThat(world.adminToken.send(world.baseUrl(), "POST", call.path(), call.body()).status()).isEqualTo(201);
    }
}
