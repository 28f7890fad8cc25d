package org.parley.story;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.parley.problem.Problem;
import org.parley.store.Ids;

/**
 * Finds the story behind a thread, creating it on first use when the article's origin is one its site allows.
 * URLs are normalized first (lower-case scheme and host, default port and fragment dropped) so that one article
 * keeps one thread. Thread-safe.
 */
public final class Stories {

    private static final int MAX_URL_LENGTH = 2000;
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
        return stories.find(siteId, normalize(url));
    }

    public Story require(String storyId) {
        return stories.findById(storyId).orElseThrow(() -> Problem.notFound("story", "There is no such story."));
    }

    /** The normalized form of an article URL, or a 400 naming {@code url} when it is not an http(s) URL. */
    public static String normalize(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw Problem.invalid("url", "Give the article's full URL (http or https), at most "
                    + MAX_URL_LENGTH + " characters.");
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            int port = defaultPort(scheme) == uri.getPort() ? -1 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(scheme, null, uri.getHost().toLowerCase(Locale.ROOT), port, null, null, null)
                    + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            throw Problem.invalid("url", "Give the article's full URL (http or https); '" + abbreviate(url)
                    + "' is not one.");
        }
    }

    /** The origin (scheme, host and port) of a normalized URL. */
    public static String originOf(String normalizedUrl) {
        URI uri = URI.create(normalizedUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String requireAllowedUrl(Site site, String url) {
        String canonical = normalize(url);
        String origin = originOf(canonical);
        if (!site.allowsOrigin(origin)) {
            throw Problem.forbidden("origin_not_allowed", "The site '" + site.id() + "' does not take comments for"
                    + " pages on " + origin + "; an admin can add that origin to the site's allowed origins.");
        }
        return canonical;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String truncate(String title) {
        return title.length() <= MAX_TITLE_LENGTH ? title : title.substring(0, MAX_TITLE_LENGTH);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
