package org.parley.moderation;

import java.time.Duration;
import org.parley.comment.CommentRules;
import org.parley.site.SiteStore;

/**
 * How long authors may edit their comments on each site: the site's own setting, else the server's. Read from the
 * site's settings as the pipeline reuses them ({@link SiteStore#recentSettings}: at most a couple of seconds
 * old, and at once on this instance after a change). Thread-safe.
 */
public final class EditWindows {

    private final SiteStore store;
    private final CommentRules rules;

    public EditWindows(SiteStore store, CommentRules rules) {
        this.store = store;
        this.rules = rules;
    }

    public Duration forSite(String siteId) {
        Integer minutes = store.recentSettings(siteId).editWindowMinutes();
        return minutes == null ? rules.editWindow() : Duration.ofMinutes(minutes);
    }
}
