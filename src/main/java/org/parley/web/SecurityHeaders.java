package org.parley.web;

import io.javalin.http.Context;

/**
 * The headers that keep browsers from misreading or misusing what Parley sends. Every response gets
 * {@code X-Content-Type-Options: nosniff}; every HTML page (whatever route sent it, so new pages are covered
 * without remembering to) also gets a strict Content-Security-Policy (scripts and connections to this origin only,
 * no plugins, no framing), {@code X-Frame-Options: DENY} for browsers that predate {@code frame-ancestors}, and a
 * Referrer-Policy that sends other sites the origin at most. The widget on publishers' pages is not an HTML page
 * of ours: it lives under the publisher's own policy. Stateless, thread-safe.
 */
public final class SecurityHeaders {

    /** The pages' policy. Inline styles stay allowed because the dashboard's charts set style attributes. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private SecurityHeaders() {
    }

    /** Before every request: nosniff, which no answer of ours should go without. */
    public static void everyResponse(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
    }

    /**
     * After every request: the page headers, when the answer is HTML, sets no policy of its own and is not on its
     * way yet (answers sent straight from memory, such as {@link WebAssets}', call {@link #page} themselves).
     */
    public static void htmlPages(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith("text/html") || ctx.res().containsHeader("Content-Security-Policy")
                || ctx.res().isCommitted()) {
            return;
        }
        page(ctx);
    }

    /** The headers of an HTML page. */
    public static void page(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", REFERRER_POLICY);
    }
}
