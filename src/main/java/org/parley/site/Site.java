package org.parley.site;

import java.util.List;

/**
 * A publisher's site: the origins whose pages may carry its threads, the guidelines shown to readers, and its
 * language (a BCP 47 tag such as {@code en} or {@code tr}, the default for its widget and mail).
 */
public record Site(String id, String name, List<String> origins, String guidelines, String language) {

    public static final String DEFAULT_GUIDELINES = "Comments are a resource for other readers. Be respectful of"
            + " different opinions and of other users. No rude, aggressive, derogatory or discriminatory language.";
    public static final String DEFAULT_LANGUAGE = "en";

    public Site {
        origins = List.copyOf(origins);
        language = language == null ? DEFAULT_LANGUAGE : language;
    }

    /** A site in the default language. */
    public Site(String id, String name, List<String> origins, String guidelines) {
        this(id, name, origins, guidelines, DEFAULT_LANGUAGE);
    }

    public Site withGuidelines(String newGuidelines) {
        return new Site(id, name, origins, newGuidelines, language);
    }

    public boolean allowsOrigin(String origin) {
        return origins.contains(origin);
    }
}
