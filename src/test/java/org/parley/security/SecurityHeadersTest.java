package org.parley.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.testing.Response;
import org.parley.testing.TestServer;

/**
 * Issue 7, item 1: the headers that keep browsers safe, over HTTP on every route of {@link RouteTable} (so every
 * registered route) as the admin calls it, and on answers no route gives (404s, a missing asset, a page file asked
 * for by name). Every answer carries {@code X-Content-Type-Options: nosniff}; every HTML answer a strict
 * Content-Security-Policy with {@code frame-ancestors}, {@code X-Frame-Options} and a Referrer-Policy.
 */
class SecurityHeadersTest {

    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    private static World world;

    @BeforeAll
    static void cast() {
        world = new World(SERVER);
    }

    @Test
    void every_answer_is_nosniff_and_every_html_page_has_the_page_headers() {
        List<String> wrong = new ArrayList<>();
        Set<String> pages = new LinkedHashSet<>();
        List<String> paths = new ArrayList<>();
        for (RouteTable.Row row : RouteTable.ROWS) {
            RouteTable.Call call = row.call().apply(world);
            paths.add(call.path());
            check(row.method(), call.path(), world.admin.send(world.baseUrl(), row.method(), call.path(),
                    call.body()), wrong, pages);
        }
        for (String path : List.of("/no-such-page", "/api/v1/no-such-route", "/widget/missing.js",
                "/admin/index.html", "/admin", "/articles?x=%3Cscript%3E", "/api/v1/threads?site=demo")) {
            check("GET", path, Caller.signedOut().send(world.baseUrl(), "GET", path, null), wrong, pages);
        }

        System.out.printf("security headers: %d answers checked, HTML pages: %s%n", paths.size() + 7, pages);
        assertThat(pages).contains("/", "/articles", "/admin/", "/admin/index.html");
        assertThat(wrong).as("answers without the headers they need").isEmpty();
    }

    private static void check(String method, String path, Response response, List<String> wrong, Set<String> pages) {
        String where = method + " " + path + " (" + response.status() + ")";
        if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
            wrong.add(where + ": no nosniff");
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("text/html")) {
            return;
        }
        pages.add(path);
        String policy = response.header("Content-Security-Policy");
        if (policy == null || !policy.contains("frame-ancestors 'none'") || !policy.contains("script-src 'self'")
                || !policy.contains("object-src 'none'") || policy.contains("'unsafe-eval'")) {
            wrong.add(where + ": policy " + policy);
        }
        if (!"DENY".equals(response.header("X-Frame-Options"))) {
            wrong.add(where + ": X-Frame-Options " + response.header("X-Frame-Options"));
        }
        // Pages opened from mailed links carry a token in their address, which must not leave in a referrer.
        String referrerPolicy = path.startsWith("/account/") ? "no-referrer" : "strict-origin-when-cross-origin";
        if (!referrerPolicy.equals(response.header("Referrer-Policy"))) {
            wrong.add(where + ": Referrer-Policy " + response.header("Referrer-Policy"));
        }
    }
}
