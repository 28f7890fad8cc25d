package org.parley.story;

import java.time.Clock;
import java.util.Optional;
import org.parley.problem.Problem;
import org.parley.site.ArticleUrls;
import org.parley.site.Site;
import org.parley.site.SiteStore;
import org.parley.store.Ids;

/**
 * Finds the story behind a thread, creating it on first use when the article's origin is one its site allows.
 * URLs are normalized first ({@link ArticleUrls}) so that one article keeps one thread. Thread-safe.
 */
public final class Stories {

    private static final int MAX_TITLE_LENGTH = 300;

    private final SiteStore sites;
    private final StoryStore stories;
    private final Clock clock;

    public Stories(SiteStore sites, StoryStore stories, Clock clock) {
        this.sites = sites;
        this.stories = stories;
        this.clock = clock;
    }

    public Site requireSite(String siteId) {
        if (siteId == null || siteId.isBlank()) {
            throw Problem.invalid("site", "Name the site (the data-parley-site attribute), such as 'demo'.");
        }
        return sites.find(siteId).orElseThrow(() -> Problem.notFound("site", "There is no site '" + siteId + "'."));
    }

    /** The story for this article, created when missing; {@code title} may be null. */
    public Story findOrCreate(String siteId, String url, String title) {
        Site site = requireSite(siteId);
        String canonical = requireAllowedUrl(site, url);
        Optional<Story> found = stories.find(site.id(), canonical);
        if (found.isPresent()) {
            return found.get();
        }
        String storyTitle = title == null || title.isBlank() ? canonical : truncate(title.strip());
        stories.insertIfAbsent(new Story(Ids.newId(), site.id(), canonical, storyTitle, StoryStatus.OPEN, 0, false),
                clock.instant());
        return stories.find(site.id(), canonical).orElseThrow();
    }

    public Optional<Story> find(String siteId, String url) {
        return stories.find(siteId, ArticleUrls.normalize(url));
    }

    public Story require(String storyId) {
        return stories.findById(storyId).orElseThrow(() -> Problem.notFound("story", "There is no such story."));
    }

    private static String requireAllowedUrl(Site site, String url) {
        String canonical = ArticleUrls.normalize(url);
        String origin = ArticleUrls.originOf(canonical);
        if (!site.allowsOrigin(origin)) {
            throw Problem.forbidden("origin_not_allowed", "The site '" + site.id() + "' does not take comments for"
                    + " pages on " + origin + "; an admin can add that origin to the site's allowed origins.");
        }
        return canonical;
    }

    private static String truncate(String title) {
        return title.length() <= MAX_TITLE_LENGTH ? title : title.substring(0, MAX_TITLE_LENGTH);
    }
}
