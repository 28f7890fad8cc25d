package org.parley.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.site.Site;
import org.parley.site.SiteStore;

/**
 * A publisher's site for browser tests: pages on a loopback port of their own (another origin than Parley's, the
 * same site, as a newsroom's www and comments hosts are), each sent with the headers the test gives it. Register
 * it as a static {@code @RegisterExtension} field after the {@link TestServer}; {@link #allowOn} lets the demo site
 * accept it.
 */
public final class HostPages implements BeforeAllCallback, AfterAllCallback {

    private record Page(String type, String body, Map<String, String> headers) {
    }

    /** Collects the page's Content-Security-Policy violations in {@code window.violations}, from the start. */
    private static final String LISTENER = "window.violations = [];"
            + " document.addEventListener('securitypolicyviolation',"
            + " (event) => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));";

    private final Map<String, Page> pages = new ConcurrentHashMap<>(
            Map.of("/listen.js", new Page("text/javascript; charset=utf-8", LISTENER, Map.of())));
    private HttpServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Page page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "Not found" : page.body()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", page == null ? "text/plain" : page.type());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (page != null) {
                page.headers().forEach(exchange.getResponseHeaders()::set);
            }
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop(0);
    }

    /** Serves an HTML page at {@code path} with the given response headers. */
    public void html(String path, String html, Map<String, String> headers) {
        pages.put(path, new Page("text/html; charset=utf-8", html, headers));
    }

    /** This site's origin, e.g. http://localhost:41234: same host name as Parley's, another port. */
    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return origin() + path;
    }

    /** Adds this origin to a site's allowed origins on the test server (before its first cross-origin request). */
    public void allowOn(TestServer parley, String siteId) {
        SiteStore sites = new SiteStore(parley.server().database().jdbi());
        Site site = sites.find(siteId).orElseThrow();
        List<String> origins = new ArrayList<>(site.origins());
        origins.add(origin());
        sites.save(new Site(site.id(), site.name(), origins, site.guidelines()), Instant.now());
    }

    /**
     * A page that embeds the widget from {@code parley} on the demo thread and loads {@code /listen.js}, which
     * gathers CSP violations; {@code attributes} go on the script tag as written (e.g. {@code data-parley-lang="tr"}).
     */
    public static String widgetPage(TestServer parley, String htmlLang, String attributes) {
        return "<!doctype html><html lang=\"" + htmlLang + "\"><head><meta charset=\"utf-8\"><title>Host</title>"
                + "<script src=\"/listen.js\"></script></head><body><h1>An article</h1>"
                + "<div id=\"parley-thread\"></div><script src=\"" + parley.baseUrl() + "/embed.js\""
                + " data-parley-site=\"demo\" data-parley-url=\"" + parley.demoArticleUrl() + "\" " + attributes
                + " async></script></body></html>";
    }
}
