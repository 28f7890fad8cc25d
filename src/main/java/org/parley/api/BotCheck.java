package org.parley.api;

import io.javalin.http.Context;
import org.parley.challenge.Challenges;
import org.parley.challenge.Guarded;
import org.parley.problem.Problem;

/**
 * The two checks against scripts on the forms anyone may send (sign-up, guest comment, password reset): the
 * honeypot, a field named {@code homepage} that the forms hide from people and screen readers, so only a script
 * fills it; and the proof of work ({@link Challenges}), sent as {@code altcha}. Thread-safe.
 */
final class BotCheck {

    private final Challenges challenges;
    private final Auth auth;

    BotCheck(Challenges challenges, Auth auth) {
        this.challenges = challenges;
        this.auth = auth;
    }

    /**
     * False when the honeypot is filled: the caller then answers as it decides (see docs/security.md) and stores
     * nothing. Otherwise passes the request through the challenge or throws its 403.
     */
    boolean admit(Context ctx, Guarded kind, String siteId, String altcha, String homepage) {
        if (homepage != null && !homepage.isEmpty()) {
            return false;
        }
        challenges.pass(kind, siteId, auth.clientAddress(ctx), altcha);
        return true;
    }

    /** The refusal of a filled honeypot where the form has no answer that looks alike for every request. */
    static Problem refused() {
        return Problem.unprocessable("form_refused", "This form could not be sent.", null);
    }
}
