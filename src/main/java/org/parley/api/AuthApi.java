package org.parley.api;

import io.javalin.http.Context;
import java.util.Locale;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.MailPreferences;
import org.parley.mail.AccountMail;
import org.parley.problem.Problem;
import org.parley.web.SecurityHeaders;
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

    record TokenRequest(String token) {
    }

    record EmailRequest(String email) {
    }

    record ResetRequest(String token, String password) {
    }

    record MeChange(Boolean notifyReplies, Boolean notifyQueue, String displayName) {
    }

    /** An account as it is shown to its owner, with its mail settings. */
    record UserView(String id, String displayName, String email, String role, boolean emailVerified,
            boolean notifyReplies, boolean notifyQueue) {
        static UserView of(Account account, MailPreferences mail) {
            return new UserView(account.id(), account.displayName(), account.email(), account.role().code(),
                    mail.emailVerified(), mail.notifyReplies(), mail.notifyQueue());
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
    private final AccountMail mail;

    AuthApi(Accounts accounts, Auth auth, Requests requests, RateLimits limits, ModerationStore warnings,
            SingleSignOn sso, AccountMail mail) {
        this.sso = sso;
        this.warnings = warnings;
        this.mail = mail;
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
        ctx.status(201).json(new SignedInView(view(signedIn.account()), signedIn.csrf()));
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
        ctx.json(new SignedInView(view(signedIn.account()), signedIn.csrf()));
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
        ctx.json(new SignedInView(view(signedIn.account()), signedIn.csrf()));
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
        ctx.json(new MeView(view(session.account()), session.csrf(),
                warnings.warning(session.account().id()).orElse(null)));
    }

    /** Changes the reader's name and mail switches; answers like {@code /me}. */
    void changeMe(Context ctx) {
        Session session = auth.requireForChange(ctx);
        MeChange change = requests.body(ctx, MeChange.class);
        Account account = session.account();
        if (change.displayName() != null) {
            account = accounts.rename(account, change.displayName());
        }
        if (change.notifyReplies() != null) {
            mail.setNotify(account, MailPreferences.Kind.REPLIES, change.notifyReplies());
        }
        if (change.notifyQueue() != null) {
            mail.setNotify(account, MailPreferences.Kind.QUEUE, change.notifyQueue());
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new SignedInView(view(account), session.csrf()));
    }

    /** Verifies the address a mailed link was sent to: 200 with the user. */
    void verify(Context ctx) {
        TokenRequest request = requests.body(ctx, TokenRequest.class);
        limits.take(RateLimits.Limit.MAIL_PER_IP, auth.clientAddress(ctx));
        Account account = mail.verify(request.token());
        ctx.json(java.util.Map.of("user", view(account)));
    }

    /** Sends the verification mail again (nothing when verified already): 202. */
    void resendVerification(Context ctx) {
        Session session = auth.requireForChange(ctx);
        limits.take(RateLimits.Limit.MAIL_PER_ACCOUNT, session.account().id());
        mail.resendVerification(session.account());
        ctx.status(202);
    }

    /** Mails a reset link when the address has an account: 202 either way, with the same empty answer. */
    void requestReset(Context ctx) {
        EmailRequest request = requests.body(ctx, EmailRequest.class);
        if (request.email() == null || request.email().isBlank()) {
            throw Problem.invalid("email", "Give the e-mail address of your account.");
        }
        limits.take(RateLimits.Limit.MAIL_PER_IP, auth.clientAddress(ctx));
        limits.take(RateLimits.Limit.MAIL_PER_EMAIL, request.email().strip().toLowerCase(Locale.ROOT));
        mail.requestReset(request.email());
        ctx.status(202);
    }

    /** Sets the new password of a reset link and ends every session: 204. */
    void confirmReset(Context ctx) {
        ResetRequest request = requests.body(ctx, ResetRequest.class);
        limits.take(RateLimits.Limit.MAIL_PER_IP, auth.clientAddress(ctx));
        mail.confirmReset(request.token(), request.password());
        ctx.status(204);
    }

    /**
     * One-click unsubscribe (RFC 8058): a POST to the link in the mail, with no log-in. Mail clients post a form
     * body; a reader's browser posts the page's form. The answer is a short page.
     */
    void unsubscribe(Context ctx) {
        MailPreferences.Kind kind = mail.unsubscribe(ctx.queryParam("token"));
        ctx.header("Cache-Control", "no-store");
        SecurityHeaders.page(ctx);
        ctx.header("Referrer-Policy", "no-referrer"); // the address holds the token, like the page that posted here
        boolean replies = kind == MailPreferences.Kind.REPLIES;
        // English here; the account pages' script (same origin, so the page policy allows it) translates.
        ctx.html("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\">"
                + "<title data-i18n=\"unsubscribed.title\">Unsubscribed</title>"
                + "<link rel=\"stylesheet\" href=\"/account/account.css\">"
                + "<script src=\"/account/account.js\" defer></script>"
                + "<body data-page=\"unsubscribed\"><main><p data-i18n=\"unsubscribed."
                + (replies ? "replies" : "digests") + "\">Done: you will get no more "
                + (replies ? "mails about replies to your comments" : "digests of the moderation queues")
                + ". You can switch them on again in your account settings.</p></main></body></html>");
    }

    private UserView view(Account account) {
        return UserView.of(account, accounts.preferences(account.id()));
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
