package org.parley.api;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.parley.web.CachedBody;

/**
 * The hot path: answers a thread read whose raw query string is in {@link ThreadCache} straight from Jetty, before
 * the servlet layer and Javalin; every other request, and every miss, goes on to them ({@link ThreadsApi#thread}
 * then fills the cache). Reads that carry a session cookie always go on, since a signed-in reader may have
 * comments awaiting review that the shared page lacks. The answer is the one Javalin would give: the headers of
 * the route table's before handlers (nosniff, CORS), then
 * {@link CachedBody#send(Request, Response, Callback, String)}, timed like every request ({@code ThreadsApiTest}
 * checks that both answers are the same). Skipping the servlet, session and routing
 * layers saves a cached thread read about a tenth of its CPU time (bench/results/2026-11-28-thread-read.md).
 */
final class ThreadHits extends Handler.Wrapper {

    static final String PATH = "/api/v1/threads";

    private final ThreadCache cache;
    private final Cors cors;
    private final HttpServer.RequestTimers timers;

    ThreadHits(ThreadCache cache, Cors cors, HttpServer.RequestTimers timers) {
        this.cache = cache;
        this.cors = cors;
        this.timers = timers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        if (!HttpMethod.GET.is(request.getMethod()) || !PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        String query = request.getHttpURI().getQuery();
        CachedBody page = query == null || carriesSession(request) ? null : cache.getByQuery(query);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable headers = response.getHeaders();
        headers.add("X-Content-Type-Options", "nosniff");
        cors.apply(request.getHeaders().get("Origin"), headers::add);
        int status = page.send(request, response, callback, "no-cache");
        timers.record("GET", PATH, status, System.nanoTime() - start);
        return true;
    }

    /**
     * Whether the request carries a session cookie: a signed-in reader may have comments awaiting review, which
     * only Javalin's route shows them, so such reads take the long way.
     */
    private static boolean carriesSession(Request request) {
        for (String cookie : request.getHeaders().getValuesList("Cookie")) {
            if (cookie.contains(Auth.COOKIE + "=")) {
                return true;
            }
        }
        return false;
    }
}
