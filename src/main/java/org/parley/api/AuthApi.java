package org.parley.api;

import io.javalin.http.Context;
import java.util.Locale;
import org.parley.account.Account;
import org.parley.account.Accounts;
import org.parley.account.MailPreferences;
import org.parley.account.SignupMode;
import org.parley.challenge.Guarded;
import org.parley.mail.AccountMail;
import org.parley.mail.MailedSignups;
import org.parley.site.ArticleUrls;
import org.parley.site.Site;
import org.parley.story.Stories;
import org.parley.problem.Problem;
import org.parley.web.SecurityHeaders;
import org.parley.account.Session;
import org.parley.account.SignedIn;
import org.parley.moderation.ModerationStore;
import org.parley.sso.SingleSignOn;

/** Sign-up, log-in, log-out and "who am I" over HTTP. */
final class AuthApi {

    /** {@code site} (optional) picks the site whose challenge setting applies; {@code altcha}, {@code homepage}: see BotCheck. */
    record SignupRequest(String email, String password, String displayName, String site, String altcha,
            String homepage) {
    }

    /** Version 2 of sign-up: {@code site} and {@code returnUrl} name the page the verification link leads back to. */
    record MailedSignupRequest(String email, String password, String displayName, String site, String returnUrl,
            String altcha, String homepage) {
    }

    /** Version 2 sign-up's one answer, whatever the address. */
    record CheckInbox(String status, String message) {
        static final CheckInbox ANSWER = new CheckInbox("check_inbox", "Check your inbox: we sent a mail to this"
                + " address. Follow its link, then log in.");
    }

    /** What sign-up needs beyond log-in: the mailed version and whether the instant one is open. */
    record SignupParts(MailedSignups mailed, Stories stories, SignupMode mode, BotCheck bots) {
    }

    record VerifiedView(UserView user, String returnUrl) {
    }

    record LoginRequest(String email, String password) {
    }

    record SsoRequest(String site, String token) {
    }

    record TokenRequest(String token) {
    }

    /** A reset request; {@code site}, {@code altcha} and {@code homepage} as in {@link SignupRequest}. */
    record EmailRequest(String email, String site, String altcha, String homepage) {
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
    private final SignupParts signup;

    AuthApi(Accounts accounts, Auth auth, Requests requests, RateLimits limits, ModerationStore warnings,
            SingleSignOn sso, AccountMail mail, SignupParts signup) {
        this.signup = signup;
        this.sso = sso;
        this.warnings = warnings;
        this.mail = mail;
        this.accounts = accounts;
        this.auth = auth;
        this.requests = requests;
        this.limits = limits;
    }

    /**
     * Version 1: an account and a session at once; 409 {@code email_taken} for a taken address. Closed (403) where
     * sign-up is confirmed by mail, since it would tell anyone which addresses have accounts.
     */
    void signup(Context ctx) {
        if (signup.mode() == SignupMode.CONFIRM) {
            throw Problem.forbidden("signup_confirm_by_mail", "This server confirms new accounts by e-mail: sign up"
                    + " with POST /api/v2/auth/signup, which mails a link to the address.");
        }
        SignupRequest request = requests.body(ctx, SignupRequest.class);
        limits.take(RateLimits.Limit.SIGNUP_PER_IP, auth.clientAddress(ctx));
        if (!signup.bots().admit(ctx, Guarded.SIGNUP, site(request.site()), request.altcha(), request.homepage())) {
            throw BotCheck.refused();
        }
        SignedIn signedIn = accounts.signUp(request.email(), request.password(), request.displayName());
        auth.rememberAddress(ctx, signedIn.account().id(), "signup", null);
        auth.setCookie(ctx, signedIn);
        ctx.status(201).json(new SignedInView(view(signedIn.account()), signedIn.csrf()));
    }

    /**
     * Version 2: 202 "check your inbox" whether the address is new or has an account (see {@link MailedSignups});
     * the same rate limit bucket as version 1, and password reset's per-address one, so nobody floods a mailbox
     * (it counts every address alike, so its 429 tells nothing either). Bad input still gets its 400.
     */
    void signupByMail(Context ctx) {
        MailedSignupRequest request = requests.body(ctx, MailedSignupRequest.class);
        limits.take(RateLimits.Limit.SIGNUP_PER_IP, auth.clientAddress(ctx));
        if (request.email() != null) {
            limits.take(RateLimits.Limit.MAIL_PER_EMAIL, request.email().strip().toLowerCase(Locale.ROOT));
        }
        String returnUrl = returnUrl(request.site(), request.returnUrl());
        if (!signup.bots().admit(ctx, Guarded.SIGNUP, site(request.site()), request.altcha(), request.homepage())) {
            ctx.status(202).json(CheckInbox.ANSWER); // the same answer as for any address, and nothing stored
            return;
        }
        String language = request.site() == null ? null : signup.stories().requireSite(request.site()).language();
        signup.mailed().signUp(request.email(), request.password(), request.displayName(), returnUrl, language);
        ctx.status(202).json(CheckInbox.ANSWER);
    }

    /** The page to come back to after the mailed link, when given: a page on one of the site's origins. */
    private String returnUrl(String siteId, String returnUrl) {
        if (returnUrl == null || returnUrl.isBlank()) {
            return null;
        }
        return returnUrlOn(signup.stories().requireSite(siteId), returnUrl);
    }

    /** A page to come back to on one of the site's origins, normalized; 400 on {@code returnUrl} otherwise. */
    static String returnUrlOn(Site site, String returnUrl) {
        String normalized;
        try {
            normalized = ArticleUrls.normalize(returnUrl);
        } catch (Problem invalid) {
            throw Problem.invalid("returnUrl", "Give the http(s) address of the page to come back to.");
        }
        if (normalized.length() > 1000 || !site.allowsOrigin(ArticleUrls.originOf(normalized))) {
            throw Problem.invalid("returnUrl", "The page to come back to must be on one of the site's origins.");
        }
        return normalized;
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
        AccountMail.Verified verified = mail.verify(request.token());
        ctx.json(new VerifiedView(view(verified.account()), verified.returnUrl()));
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
        if (signup.bots().admit(ctx, Guarded.PASSWORD_RESET, site(request.site()), request.altcha(),
                request.homepage())) {
            mail.requestReset(request.email());
        }
        ctx.status(202);
    }

    /** The site a guarded form names, checked to exist; null when it names none. */
    private String site(String siteId) {
        if (siteId == null || siteId.isBlank()) {
            return null;
        }
        return signup.stories().requireSite(siteId).id();
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
                + "<script type=\"module\" src=\"/account/account.js\"></script>"
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
