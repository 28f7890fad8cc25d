package org.parley.story;

import java.util.Locale;

/** Whether a story takes new comments. */
public enum StoryStatus {
    OPEN,
    CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoryStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
