package org.parley.moderation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.account.Account;
import org.parley.problem.Problem;
import org.parley.story.Site;
import org.parley.story.SiteStore;

/**
 * Reads and changes a site's guidelines and moderation settings, checking every value before anything is saved.
 * Moderators of the site may read them; admins and the site's moderators may change them. Thread-safe.
 */
public final class SiteAdministration {

    private static final Set<String> CATEGORIES = Set.of("rude", "aggressive", "derogatory", "discriminatory",
            "uncivil");
    private static final List<String> BANDS = List.of("nudge", "hold", "reject");
    private static final int MAX_WORDS = 1000;
    private static final int MAX_WORD_LENGTH = 60;
    private static final int MAX_GUIDELINES = 2000;

    private final SiteStore sites;
    private final ModerationStore store;
    private final ModeratorAccess access;

    public SiteAdministration(SiteStore sites, ModerationStore store, ModeratorAccess access) {
        this.sites = sites;
        this.store = store;
        this.access = access;
    }

    /** A site's guidelines and moderation settings together, as the settings form shows them. */
    public record SiteView(String id, String name, String guidelines, SiteSettings settings) {
    }

    public SiteView view(Account account, String siteId) {
        Site site = requireSite(siteId);
        access.require(account, siteId);
        return new SiteView(site.id(), site.name(), site.guidelines(), store.settings(siteId));
    }

    public SiteView change(Account account, String siteId, SettingsPatch patch) {
        Site site = requireSite(siteId);
        access.require(account, siteId);
        SiteSettings current = store.settings(siteId);
        SiteSettings next = new SiteSettings(
                words("bannedWords", patch.bannedWords(), current.bannedWords()),
                words("suspectWords", patch.suspectWords(), current.suspectWords()),
                range("linkLimit", patch.linkLimit(), current.linkLimit(), 0, 50),
                patch.premoderation() == null ? current.premoderation() : patch.premoderation(),
                range("newCommenterComments", patch.newCommenterComments(), current.newCommenterComments(), 0, 100),
                probability("newCommenterBar", patch.newCommenterBar(), current.newCommenterBar()),
                range("reportsToQueue", patch.reportsToQueue(), current.reportsToQueue(), 1, 1000),
                range("reportsToHold", patch.reportsToHold(), current.reportsToHold(), 1, 1000),
                thresholds(patch.thresholds(), current.thresholds()),
                patch.editWindowMinutes() == null ? current.editWindowMinutes()
                        : Integer.valueOf(range("editWindowMinutes", patch.editWindowMinutes(), 0, 0, 24 * 60)),
                deletedAccountComments(patch.deletedAccountComments(), current.deletedAccountComments()),

                guestComments(patch.guestComments(), current.guestComments()));
        if (next.reportsToHold() < next.reportsToQueue()) {
            throw Problem.invalid("reportsToHold", "Holding a comment takes at least as many reports as queueing it.");
        }
        String guidelines = site.guidelines();
        if (patch.guidelines() != null) {
            guidelines = patch.guidelines().strip();
            if (guidelines.isEmpty() || guidelines.length() > MAX_GUIDELINES) {
                throw Problem.invalid("guidelines", "Guidelines take 1 to " + MAX_GUIDELINES + " characters.");
            }
        }
        store.saveSettings(siteId, next);
        sites.save(site.withGuidelines(guidelines), java.time.Instant.now());
        return new SiteView(site.id(), site.name(), guidelines, next);
    }

    private Site requireSite(String siteId) {
        return sites.find(siteId).orElseThrow(() -> Problem.notFound("site", "There is no site '" + siteId + "'."));
    }

    private static String guestComments(String given, String current) {
        if (given == null) {
            return current;
        }
        if (!SiteSettings.GUEST_MODES.contains(given)) {
            throw Problem.invalid("guestComments", "guestComments is off, pending or published.");
        }
        return given;
    }

    private static List<String> words(String field, List<String> given, List<String> current) {
        if (given == null) {
            return current;
        }
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

    private static String deletedAccountComments(String given, String current) {
        if (given == null) {
            return current;
        }
        if (!SiteSettings.DELETED_ACCOUNT_POLICIES.contains(given)) {
            throw Problem.invalid("deletedAccountComments", "deletedAccountComments is anonymize or remove.");
        }
        return given;
    }

    private static int range(String field, Integer given, int current, int min, int max) {
        if (given == null) {
            return current;
        }
        if (given < min || given > max) {
            throw Problem.invalid(field, field + " must be between " + min + " and " + max + ".");
        }
        return given;
    }

    private static double probability(String field, Double given, double current) {
        if (given == null) {
            return current;
        }
        if (given.isNaN() || given < 0 || given > 1) {
            throw Problem.invalid(field, field + " must be between 0 and 1.");
        }
        return given;
    }

    private static Map<String, Map<String, Double>> thresholds(Map<String, Map<String, Double>> given,
            Map<String, Map<String, Double>> current) {
        if (given == null) {
            return current;
        }
        for (Map.Entry<String, Map<String, Double>> category : given.entrySet()) {
            if (!CATEGORIES.contains(category.getKey()) || category.getValue() == null) {
                throw Problem.invalid("thresholds", "Thresholds are set per category: " + CATEGORIES + ".");
            }
            double previous = 0;
            for (String band : BANDS) {
                Double value = category.getValue().get(band);
                if (value == null) {
                    continue;
                }
                probability("thresholds", value, 0);
                if (value < previous) {
                    throw Problem.invalid("thresholds", "For " + category.getKey()
                            + ", nudge ≤ hold ≤ reject must hold.");
                }
                previous = value;
            }
            if (!BANDS.containsAll(category.getValue().keySet())) {
                throw Problem.invalid("thresholds", "Bands are nudge, hold and reject.");
            }
        }
        return given;
    }
}
