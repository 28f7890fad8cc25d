package org.parley.site;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.account.Account;
import org.parley.classifier.Band;
import org.parley.classifier.Category;
import org.parley.problem.Problem;

/**
 * Reads and changes a site's guidelines and moderation settings, checking every value before anything is saved.
 * Moderators of the site may read them; admins and the site's moderators may change them. Thread-safe.
 */
public final class SiteAdministration {

    private static final int MAX_WORDS = 1000;
    private static final int MAX_WORD_LENGTH = 60;
    private static final int MAX_GUIDELINES = 2000;
    /** Ten years: a story closes at the latest this long after its first comment, when the rule is on. */
    private static final int MAX_CLOSE_AFTER_DAYS = 3650;

    private final SiteStore sites;
    private final ModeratorAccess access;

    public SiteAdministration(SiteStore sites, ModeratorAccess access) {
        this.sites = sites;
        this.access = access;
    }

    /** A site's guidelines and moderation settings together, as the settings form shows them. */
    public record SiteView(String id, String name, String guidelines, SiteSettings settings) {
    }

    public SiteView view(Account account, String siteId) {
        Site site = requireSite(siteId);
        access.require(account, siteId);
        return new SiteView(site.id(), site.name(), site.guidelines(), sites.settings(siteId));
    }

    /**
     * Changes the guidelines (null keeps them) and the settings named in {@code changes} by their
     * {@link SiteSettings} names (a missing or null one keeps its value); 400 naming the first field refused.
     */
    public SiteView change(Account account, String siteId, String newGuidelines, Map<String, ?> changes) {
        Site site = requireSite(siteId);
        access.require(account, siteId);
        SiteSettings current = sites.settings(siteId);
        SiteSettings given = SiteSettings.of(changes);
        Map<String, Object> checked = new HashMap<>();
        for (String field : SiteSettings.fields()) {
            if (changes.get(field) != null) {
                checked.put(field, check(field, given));
            }
        }
        SiteSettings next = current.patched(checked);
        if (next.reportsToHold() < next.reportsToQueue()) {
            throw Problem.invalid("reportsToHold", "Holding a comment takes at least as many reports as queueing it.");
        }
        String guidelines = site.guidelines();
        if (newGuidelines != null) {
            guidelines = newGuidelines.strip();
            if (guidelines.isEmpty() || guidelines.length() > MAX_GUIDELINES) {
                throw Problem.invalid("guidelines", "Guidelines take 1 to " + MAX_GUIDELINES + " characters.");
            }
        }
        sites.saveSettings(siteId, next);
        sites.save(site.withGuidelines(guidelines), java.time.Instant.now());
        return new SiteView(site.id(), site.name(), guidelines, next);
    }

    /** The given value of one field, checked (and for word lists, tidied); 400 naming the field otherwise. */
    private static Object check(String field, SiteSettings given) {
        return switch (field) {
            case "bannedWords" -> words(field, given.bannedWords());
            case "suspectWords" -> words(field, given.suspectWords());
            case "linkLimit" -> range(field, given.linkLimit(), 0, 50);
            case "premoderation" -> given.premoderation();
            case "newCommenterComments" -> range(field, given.newCommenterComments(), 0, 100);
            case "newCommenterBar" -> probability(field, given.newCommenterBar());
            case "reportsToQueue", "reportsToHold" -> range(field, field.equals("reportsToQueue")
                    ? given.reportsToQueue() : given.reportsToHold(), 1, 1000);
            case "thresholds" -> thresholds(given.thresholds());
            case "editWindowMinutes" -> range(field, given.editWindowMinutes(), 0, 24 * 60);
            case "deletedAccountComments" -> oneOf(field, given.deletedAccountComments(),
                    SiteSettings.DELETED_ACCOUNT_POLICIES, "deletedAccountComments is anonymize or remove.");
            case "guestComments" -> oneOf(field, given.guestComments(), SiteSettings.GUEST_MODES,
                    "guestComments is off, pending or published.");
            case "closeAfterDays" -> range(field, given.closeAfterDays(), 0, MAX_CLOSE_AFTER_DAYS);
            case "challenge" -> oneOf(field, given.challenge(), SiteSettings.CHALLENGE_MODES,
                    "challenge is always, threshold or off.");
            case "challengeComplexity" -> range(field, given.challengeComplexity(), 1_000, 5_000_000);
            case "challengeAddressLimit" -> range(field, given.challengeAddressLimit(), 1, 1_000);
            case "challengeSiteLimit" -> range(field, given.challengeSiteLimit(), 1, 1_000_000);
            default -> throw new IllegalStateException("SiteAdministration has no check for " + field);
        };
    }

    private Site requireSite(String siteId) {
        return sites.find(siteId).orElseThrow(() -> Problem.notFound("site", "There is no site '" + siteId + "'."));
    }

    private static String oneOf(String field, String given, java.util.Collection<String> allowed, String message) {
        if (!allowed.contains(given)) {
            throw Problem.invalid(field, message);
        }
        return given;
    }

    private static List<String> words(String field, List<String> given) {
        if (given.size() > MAX_WORDS) {
            throw Problem.invalid(field, "Keep the list to " + MAX_WORDS + " words.");
        }
        for (String word : given) {
            if (word == null || word.isBlank() || word.length() > MAX_WORD_LENGTH) {
                throw Problem.invalid(field, "Each entry takes 1 to " + MAX_WORD_LENGTH + " characters.");
            }
        }
        return given.stream().map(String::strip).distinct().toList();
    }

    private static int range(String field, int given, int min, int max) {
        if (given < min || given > max) {
            throw Problem.invalid(field, field + " must be between " + min + " and " + max + ".");
        }
        return given;
    }

    private static double probability(String field, double given) {
        if (Double.isNaN(given) || given < 0 || given > 1) {
            throw Problem.invalid(field, field + " must be between 0 and 1.");
        }
        return given;
    }

    private static Map<String, Map<String, Double>> thresholds(Map<String, Map<String, Double>> given) {
        List<String> categories = Arrays.stream(Category.values()).map(Category::code).toList();
        List<String> bands = Arrays.stream(Band.LEVELS).map(Band::code).toList();
        for (Map.Entry<String, Map<String, Double>> category : given.entrySet()) {
            if (!categories.contains(category.getKey()) || category.getValue() == null) {
                throw Problem.invalid("thresholds", "Thresholds are set per category: " + categories + ".");
            }
            double previous = 0;
            for (String band : bands) {
                Double value = category.getValue().get(band);
                if (value == null) {
                    continue;
                }
                probability("thresholds", value);
                if (value < previous) {
                    throw Problem.invalid("thresholds", "For " + category.getKey()
                            + ", nudge ≤ hold ≤ reject must hold.");
                }
                previous = value;
            }
            if (!bands.containsAll(category.getValue().keySet())) {
                throw Problem.invalid("thresholds", "Bands are nudge, hold and reject.");
            }
        }
        return given;
    }
}
