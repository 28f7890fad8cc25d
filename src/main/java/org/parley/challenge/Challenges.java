package org.parley.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.altcha.altcha.Altcha;
import org.jdbi.v3.core.Jdbi;
import org.parley.problem.Problem;
import org.parley.site.SiteSettings;
import org.parley.site.SiteStore;
import org.parley.store.Ids;
import org.parley.store.ServerSecrets;

/**
 * The self-hosted proof of work on sign-up, guest comments and password reset (issue 14, item 2), with the ALTCHA
 * library: a challenge is a random number's SHA-256 under a salt, signed with the installation's key
 * ({@code altcha-hmac} in {@link ServerSecrets}, shared by every instance), valid for {@link #LIFETIME} and bound
 * to the client address it was issued to; the browser finds the number (on average half the site's
 * {@code challengeComplexity} hashes) and sends it back with the form as {@code altcha}. A solution is accepted once
 * ({@link SpentChallenges}). Whether a request needs one is the site's {@code challenge} setting
 * ({@link ChallengeMode}); in threshold mode a request needs one once its address made
 * {@code challengeAddressLimit} requests of its kind in the last {@link RecentRequests#WINDOW}, or the site
 * {@code challengeSiteLimit}. Requests without a site (the first sign-up version, a reset asked without one) use
 * the default settings. Thread-safe.
 */
public final class Challenges {

    static final String KEY_NAME = "altcha-hmac";
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int ADDRESS_TAG = 16;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String hmacKey;
    private final SiteStore sites;
    private final SpentChallenges spent;
    private final RecentRequests recent = new RecentRequests();
    private final IssuePace pace = new IssuePace();
    private final boolean thresholds;
    private final Clock clock;

    private Challenges(String hmacKey, SiteStore sites, SpentChallenges spent, boolean thresholds, Clock clock) {
        this.hmacKey = hmacKey;
        this.sites = sites;
        this.spent = spent;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /**
     * Reads the shared key, making it first if no instance has. {@code thresholds} false (the rate limits are off,
     * for benchmarks and volume tests) lets threshold mode ask for nothing; {@code always} still asks every time.
     */
    public static Challenges open(Jdbi jdbi, SiteStore sites, boolean thresholds, Clock clock) {
        String key = new ServerSecrets(jdbi).findOrCreate(KEY_NAME, () -> Ids.random(32), clock.instant());
        return new Challenges(key, sites, new SpentChallenges(jdbi), thresholds, clock);
    }

    /** A challenge issued to the address, or the milliseconds it must wait first (see {@link IssuePace}). */
    public sealed interface Issue {
    }

    public record Issued(Altcha.Challenge challenge) implements Issue {
    }

    public record Wait(long millis) implements Issue {
    }

    /** A new challenge at the site's complexity (null site: the default one) for the client address. */
    public Issue issue(String siteId, String address) {
        SiteSettings settings = settings(siteId);
        long wait = pace.take(address, clock.millis());
        if (wait > 0) {
            return new Wait(wait);
        }
        try {
            return new Issued(Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(hmacKey)
                    .setMaxNumber((long) settings.challengeComplexity())
                    .setExpires(clock.instant().plus(LIFETIME).getEpochSecond())
                    .addParam("a", tag(address))));
        } catch (Exception e) {
            throw new IllegalStateException("ALTCHA could not make a challenge", e);
        }
    }

    /** Whether a request of this kind from the address to the site must carry a solution now. */
    public boolean required(Guarded kind, String siteId, String address) {
        SiteSettings settings = settings(siteId);
        return switch (ChallengeMode.of(settings.challenge())) {
            case OFF -> false;
            case ALWAYS -> true;
            case THRESHOLD -> thresholds && (recent.reached(addressKey(kind, address),
                    settings.challengeAddressLimit(), clock.millis())
                    || recent.reached(siteKey(kind, siteId), settings.challengeSiteLimit(), clock.millis()));
        };
    }

    /**
     * Lets the request through, spending its solution when one is needed, and counts it toward the thresholds;
     * 403 {@code challenge_required} when a solution is needed and missing, {@code challenge_failed} when it is
     * wrong, expired or issued to another address, {@code challenge_replayed} when it was accepted before.
     */
    public void pass(Guarded kind, String siteId, String address, String solution) {
        if (required(kind, siteId, address)) {
            verify(solution, address);
        }
        SiteSettings settings = settings(siteId);
        long now = clock.millis();
        recent.count(addressKey(kind, address), settings.challengeAddressLimit(), now);
        recent.count(siteKey(kind, siteId), settings.challengeSiteLimit(), now);
    }

    private void verify(String solution, String address) {
        if (solution == null || solution.isBlank()) {
            throw Problem.forbidden("challenge_required", "Please wait while your browser proves it is not a"
                    + " script: get a challenge from GET /api/v1/challenge, solve it and send the solution as"
                    + " altcha.");
        }
        JsonNode payload;
        boolean valid;
        try {
            payload = JSON.readTree(new String(Base64.getDecoder().decode(solution.strip()), StandardCharsets.UTF_8));
            valid = payload.isObject() && Altcha.verifySolution(solution.strip(), hmacKey, true);
        } catch (Exception e) {
            payload = null;
            valid = false;
        }
        Map<String, String> params = valid ? params(payload.path("salt").asText()) : Map.of();
        if (!valid || !tag(address).equals(params.get("a"))) {
            throw Problem.forbidden("challenge_failed", "The challenge's solution is wrong or has expired: solve a"
                    + " new one.");
        }
        long expiresAt = Long.parseLong(params.getOrDefault("expires", "0")) * 1000;
        if (!spent.spend(payload.path("signature").asText(), expiresAt, clock.millis())) {
            throw Problem.forbidden("challenge_replayed", "This solution was used already: solve a new challenge.");
        }
    }

    /** The parameters ALTCHA keeps in the salt after a question mark ({@code expires}, our {@code a}). */
    private static Map<String, String> params(String salt) {
        int query = salt.indexOf('?');
        if (query < 0) {
            return Map.of();
        }
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : salt.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return params;
    }

    /** The address as the challenge carries it: the start of its keyed hash, which is all the server needs. */
    private static String tag(String address) {
        return address.length() <= ADDRESS_TAG ? address : address.substring(0, ADDRESS_TAG);
    }

    private SiteSettings settings(String siteId) {
        return siteId == null ? SiteSettings.defaults() : sites.recentSettings(siteId);
    }

    private static String addressKey(Guarded kind, String address) {
        return kind + "|address|" + address;
    }

    private static String siteKey(Guarded kind, String siteId) {
        return kind + "|site|" + (siteId == null ? "" : siteId);
    }
}
