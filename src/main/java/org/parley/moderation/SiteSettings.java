package org.parley.moderation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

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
        Integer reportsToHold) {

    public SiteSettings {
        bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
        suspectWords = suspectWords == null ? List.of() : List.copyOf(suspectWords);
        linkLimit = linkLimit == null ? 2 : linkLimit;
        premoderation = premoderation != null && premoderation;
        newCommenterComments = newCommenterComments == null ? 0 : newCommenterComments;
        newCommenterBar = newCommenterBar == null ? 0.3 : newCommenterBar;
        reportsToQueue = reportsToQueue == null ? 3 : reportsToQueue;
        reportsToHold = reportsToHold == null ? 5 : reportsToHold;
    }

    public static SiteSettings defaults() {
        return new SiteSettings(null, null, null, null, null, null, null, null);
    }
}
