package org.parley.story;

import java.util.List;

/** A publisher's site: the origins whose pages may carry its threads, and the guidelines shown to readers. */
public record Site(String id, String name, List<String> origins, String guidelines) {

    public static final String DEFAULT_GUIDELINES = "Comments are a resource for other readers. Be respectful of"
            + " different opinions and of other users. No rude, aggressive, derogatory or discriminatory language.";

    public Site {
        origins = List.copyOf(origins);
    }

    public boolean allowsOrigin(String origin) {
        return origins.contains(origin);
    }
}
