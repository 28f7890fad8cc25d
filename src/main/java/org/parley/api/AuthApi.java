package org.parley.api;

import io.javalin.http.Context;
import java.util.Locale;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.Session;
import org.parley.account.SignedIn;
import org.parley.moderation.ModerationStore;
import org.parley.sso.SingleSignOn;

/** Sign-up, log-in, log-out and "who am I" over HTTP. */
final class AuthApi {

    record SignupRequest(String email, String password, String displayName) {
    }

    record LoginRequest(String email, String password) {
    }

    record SsoRequest(String site, String token) {
    }

    /** An account as it is shown to its owner. */
    record UserView(String id, String displayName, String email, String role) {
        static UserView of(Account account) {
            return new UserView(account.id(), account.displayName(), account.email(), account.role().code());
        }
    }

    record SignedInView(UserView user, String csrf) {
    }

    private final Accounts accounts;
    private final Auth auth;
    private final Requests requests;
    private final RateLimits limits;
    private final ModerationStore warnings;
    private final SingleSignOn sso;

    AuthApi(Accounts accounts, Auth auth, Requests requests, RateLimits limits, ModerationStore warnings,
            SingleSignOn sso) {
        this.sso = sso;
        this.warnings = warnings;
        this.accounts = accounts;
        this.auth = auth;
        this.requests = requests;
        this.limits = limits;
    }

    void signup(Context ctx) {
        SignupRequest request = requests.body(ctx, SignupRequest.class);
        limits.take(RateLimits.Limit.SIGNUP_PER_IP, auth.clientAddress(ctx));
        SignedIn signedIn = accounts.signUp(request.email(), request.password(), request.displayName());
        auth.rememberAddress(ctx, signedIn.account().id(), "signup", null);
        auth.setCookie(ctx, signedIn);
        ctx.status(201).json(new SignedInView(UserView.of(signedIn.account()), signedIn.csrf()));
    }

    void login(Context ctx) {
        LoginRequest request = requests.body(ctx, LoginRequest.class);
        limits.take(RateLimits.Limit.LOGIN_PER_IP, auth.clientAddress(ctx));
        if (request.email() != null) {
            limits.take(RateLimits.Limit.LOGIN_PER_EMAIL, request.email().strip().toLowerCase(Locale.ROOT));
        }
        auth.session(ctx).ifPresent(accounts::logOut);
        SignedIn signedIn = accounts.logIn(request.email(), request.password());
        auth.setCookie(ctx, signedIn);
        ctx.json(new SignedInView(UserView.of(signedIn.account()), signedIn.csrf()));
    }

    /**
     * Publisher sign-in: like log-in, with the publisher's JWT instead of a password. The browser's previous
     * session ends once the token has been accepted, so a stale token on a cached page signs no one out.
     */
    void sso(Context ctx) {
        SsoRequest request = requests.body(ctx, SsoRequest.class);
        limits.take(RateLimits.Limit.SSO_PER_IP, auth.clientAddress(ctx));
        SignedIn signedIn = sso.signIn(request.site(), request.token());
        auth.session(ctx).filter(previous -> previous.tokenHash() != null).ifPresent(accounts::logOut);
        auth.setCookie(ctx, signedIn);
        ctx.json(new SignedInView(UserView.of(signedIn.account()), signedIn.csrf()));
    }

    void logout(Context ctx) {
        auth.session(ctx).ifPresent(session -> {
            auth.requireForChange(ctx);
            accounts.logOut(session);
        });
        auth.clearCookie(ctx);
        ctx.status(204);
    }

    void me(Context ctx) {
        Session session = auth.require(ctx);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new MeView(UserView.of(session.account()), session.csrf(),
                warnings.warning(session.account().id()).orElse(null)));
    }

    /** Clears the moderators' warning once the reader has seen it. */
    void acknowledgeWarning(Context ctx) {
        Session session = auth.requireForChange(ctx);
        warnings.warn(session.account().id(), null);
        ctx.status(204);
    }

    /** {@code /me}: the signed-in reader, the CSRF token, and a moderator's warning not yet acknowledged. */
    record MeView(UserView user, String csrf, String warning) {
    }
}
