package org.parley.moderation;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.parley.comment.CommentRules;

/**
 * How long authors may edit their comments on each site: the site's own setting, else the server's. Read from the
 * site's settings at most every 30 seconds (and at once on this instance after a change). Thread-safe.
 */
public final class EditWindows {

    private final LoadingCache<String, Duration> windows;

    public EditWindows(ModerationStore store, CommentRules rules) {
        this.windows = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(30))
                .maximumSize(10_000)
                .build(site -> {
                    Integer minutes = store.settings(site).editWindowMinutes();
                    return minutes == null ? rules.editWindow() : Duration.ofMinutes(minutes);
                });
    }

    public Duration forSite(String siteId) {
        return windows.get(siteId);
    }

    void forget(String siteId) {
        windows.invalidate(siteId);
    }
}
