package org.parley.site;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.classifier.Band;
import org.parley.classifier.Category;

/**
 * A site's moderation settings, stored as JSON with the site: the one declaration of their fields, read from the
 * database, shown in the settings form and changed by a patch of the same names ({@link #patched}). Every field
 * has a default, so a site without settings moderates sensibly: no word lists, more than two links held, no
 * premoderation, reports queue a comment at three readers and hold it at five, stories open until a moderator
 * closes them. The checks a change passes are in
 * {@link SiteAdministration}.
 *
 * @param bannedWords words whose presence rejects a comment (matched whole-word after normalization)
 * @param suspectWords words whose presence holds a comment for a moderator
 * @param linkLimit the most links a comment may carry before it is held
 * @param premoderation true to hold every comment on the site for a moderator
 * @param newCommenterComments how many first comments of a new account face the lower bar (0: rule off)
 * @param newCommenterBar the score above which a new account's comment is held
 * @param reportsToQueue distinct readers' reports that put a comment in the reported queue
 * @param reportsToHold distinct readers' reports that also hold it until reviewed
 * @param thresholds per {@link Category} code, per {@link Band} code ({@code nudge}, {@code hold}, {@code reject}),
 *     the site's own civility thresholds; a missing one means the model's shipped threshold
 * @param editWindowMinutes how long authors may edit on this site; null for the server's setting
 * @param deletedAccountComments what happens to a reader's comments when they delete their account:
 *     {@code anonymize} (kept, shown as "deleted user"; the default) or {@code remove}
 * @param guestComments whether readers without an account may comment: {@code off} (the default), {@code pending}
 *     (held for a moderator) or {@code published} (judged like any comment)
 * @param closeAfterDays close a story's comments this many days after its first comment (0, the default: never);
 *     see {@link org.parley.story.StoryClosing}
 * @param challenge when sign-ups, guest comments and password resets need a proof of work: {@code always},
 *     {@code threshold} (the default: once one address or the whole site is over the limits below) or {@code off};
 *     see {@link org.parley.challenge.Challenges}
 * @param challengeComplexity the challenge's largest number, which the browser finds after half as many hashes on
 *     average (50,000 by default: well under a second in a current browser)
 * @param challengeAddressLimit in threshold mode, how many requests of a kind one address makes in ten minutes
 *     before it needs a proof of work (3 by default)
 * @param challengeSiteLimit in threshold mode, how many requests of a kind the whole site takes in ten minutes
 *     before everyone needs one (100 by default)
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
        String guestComments,
        Integer closeAfterDays,
        String challenge,
        Integer challengeComplexity,
        Integer challengeAddressLimit,
        Integer challengeSiteLimit) {

    /** The policies for a deleted account's comments. */
    public static final List<String> DELETED_ACCOUNT_POLICIES = List.of("anonymize", "remove");

    /** The values {@code guestComments} takes. */
    public static final Set<String> GUEST_MODES = Set.of("off", "pending", "published");

    /** The values {@code challenge} takes (the codes of {@code challenge/ChallengeMode}). */
    public static final Set<String> CHALLENGE_MODES = Set.of("always", "threshold", "off");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SiteSettings DEFAULTS = fromJson(JSON.createObjectNode());

    /** Fills in the defaults. Lists and maps are copied as given (nulls inside too), for the checks to refuse. */
    public SiteSettings {
        bannedWords = bannedWords == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bannedWords));
        suspectWords = suspectWords == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(suspectWords));
        linkLimit = linkLimit == null ? 2 : linkLimit;
        premoderation = premoderation != null && premoderation;
        newCommenterComments = newCommenterComments == null ? 0 : newCommenterComments;
        newCommenterBar = newCommenterBar == null ? 0.3 : newCommenterBar;
        reportsToQueue = reportsToQueue == null ? 3 : reportsToQueue;
        reportsToHold = reportsToHold == null ? 5 : reportsToHold;
        thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        deletedAccountComments = deletedAccountComments == null ? "anonymize" : deletedAccountComments;
        guestComments = guestComments == null ? "off" : guestComments;
        closeAfterDays = closeAfterDays == null ? 0 : closeAfterDays;
        challenge = challenge == null ? "threshold" : challenge;
        challengeComplexity = challengeComplexity == null ? 50_000 : challengeComplexity;
        challengeAddressLimit = challengeAddressLimit == null ? 3 : challengeAddressLimit;
        challengeSiteLimit = challengeSiteLimit == null ? 100 : challengeSiteLimit;
    }

    public static SiteSettings defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults with the fields named in {@code changes} (by their JSON names) set, the way a stored site or a
     * patch gives them: {@code SiteSettings.of(Map.of("premoderation", true))}. Unknown names are ignored.
     */
    public static SiteSettings of(Map<String, ?> changes) {
        return DEFAULTS.patched(changes);
    }

    /**
     * These settings with the fields named in {@code changes} replaced; a missing or null field keeps its value.
     * Throws {@link IllegalArgumentException} naming the field when a value is of the wrong kind.
     */
    public SiteSettings patched(Map<String, ?> changes) {
        ObjectNode merged = JSON.valueToTree(this);
        changes.forEach((field, value) -> {
            if (value != null && merged.has(field)) {
                merged.set(field, JSON.valueToTree(value));
            }
        });
        return fromJson(merged);
    }

    /** The names of the fields, as the JSON and a patch spell them. */
    public static List<String> fields() {
        return java.util.Arrays.stream(SiteSettings.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
    }

    private static SiteSettings fromJson(ObjectNode node) {
        try {
            return JSON.treeToValue(node, SiteSettings.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** True when a deleted account's comments leave the site rather than stay as "deleted user". */
    public boolean removesDeletedAccountComments() {
        return "remove".equals(deletedAccountComments);
    }

    /** Whether the site takes comments from guests. */
    public boolean acceptsGuests() {
        return "pending".equals(guestComments) || "published".equals(guestComments);
    }

    /** The site's threshold for a category and band, if it set one. */
    public Optional<Double> threshold(Category category, Band band) {
        return Optional.ofNullable(thresholds.getOrDefault(category.code(), Map.of()).get(band.code()));
    }
}
