package org.parley.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.parley.problem.Problem;

/**
 * The normal form of an article's URL (lower-case scheme and host, default port and fragment dropped), so that one
 * article keeps one thread, and the origin a site must allow for it. Stateless.
 */
public final class ArticleUrls {

    private static final int MAX_URL_LENGTH = 2000;

    private ArticleUrls() {
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

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
