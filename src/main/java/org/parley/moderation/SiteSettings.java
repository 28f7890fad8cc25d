package org.parley.moderation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A site's moderation settings, stored as JSON with the site. Every field has a default, so a site without
 * settings moderates sensibly: no word lists, more than two links held, no premoderation, reports queue a comment
 * at three readers and hold it at five.
 *
 * @param bannedWords words whose presence rejects a comment (matched whole-word after normalization)
 * @param suspectWords words whose presence holds a comment for a moderator
 * @param linkLimit the most links a comment may carry before it is held
 * @param premoderation true to hold every comment on the site for a moderator
 * @param newCommenterComments how many first comments of a new account face the lower bar (0: rule off)
 * @param newCommenterBar the score above which a new account's comment is held
 * @param reportsToQueue distinct readers' reports that put a comment in the reported queue
 * @param reportsToHold distinct readers' reports that also hold it until reviewed
 * @param editWindowMinutes how long authors may edit on this site; null for the server's setting
 * @param guestComments whether readers without an account may comment: {@code off} (the default), {@code pending}
 *     (held for a moderator) or {@code published} (judged like any comment)
 * @param thresholds per category ({@code rude} …), per band ({@code nudge}, {@code hold}, {@code reject}), the
 *     site's own civility thresholds; a missing one means the model's shipped threshold
 * @param deletedAccountComments what happens to a reader's comments when they delete their account:
 *     {@code anonymize} (kept, shown as "deleted user"; the default) or {@code remove}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteSettings(
        List<String> bannedWords,
        List<String> suspectWords,
        Integer linkLimit,
        Boolean premoderation,
        Integer newCommenterComments,
        Double newCommenterBar,
        Integer reportsToQueue,
        Integer reportsToHold,
        Map<String, Map<String, Double>> thresholds,
        Integer editWindowMinutes,
        String deletedAccountComments,
        String guestComments) {

    /** The policies for a deleted account's comments. */
    public static final List<String> DELETED_ACCOUNT_POLICIES = List.of("anonymize", "remove");

    /** The values {@code guestComments} takes. */
    public static final java.util.Set<String> GUEST_MODES = java.util.Set.of("off", "pending", "published");

    public SiteSettings {
        bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
        suspectWords = suspectWords == null ? List.of() : List.copyOf(suspectWords);
        linkLimit = linkLimit == null ? 2 : linkLimit;
        premoderation = premoderation != null && premoderation;
        newCommenterComments = newCommenterComments == null ? 0 : newCommenterComments;
        newCommenterBar = newCommenterBar == null ? 0.3 : newCommenterBar;
        reportsToQueue = reportsToQueue == null ? 3 : reportsToQueue;
        reportsToHold = reportsToHold == null ? 5 : reportsToHold;
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        guestComments = guestComments == null || !GUEST_MODES.contains(guestComments) ? "off" : guestComments;
        deletedAccountComments = deletedAccountComments == null ? "anonymize" : deletedAccountComments;
    }

    /** The settings with a site edit window and the default policy for deleted accounts' comments. */
    public SiteSettings(List<String> bannedWords, List<String> suspectWords, Integer linkLimit, Boolean premoderation,
            Integer newCommenterComments, Double newCommenterBar, Integer reportsToQueue, Integer reportsToHold,
            Map<String, Map<String, Double>> thresholds, Integer editWindowMinutes) {
        this(bannedWords, suspectWords, linkLimit, premoderation, newCommenterComments, newCommenterBar,
                reportsToQueue, reportsToHold, thresholds, editWindowMinutes, null, null);
    }

    /** True when a deleted account's comments leave the site rather than stay as "deleted user". */
    public boolean removesDeletedAccountComments() {
        return "remove".equals(deletedAccountComments);
    }

    /** The settings without a site edit window (the server's applies). */
    public SiteSettings(List<String> bannedWords, List<String> suspectWords, Integer linkLimit, Boolean premoderation,
            Integer newCommenterComments, Double newCommenterBar, Integer reportsToQueue, Integer reportsToHold,
            Map<String, Map<String, Double>> thresholds) {
        this(bannedWords, suspectWords, linkLimit, premoderation, newCommenterComments, newCommenterBar,
                reportsToQueue, reportsToHold, thresholds, null);
    }

    /** Whether the site takes comments from guests. */
    public boolean acceptsGuests() {
        return !"off".equals(guestComments);
    }

    /** The site's threshold for a category and band, if it set one. */
    public java.util.Optional<Double> threshold(String category, String band) {
        return java.util.Optional.ofNullable(thresholds.getOrDefault(category, Map.of()).get(band));
    }

    public static SiteSettings defaults() {
        return new SiteSettings(null, null, null, null, null, null, null, null, null);
    }
}
