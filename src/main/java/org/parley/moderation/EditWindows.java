package org.parley.moderation;

import java.time.Duration;
import org.parley.comment.CommentRules;

/**
 * How long authors may edit their comments on each site: the site's own setting, else the server's. Read from the
 * site's settings as the pipeline reuses them ({@link ModerationStore#recentSettings}: at most a couple of seconds
 * old, and at once on this instance after a change). Thread-safe.
 */
public final class EditWindows {

    private final ModerationStore store;
    private final CommentRules rules;

    public EditWindows(ModerationStore store, CommentRules rules) {
        this.store = store;
        this.rules = rules;
    }

    public Duration forSite(String siteId) {
        Integer minutes = store.recentSettings(siteId).editWindowMinutes();
        return minutes == null ? rules.editWindow() : Duration.ofMinutes(minutes);
    }
}
