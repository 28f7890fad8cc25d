package org.parley.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.parley.account.Accounts;
import org.parley.account.Session;
import org.parley.account.SignedIn;
import org.parley.problem.Problem;
import org.parley.privacy.ClientAddresses;
import org.parley.problem.ProblemKind;

/**
 * Who is asking: the session behind the {@code parley_session} cookie, looked up once per request. Requests that
 * change state on a cookie's authority must carry the session's CSRF token in {@code X-Parley-CSRF}.
 */
final class Auth {

    static final String COOKIE = "parley_session";
    static final String CSRF_HEADER = "X-Parley-CSRF";
    private static final String ATTRIBUTE = "parley.session";
    private static final int COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;

    private final Accounts accounts;
    private final boolean trustProxy;
    private final ClientAddresses addresses;

    Auth(Accounts accounts, boolean trustProxy, ClientAddresses addresses) {
        this.accounts = accounts;
        this.trustProxy = trustProxy;
        this.addresses = addresses;
    }

    Optional<Session> session(Context ctx) {
        Object cached = ctx.attribute(ATTRIBUTE);
        if (cached instanceof Session session) {
            return Optional.of(session);
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            Optional<Session> bearer = accounts.findByToken(authorization.substring("Bearer ".length()).strip())
                    .map(account -> new Session(account, null, null));
            if (bearer.isEmpty()) {
                throw new Problem(ProblemKind.UNAUTHENTICATED, "bad_token", "The API token is not valid.");
            }
            ctx.attribute(ATTRIBUTE, bearer.get());
            return bearer;
        }
        Optional<Session> session = accounts.findSession(ctx.cookie(COOKIE));
        session.ifPresent(found -> ctx.attribute(ATTRIBUTE, found));
        return session;
    }

    /** The signed-in session, or a 401. */
    Session require(Context ctx) {
        return session(ctx).orElseThrow(() -> new Problem(ProblemKind.UNAUTHENTICATED, "not_signed_in",
                "Sign in first."));
    }

    /**
     * The signed-in session of a state-changing request; one signed in by cookie must carry the matching CSRF
     * header, one by API token needs none. Else 401 or 403.
     */
    Session requireForChange(Context ctx) {
        Session session = require(ctx);
        if (session.csrf() == null) {
            return session;
        }
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw Problem.forbidden("csrf_mismatch", "The request lacks this session's " + CSRF_HEADER
                    + " header; reload the page and try again.");
        }
        return session;
    }

    void setCookie(Context ctx, SignedIn signedIn) {
        writeCookie(ctx, signedIn.sessionToken(), COOKIE_MAX_AGE_SECONDS);
    }

    void clearCookie(Context ctx) {
        writeCookie(ctx, "", 0);
    }

    private void writeCookie(Context ctx, String value, int maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Lax" + (isHttps(ctx) ? "; Secure" : ""));
    }

    /** The keyed hash of the client's address, for rate limits: the address itself goes nowhere. */
    String clientAddress(Context ctx) {
        return addresses.hash(clientIp(ctx));
    }

    /** Keeps the hash of the client's address with what the account just did (see docs/privacy.md). */
    void rememberAddress(Context ctx, String accountId, String action, String refId) {
        addresses.record(accountId, action, refId, clientIp(ctx));
    }

    /** Records the client's address for what {@code accountId} does, in the caller's transaction, given the id. */
    BiConsumer<Handle, String> addressRecorder(Context ctx, String accountId, String action) {
        String address = clientIp(ctx);
        return (handle, refId) -> addresses.record(handle, accountId, action, refId, address);
    }

    /** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
    private String clientIp(Context ctx) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return ctx.req().getRemoteAddr();
    }

    boolean isHttps(Context ctx) {
        return "https".equals(ctx.scheme()) || trustProxy && "https".equals(ctx.header("X-Forwarded-Proto"));
    }
}
