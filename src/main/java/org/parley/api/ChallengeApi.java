package org.parley.api;

import io.javalin.http.Context;
import org.parley.challenge.Challenges;
import org.parley.story.Stories;

/**
 * {@code GET /api/v1/challenge?site=}: an ALTCHA challenge for the client address, in the shape the ALTCHA widget
 * reads ({@code algorithm, challenge, maxnumber, salt, signature}); 429 when the address had one less than a
 * second ago. Thread-safe.
 */
final class ChallengeApi {

    private final Challenges challenges;
    private final Stories stories;
    private final Auth auth;

    ChallengeApi(Challenges challenges, Stories stories, Auth auth) {
        this.challenges = challenges;
        this.stories = stories;
        this.auth = auth;
    }

    void challenge(Context ctx) {
        String site = ctx.queryParam("site");
        if (site != null && !site.isBlank()) {
            stories.requireSite(site);
        } else {
            site = null;
        }
        ctx.header("Cache-Control", "no-store");
        Challenges.Issue issue = challenges.issue(site, auth.clientAddress(ctx));
        if (issue instanceof Challenges.Wait wait) {
            throw new TooManyRequests("challenges for this network address", Math.max(1, (wait.millis() + 999) / 1000));
        }
        ctx.json(((Challenges.Issued) issue).challenge());
    }
}
