package org.parley.site;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.parley.problem.Problem;
import org.parley.site.ArticleUrls;

/**
 * Creating and changing sites, checking every value before anything is stored: the id ({@code a-z}, {@code 0-9},
 * {@code -}), the name, the allowed origins (http(s) origins without a path), the guidelines and the language.
 * The dashboard, the API and {@code parley site create} all come through here. Thread-safe.
 */
public final class Sites {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final int MAX_NAME = 100;
    private static final int MAX_GUIDELINES = 2000;
    private static final int MAX_ORIGINS = 50;

    private final SiteStore store;
    private final Clock clock;

    public Sites(SiteStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What a site is made of, or what changes: on a change, null fields keep their values. */
    public record SiteFields(String name, List<String> origins, String guidelines, String language) {
    }

    /** Creates a site; 409 {@code site_exists} when the id is taken. */
    public Site create(String id, SiteFields fields) {
        Site site = checked(checkId(id), fields, null);
        if (!store.insert(site, clock.instant())) {
            throw Problem.conflict("site_exists", "There is a site '" + id + "' already.");
        }
        return site;
    }

    /** Creates a site or replaces the fields given of the one with this id (the command line's {@code create}). */
    public Site save(String id, SiteFields fields) {
        Site site = checked(checkId(id), fields, store.find(id).orElse(null));
        store.save(site, clock.instant());
        return site;
    }

    /** Changes the fields given; 404 for an unknown site. */
    public Site change(String id, SiteFields fields) {
        Site current = require(id);
        Site site = checked(id, fields, current);
        store.save(site, clock.instant());
        return site;
    }

    public Site require(String id) {
        return store.find(id).orElseThrow(() -> Problem.notFound("site", "There is no site '" + id + "'."));
    }

    public List<Site> list() {
        return store.list();
    }

    private static Site checked(String id, SiteFields fields, Site current) {
        String name = fields.name() != null || current == null
                ? text("name", fields.name(), MAX_NAME) : current.name();
        List<String> origins = fields.origins() != null || current == null
                ? origins(fields.origins()) : current.origins();
        String guidelines = fields.guidelines() != null ? text("guidelines", fields.guidelines(), MAX_GUIDELINES)
                : current == null ? Site.DEFAULT_GUIDELINES : current.guidelines();
        String language = fields.language() != null ? language(fields.language())
                : current == null ? Site.DEFAULT_LANGUAGE : current.language();
        return new Site(id, name, origins, guidelines, language);
    }

    private static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw Problem.invalid("id", "A site id is 1 to 40 of a-z, 0-9 and '-', starting with a letter or digit.");
        }
        return id;
    }

    private static String text(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw Problem.invalid(field, "Give the " + field + " (1 to " + max + " characters).");
        }
        return stripped;
    }

    private static String language(String value) {
        if (!LANGUAGE.matcher(value.strip()).matches()) {
            throw Problem.invalid("language", "Give the language as a tag such as en, tr or pt-BR.");
        }
        return value.strip();
    }

    /** The origins, normalized; 400 on {@code origins} unless each is an http(s) origin without a path. */
    public static List<String> origins(List<String> given) {
        if (given == null || given.isEmpty() || given.size() > MAX_ORIGINS) {
            throw Problem.invalid("origins", "Give 1 to " + MAX_ORIGINS + " origins, such as https://www.example.org.");
        }
        List<String> origins = new ArrayList<>();
        for (String origin : given) {
            String normalized = origin(origin);
            if (!origins.contains(normalized)) {
                origins.add(normalized);
            }
        }
        return origins;
    }

    private static String origin(String origin) {
        String message = "An origin is http(s)://host[:port] without a path, such as https://www.example.org; '"
                + origin + "' is not one.";
        try {
            String normalized = ArticleUrls.originOf(ArticleUrls.normalize(origin));
            String path = URI.create(origin.strip()).getRawPath();
            if (path != null && !path.replace("/", "").isEmpty() || URI.create(origin.strip()).getRawQuery() != null) {
                throw Problem.invalid("origins", message);
            }
            return normalized;
        } catch (Problem | IllegalArgumentException | NullPointerException e) {
            throw Problem.invalid("origins", message);
        }
    }
}
