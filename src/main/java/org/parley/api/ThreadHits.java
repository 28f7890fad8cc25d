package org.parley.api;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.parley.web.CachedBody;

/**
 * The hot path: answers a thread read whose raw query string is in {@link ThreadCache} straight from Jetty, ahead
 * of Javalin's whole stack (Jetty's statistics, the servlet context, sessions and routing); every other request,
 * and every miss, goes on to them ({@link ThreadsApi#thread} then fills the cache). Reads that carry a session
 * cookie always go on, since a signed-in reader may have comments awaiting review that the shared page lacks. The
 * answer is the one Javalin would give: the headers of the route table's before handlers (nosniff, CORS), then
 * {@link CachedBody#send(Request, Response, Callback, HttpField)}, timed like every request ({@code ThreadsApiTest}
 * and {@code ThreadHitsTest} check that both answers are the same). Fixed headers are encoded once. Rate limits do
 * not apply: thread reads have none on either path. Decisions 0002 and 0020; the figures are in
 * bench/results/2026-12-08-thread-read.md. Stateless apart from its collaborators, thread-safe.
 */
final class ThreadHits extends Handler.Wrapper {

    static final String PATH = "/api/v1/threads";

    private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField VARY_ORIGIN = new PreEncodedHttpField(HttpHeader.VARY, "Origin");
    private static final HttpField NO_CACHE = CachedBody.cacheControl("no-cache");
    private static final String SESSION_COOKIE = Auth.COOKIE + "=";

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
        if (!HttpMethod.GET.is(request.getMethod()) || !PATH.equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        String query = request.getHttpURI().getQuery();
        CachedBody page = query == null || carriesSession(request) ? null : cache.getByQuery(query);
        if (page == null) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable headers = response.getHeaders();
        headers.add(NOSNIFF);
        headers.add(VARY_ORIGIN);
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null) {
            cors.allow(origin, headers::add);
        }
        int status = page.send(request, response, callback, NO_CACHE);
        timers.record("GET", PATH, status, System.nanoTime() - start);
        return true;
    }

    /**
     * Whether the request carries a session cookie: a signed-in reader may have comments awaiting review, which
     * only Javalin's route shows them, so such reads take the long way.
     */
    private static boolean carriesSession(Request request) {
        HttpFields fields = request.getHeaders();
        for (int i = 0; i < fields.size(); i++) {
            HttpField field = fields.getField(i);
            if (field.getHeader() == HttpHeader.COOKIE && field.getValue().contains(SESSION_COOKIE)) {
                return true;
            }
        }
        return false;
    }
}
